using System.Globalization;
using System.Text.Json;
using Diskominfo.Newsroom.Abstractions.Media;
using Diskominfo.Newsroom.Abstractions.Publishing;
using Diskominfo.Newsroom.Publishing.Graph;
using Diskominfo.Newsroom.Publishing.Services;
using Microsoft.Extensions.Options;

namespace Diskominfo.Newsroom.Publishing.Channels;

/// <summary>
/// Instagram in two steps: a media container from the public JPEG URL of the photo's Instagram crop, then
/// media_publish once the container is FINISHED. An item with 2 to 10 photos goes out as one carousel: a container per
/// photo (<c>is_carousel_item</c>, no caption), then the CAROUSEL container with the caption and the children, which is
/// the one published. The (carousel) container id is stored at once; a retry looks at that container (PUBLISHED means
/// the post went out) instead of making another. Children made by an attempt that stopped before its carousel
/// container was stored are never published: they expire unused.
/// </summary>
internal sealed class InstagramChannel(GraphClient graph, IMediaLibrary media, IOptions<PublishingOptions> options, TimeProvider clock) : IChannelPublisher
{
    public string Channel => PublicationChannels.Instagram;

    public async Task<ChannelResult> PublishAsync(PublicationContext context, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var channel = context.Credentials;
        var publication = context.Publication;
        var photos = context.Content.Photos.Where(p => p.IsImage).Take(MaxCarouselPhotos).ToList();
        if (photos.Count == 0)
        {
            return new ChannelResult.Failed("Instagram hanya menerima unggahan bergambar; naskah ini tidak memiliki foto.");
        }

        var photo = photos[0];
        var carousel = photos.Count >= 2;

        var imageUrl = settings.PublicBaseUrl.TrimEnd('/') + MediaPaths.Rendition(photo.MediaId, SocialRendition.Instagram);
        var fields = new List<KeyValuePair<string, string>>
        {
            new("image_url", imageUrl),
            new("caption", Captions.Instagram(context.Content, context.ArticleUrl, context.Caption)),
        };
        if ((photo.Alt ?? photo.Caption) is { } alt)
        {
            fields.Add(new("alt_text", Captions.Shorten(alt, 1000)));
        }

        context.Request = carousel
            ? $"POST /{{ig-user-id}}/media: {photos.Count} foto is_carousel_item, lalu media_type CAROUSEL dengan takarir {fields[1].Value.Length} karakter; lalu media_publish"
            : $"POST /{{ig-user-id}}/media: image_url {imageUrl}, takarir {fields[1].Value.Length} karakter; lalu media_publish";
        if (channel is null)
        {
            return carousel
                ? new ChannelResult.DryRun(DryRunRecord.Describe("POST", $"{settings.GraphBaseUrl}/{{ig-user-id}}/media",
                    [new("media_type", "CAROUSEL"), new("children", string.Join(',', photos.Select((_, i) => $"{{child-{i + 1}}}"))), fields[1]], null,
                    new
                    {
                        children = photos.Select(p => ChildFields(settings, p).ToDictionary(f => f.Key, f => f.Value)).ToList(),
                        publish = new { method = "POST", url = $"{settings.GraphBaseUrl}/{{ig-user-id}}/media_publish", fields = new { creation_id = "{container-id}" } },
                    }))
                : new ChannelResult.DryRun(DryRunRecord.Describe("POST", $"{settings.GraphBaseUrl}/{{ig-user-id}}/media", fields, null,
                    new { method = "POST", url = $"{settings.GraphBaseUrl}/{{ig-user-id}}/media_publish", fields = new { creation_id = "{container-id}" } }));
        }

        if (publication.RemoteId is not null)
        {
            return new ChannelResult.Published(publication.RemoteId, publication.Url, ChannelResult.FoundAfterInterruption);
        }

        var caption = fields[1].Value;
        if (publication.ContainerId is not null)
        {
            var (status, noAnswer) = await ContainerStatusAsync(channel, publication.ContainerId, cancellationToken);
            switch (status)
            {
                case "PUBLISHED":
                    return new ChannelResult.Published(publication.ContainerId, null, ChannelResult.FoundAfterInterruption) { ByLookup = true };
                case null when publication.AttemptOpen:
                    // media_publish may have gone through: the container's status must answer before anything else happens.
                    return noAnswer!.Result;
                case "ERROR" or "EXPIRED" or null:
                    // Never published (an expired container was not published in time); a new one is made, after the lookup
                    // below if an earlier call may have published another.
                    publication.ContainerId = null;
                    break;
                default:
                    // FINISHED or IN_PROGRESS: this container was not published, and no other was made after it.
                    publication.AttemptOpen = false;
                    break;
            }
        }

        if (publication.ContainerId is null && publication.AttemptOpen)
        {
            // No container to ask (lost with a crash or a restore, or expired): the account's recent media are searched.
            switch (await FindExistingMediaAsync(channel, publication, context.ArticleUrl, caption, cancellationToken))
            {
                case PostLookup.Found found:
                    return new ChannelResult.Published(found.RemoteId, found.Url, ChannelResult.FoundAfterInterruption) { ByLookup = true };
                case PostLookup.Unknown unknown:
                    return unknown.Result;
            }

            publication.AttemptOpen = false;
        }

        if (!publication.AttemptOpen && context.MayNotPostAgain is { } spent)
        {
            return new ChannelResult.Failed(spent);
        }

        if (publication.ContainerId is null && carousel)
        {
            var children = new List<string>();
            foreach (var child in photos)
            {
                _ = await media.GetRenditionAsync(child.MediaId, SocialRendition.Instagram, cancellationToken);
                var made = await graph.PostFormAsync(channel, $"{channel.TargetId}/media", ChildFields(settings, child), cancellationToken);
                if (!made.Ok)
                {
                    return Refused(made, publication);
                }

                children.Add(made.String("id")!);
            }

            // Meta takes the carousel only once every child is processed.
            foreach (var child in children)
            {
                if (await WaitFinishedAsync(channel, child, cancellationToken) is { } notReady)
                {
                    return notReady;
                }
            }

            fields = [new("media_type", "CAROUSEL"), new("children", string.Join(',', children)), new("caption", caption)];
        }

        if (publication.ContainerId is null)
        {
            // Make (and keep) the crop before Meta comes to fetch it.
            if (!carousel)
            {
                _ = await media.GetRenditionAsync(photo.MediaId, SocialRendition.Instagram, cancellationToken);
            }

            var created = await graph.PostFormAsync(channel, $"{channel.TargetId}/media", fields, cancellationToken);
            if (!created.Ok)
            {
                return Refused(created, publication);
            }

            publication.ContainerId = created.String("id");
            await context.SaveProgressAsync();
        }

        var state = await PollContainerAsync(channel, publication.ContainerId!, cancellationToken);
        if (state is null)
        {
            return new ChannelResult.Retry("Kontainer Instagram belum siap; diperiksa lagi nanti.", TimeSpan.FromMinutes(1));
        }

        if (state == "PUBLISHED")
        {
            return new ChannelResult.Published(publication.ContainerId, null, ChannelResult.FoundAfterInterruption);
        }

        if (state != "FINISHED")
        {
            publication.ContainerId = null;
            return new ChannelResult.Retry($"Kontainer Instagram berstatus {state}; dibuat ulang.", GraphOutcomes.Backoff(publication.Attempts));
        }

        // The publishing quota is a moving 24-hour window: when it is used up, wait for it instead of failing.
        var quota = await QuotaAsync(channel, cancellationToken);
        if (quota is { Used: var used, Total: var total } && used >= total)
        {
            return new ChannelResult.Retry(
                $"Kuota publikasi Instagram sudah terpakai ({used} dari {total} dalam 24 jam); kiriman menunggu kuota pulih dan diperiksa lagi tiap {GraphOutcomes.QuotaRecheck.TotalMinutes:0} menit.",
                GraphOutcomes.QuotaRecheck, CountsAsAttempt: false);
        }

        publication.AttemptOpen = true;
        await context.SaveProgressAsync();
        var published = await graph.PostFormAsync(channel, $"{channel.TargetId}/media_publish", [new("creation_id", publication.ContainerId!)], cancellationToken);
        if (!published.Ok)
        {
            // A transient error may come after the media was published: the container's status says, on the next run.
            if (published.Error!.Kind == GraphErrorKind.Transient)
            {
                return GraphOutcomes.Unknown(published);
            }

            publication.AttemptOpen = false;
            return GraphOutcomes.FromError(published, publication.Attempts);
        }

        var mediaId = published.String("id")!;
        publication.RemoteId = mediaId;
        await context.SaveProgressAsync();
        return new ChannelResult.Published(mediaId, await PermalinkAsync(channel, mediaId, cancellationToken));
    }

