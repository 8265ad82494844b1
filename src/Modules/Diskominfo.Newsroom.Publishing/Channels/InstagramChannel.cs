using Diskominfo.Newsroom.Abstractions.Media;
using Diskominfo.Newsroom.Abstractions.Publishing;
using Diskominfo.Newsroom.Publishing.Graph;
using Diskominfo.Newsroom.Publishing.Services;
using Microsoft.Extensions.Options;

namespace Diskominfo.Newsroom.Publishing.Channels;

/// <summary>
/// Instagram in two steps: a media container from the public JPEG URL of the photo's Instagram crop, then
/// media_publish once the container is FINISHED. The container id is stored at once; a retry looks at that
/// container (PUBLISHED means the post went out) instead of making another.
/// </summary>
internal sealed class InstagramChannel(GraphClient graph, IMediaLibrary media, IOptions<PublishingOptions> options, TimeProvider clock) : IChannelPublisher
{
    public string Channel => PublicationChannels.Instagram;

    public async Task<ChannelResult> PublishAsync(PublicationContext context, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var channel = context.Credentials;
        var publication = context.Publication;
        var photo = context.Content.Photos.FirstOrDefault(p => p.IsImage);
        if (photo is null)
        {
            return new ChannelResult.Failed("Instagram hanya menerima unggahan bergambar; naskah ini tidak memiliki foto.");
        }

        var imageUrl = settings.PublicBaseUrl.TrimEnd('/') + MediaPaths.Rendition(photo.MediaId, SocialRendition.Instagram);
        var fields = new List<KeyValuePair<string, string>>
        {
            new("image_url", imageUrl),
            new("caption", Captions.Instagram(context.Content, context.ArticleUrl, context.Caption)),
        };
        if (photo.Caption is not null)
        {
            fields.Add(new("alt_text", Captions.Shorten(photo.Caption, 1000)));
        }

        context.Request = $"POST /{{ig-user-id}}/media: image_url {imageUrl}, takarir {fields[1].Value.Length} karakter; lalu media_publish";
        if (channel is null)
        {
            return new ChannelResult.DryRun(DryRunRecord.Describe("POST", $"{settings.GraphBaseUrl}/{{ig-user-id}}/media", fields, null,
                new { method = "POST", url = $"{settings.GraphBaseUrl}/{{ig-user-id}}/media_publish", fields = new { creation_id = "{container-id}" } }));
        }

        if (publication.RemoteId is not null)
        {
            return new ChannelResult.Published(publication.RemoteId, publication.Url, ChannelResult.FoundAfterInterruption);
        }

        if (publication.ContainerId is not null)
        {
            var status = await ContainerStatusAsync(channel, publication.ContainerId, cancellationToken);
            switch (status)
            {
                case "PUBLISHED":
                    return new ChannelResult.Published(publication.ContainerId, null, ChannelResult.FoundAfterInterruption);
                case "ERROR" or "EXPIRED" or null:
                    publication.ContainerId = null;
                    break;
            }
        }

        if (publication.ContainerId is null)
        {
            // Make (and keep) the crop before Meta comes to fetch it.
            _ = await media.GetRenditionAsync(photo.MediaId, SocialRendition.Instagram, cancellationToken);
            var created = await graph.PostFormAsync(channel, $"{channel.TargetId}/media", fields, cancellationToken);
            if (!created.Ok)
            {
                return created.Error!.Kind == GraphErrorKind.ImageUnreachable && publication.Attempts < 3
                    ? new ChannelResult.Retry(created.Error.Describe(), GraphOutcomes.Backoff(publication.Attempts)) { Code = created.Error.CodeText }
                    : GraphOutcomes.FromError(created, publication.Attempts);
            }

            publication.ContainerId = created.String("id");
            await context.SaveProgressAsync();
        }

        var deadline = clock.GetUtcNow() + settings.ContainerWait;
        var wait = settings.ContainerPollInterval;
        string? state;
        while ((state = await ContainerStatusAsync(channel, publication.ContainerId!, cancellationToken)) is "IN_PROGRESS" or null)
        {
            if (clock.GetUtcNow() + wait > deadline)
            {
                return new ChannelResult.Retry("Kontainer Instagram belum siap; diperiksa lagi nanti.", TimeSpan.FromMinutes(1));
            }

            await Task.Delay(wait, clock, cancellationToken);
            wait *= 2;
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
            return GraphOutcomes.FromError(published, publication.Attempts);
        }

        var mediaId = published.String("id")!;
        publication.RemoteId = mediaId;
        await context.SaveProgressAsync();
        var permalink = await graph.GetAsync(channel, $"{mediaId}?fields=permalink", cancellationToken);
        return new ChannelResult.Published(mediaId, permalink.Ok ? permalink.String("permalink") : null);
    }

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

    private async Task<string?> ContainerStatusAsync(ChannelCredentials channel, string containerId, CancellationToken cancellationToken)
    {
        var response = await graph.GetAsync(channel, $"{containerId}?fields=status_code,status", cancellationToken);
        if (response.Ok)
        {
            return response.String("status_code");
        }

        // Reading a container right after creating it sometimes answers code 100/33: not an answer about the container.
        return response.Error!.Kind is GraphErrorKind.ContainerGone ? "EXPIRED" : null;
    }
}