    /// <summary>The most photos one Instagram carousel takes (Meta: 10; the first ten photos of the item go).</summary>
    public const int MaxCarouselPhotos = 10;

    /// <summary>A carousel child: the photo's Instagram crop, its alt text; no caption (Meta refuses one on a child).</summary>
    private static List<KeyValuePair<string, string>> ChildFields(PublishingOptions settings, Abstractions.Content.PhotoRef photo)
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("image_url", settings.PublicBaseUrl.TrimEnd('/') + MediaPaths.Rendition(photo.MediaId, SocialRendition.Instagram)),
            new("is_carousel_item", "true"),
        };
        if ((photo.Alt ?? photo.Caption) is { } alt)
        {
            fields.Add(new("alt_text", Captions.Shorten(alt, 1000)));
        }

        return fields;
    }

    private static ChannelResult Refused(GraphResponse created, Models.Publication publication)
        => created.Error!.Kind == GraphErrorKind.ImageUnreachable && publication.Attempts < 3
            ? new ChannelResult.Retry(created.Error.Describe(), GraphOutcomes.Backoff(publication.Attempts)) { Code = created.Error.CodeText }
            : GraphOutcomes.FromError(created, publication.Attempts);

    /// <summary>Polls a carousel child until it is FINISHED; a retry later when it is not ready in time, or failed.</summary>
    private async Task<ChannelResult?> WaitFinishedAsync(ChannelCredentials channel, string containerId, CancellationToken cancellationToken)
        => await PollContainerAsync(channel, containerId, cancellationToken) switch
        {
            null => new ChannelResult.Retry("Foto karusel Instagram belum siap; dicoba lagi nanti.", TimeSpan.FromMinutes(1)),
            "FINISHED" => null,
            var state => new ChannelResult.Retry($"Foto karusel Instagram berstatus {state}; karusel dibuat ulang.", TimeSpan.FromMinutes(1)),
        };

    /// <summary>
    /// Reads a container's status until it is no longer in progress, waiting twice as long each time; null when
    /// <see cref="PublishingOptions.ContainerWait"/> runs out first.
    /// </summary>
    private async Task<string?> PollContainerAsync(ChannelCredentials channel, string containerId, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var deadline = clock.GetUtcNow() + settings.ContainerWait;
        var wait = settings.ContainerPollInterval;
        string? state;
        while ((state = (await ContainerStatusAsync(channel, containerId, cancellationToken)).Status) is "IN_PROGRESS" or null)
        {
            if (clock.GetUtcNow() + wait > deadline)
            {
                return null;
            }

            await Task.Delay(wait, clock, cancellationToken);
            wait *= 2;
        }

        return state;
    }

    private async Task<string?> PermalinkAsync(ChannelCredentials channel, string mediaId, CancellationToken cancellationToken)
    {
        try
        {
            var permalink = await graph.GetAsync(channel, $"{mediaId}?fields=permalink", cancellationToken);
            return permalink.Ok ? permalink.String("permalink") : null;
        }
        catch (Exception e) when (GraphOutcomes.IsTransport(e) && !cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    /// <summary>
    /// The account's media, newest first (<c>GET /{ig-user-id}/media</c>, page after page back to shortly before the
    /// publication was created), searched for the article's address or the caption that was sent. Any failure is
    /// <see cref="PostLookup.Unknown"/>, never "not posted".
    /// </summary>
    private async Task<PostLookup> FindExistingMediaAsync(
        ChannelCredentials channel, Models.Publication publication, string? articleUrl, string caption, CancellationToken cancellationToken)
    {
        const string what = "kiriman Instagram";
        var since = publication.CreatedAt.AddMinutes(-5);
        string? after = null;
        try
        {
            for (var page = 0; page < MaxLookupPages; page++)
            {
                var query = $"{channel.TargetId}/media?fields=id,caption,timestamp,permalink&limit=50" + (after is null ? "" : "&after=" + Uri.EscapeDataString(after));
                var response = await graph.GetAsync(channel, query, cancellationToken);
                if (!response.Ok)
                {
                    return PostLookup.NoAnswer(what, response: response);
                }

                if (!response.Body.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Array)
                {
                    return PostLookup.NoAnswer(what);
                }

                var older = false;
                foreach (var media in data.EnumerateArray())
                {
                    var text = media.TryGetProperty("caption", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
                    if (Captions.IsPostOf(text, articleUrl, caption) && media.TryGetProperty("id", out var id) && id.GetString() is { } mediaId)
                    {
                        var link = media.TryGetProperty("permalink", out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;
                        return new PostLookup.Found(mediaId, link);
                    }

                    older |= media.TryGetProperty("timestamp", out var t) && t.ValueKind == JsonValueKind.String
                             && DateTimeOffset.TryParse(t.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) && at < since;
                }

                after = FacebookChannel.NextCursor(response.Body);
                if (after is null || older)
                {
                    return PostLookup.None;
                }
            }
        }
        catch (Exception e) when (GraphOutcomes.IsTransport(e) && !cancellationToken.IsCancellationRequested)
        {
            return PostLookup.NoAnswer(what, e);
        }

        return PostLookup.NoAnswer(what);
    }

    /// <summary>How many pages of 50 media a lookup reads at most.</summary>
    private const int MaxLookupPages = 10;

    /// <summary><c>content_publishing_limit</c>: posts in the moving 24-hour window and the allowance; null when Meta does not say.</summary>
    private async Task<(int Used, int Total)?> QuotaAsync(ChannelCredentials channel, CancellationToken cancellationToken)
    {
        var response = await graph.GetAsync(channel, $"{channel.TargetId}/content_publishing_limit?fields=quota_usage,config", cancellationToken);
        if (!response.Ok || !response.Body.TryGetProperty("data", out var data) || data.ValueKind != System.Text.Json.JsonValueKind.Array || data.GetArrayLength() == 0)
        {
            return null;
        }

        var entry = data[0];
        return entry.TryGetProperty("quota_usage", out var usage) && usage.TryGetInt32(out var used)
               && entry.TryGetProperty("config", out var config) && config.TryGetProperty("quota_total", out var totalValue) && totalValue.TryGetInt32(out var total)
            ? (used, total)
            : null;
    }

    /// <summary>The container's status_code (<c>EXPIRED</c> when Meta no longer knows it), or null with the reason when Meta did not answer.</summary>
    private async Task<(string? Status, PostLookup.Unknown? NoAnswer)> ContainerStatusAsync(ChannelCredentials channel, string containerId, CancellationToken cancellationToken)
    {
        const string what = "kontainer Instagram";
        GraphResponse response;
        try
        {
            response = await graph.GetAsync(channel, $"{containerId}?fields=status_code,status", cancellationToken);
        }
        catch (Exception e) when (GraphOutcomes.IsTransport(e) && !cancellationToken.IsCancellationRequested)
        {
            return (null, PostLookup.NoAnswer(what, e));
        }

        if (response.Ok)
        {
            return response.String("status_code") is { } status ? (status, null) : (null, PostLookup.NoAnswer(what));
        }

        // Reading a container right after creating it sometimes answers code 100/33: not an answer about the container.
        return response.Error!.Kind is GraphErrorKind.ContainerGone ? ("EXPIRED", null) : (null, PostLookup.NoAnswer(what, response: response));
    }
}
