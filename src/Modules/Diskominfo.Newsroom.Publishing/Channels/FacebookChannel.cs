using System.Globalization;
using System.Text.Json;
using Diskominfo.Newsroom.Abstractions.Content;
using Diskominfo.Newsroom.Abstractions.Media;
using Diskominfo.Newsroom.Abstractions.Publishing;
using Diskominfo.Newsroom.Publishing.Graph;
using Diskominfo.Newsroom.Publishing.Services;
using Microsoft.Extensions.Options;

namespace Diskominfo.Newsroom.Publishing.Channels;

/// <summary>
/// A photo post (or a link post without photo) on the Facebook Page. The post id is stored as soon as Facebook
/// answers; after an attempt with no answer, the Page's recent posts are searched for the article link first.
/// </summary>
internal sealed class FacebookChannel(GraphClient graph, IMediaLibrary media, IOptions<PublishingOptions> options) : IChannelPublisher
{
    /// <summary>Facebook takes up to this many photos in one multi-photo post.</summary>
    public const int MaxPhotos = 10;

    public string Channel => PublicationChannels.Facebook;

    public async Task<ChannelResult> PublishAsync(PublicationContext context, CancellationToken cancellationToken)
    {
        var channel = context.Credentials;
        var publication = context.Publication;
        if (publication.EditOf is not null)
        {
            return await EditAsync(context, channel, cancellationToken);
        }

        var photos = context.Content.Photos.Where(p => p.IsImage).Take(MaxPhotos).ToList();
        var message = Captions.Facebook(context.Content, context.ArticleUrl, context.Caption);
        var baseUrl = channel?.GraphBaseUrl ?? options.Value.GraphBaseUrl;
        context.Request = photos.Count switch
        {
            0 => $"POST /{{page-id}}/feed: teks {message.Length} karakter dengan tautan artikel",
            1 => $"POST /{{page-id}}/photos: 1 foto (JPEG), takarir {message.Length} karakter",
            _ => $"POST /{{page-id}}/photos ×{photos.Count} (published=false), lalu POST /{{page-id}}/feed dengan attached_media: {photos.Count} foto, teks {message.Length} karakter",
        };
        if (channel is null)
        {
            return new ChannelResult.DryRun(DryRun(baseUrl, photos, message, context.ArticleUrl));
        }

        if (publication.RemoteId is not null)
        {
            return new ChannelResult.Published(publication.RemoteId, publication.Url, ChannelResult.FoundAfterInterruption);
        }

        if (publication.AttemptOpen)
        {
            // An earlier call may have made the post: Meta must say whether it exists before anything is sent again.
            switch (await FindExistingPostAsync(channel, publication, context.ArticleUrl, message, cancellationToken))
            {
                case PostLookup.Found found:
                    return new ChannelResult.Published(found.RemoteId, found.Url, ChannelResult.FoundAfterInterruption) { ByLookup = true };
                case PostLookup.Unknown unknown:
                    return unknown.Result;
            }

            publication.AttemptOpen = false;
            if (context.MayNotPostAgain is { } spent)
            {
                return new ChannelResult.Failed(spent);
            }
        }

        // Unpublished photos for a multi-photo post are harmless if a crash makes us upload them again: Meta drops
        // unattached ones within a day. Only the feed post is visible, and it is guarded like any other.
        var attached = new List<string>();
        if (photos.Count > 1)
        {
            foreach (var photo in photos)
            {
                var fields = new List<KeyValuePair<string, string>> { new("published", "false") };
                if (photo.Caption is not null)
                {
                    fields.Add(new("alt_text_custom", photo.Caption));
                }

                var uploaded = await graph.PostPhotoAsync(channel, $"{channel.TargetId}/photos", fields, await JpegAsync(photo.MediaId, cancellationToken), cancellationToken);
                if (!uploaded.Ok)
                {
                    return GraphOutcomes.FromError(uploaded, publication.Attempts);
                }

                attached.Add(uploaded.String("id")!);
            }
        }

        publication.AttemptOpen = true;
        await context.SaveProgressAsync();
        GraphResponse response;
        if (photos.Count == 1)
        {
            var fields = new List<KeyValuePair<string, string>> { new("caption", message) };
            if (photos[0].Caption is not null)
            {
                fields.Add(new("alt_text_custom", photos[0].Caption!));
            }

            response = await graph.PostPhotoAsync(channel, $"{channel.TargetId}/photos", fields, await JpegAsync(photos[0].MediaId, cancellationToken), cancellationToken);
        }
        else
        {
            var fields = new List<KeyValuePair<string, string>> { new("message", message) };
            if (photos.Count == 0 && context.ArticleUrl is not null)
            {
                fields.Add(new("link", context.ArticleUrl));
            }

            fields.AddRange(attached.Select((id, i) => new KeyValuePair<string, string>($"attached_media[{i}]", $"{{\"media_fbid\":\"{id}\"}}")));
            response = await graph.PostFormAsync(channel, $"{channel.TargetId}/feed", fields, cancellationToken);
        }

        if (!response.Ok)
        {
            if (response.Error!.Kind == GraphErrorKind.Duplicate)
            {
                switch (await FindExistingPostAsync(channel, publication, context.ArticleUrl, message, cancellationToken))
                {
                    case PostLookup.Found found:
                        return new ChannelResult.Published(found.RemoteId, found.Url, ChannelResult.FoundAfterInterruption);
                    case PostLookup.Unknown unknown:
                        return unknown.Result;
                }
            }

            // Code 1 and 2 (and any transient error) may come after the post was made: unknown until a lookup answers.
            // Any other answer says the post was not made.
            if (response.Error.Kind == GraphErrorKind.Transient)
            {
                return GraphOutcomes.Unknown(response);
            }

            publication.AttemptOpen = false;
            return GraphOutcomes.FromError(response, publication.Attempts);
        }

        var postId = response.String("post_id") ?? response.String("id")!;
        publication.RemoteId = postId;
        await context.SaveProgressAsync();
        return new ChannelResult.Published(postId, await PermalinkAsync(channel, postId, cancellationToken));
    }

    private async Task<byte[]> JpegAsync(Guid mediaId, CancellationToken cancellationToken)
        => await media.GetRenditionAsync(mediaId, SocialRendition.Facebook, cancellationToken)
           ?? throw new InvalidOperationException($"Media {mediaId} is missing.");

    private static string DryRun(string baseUrl, List<PhotoRef> photos, string message, string? articleUrl)
    {
        if (photos.Count == 1)
        {
            var fields = new List<KeyValuePair<string, string>> { new("caption", message) };
            if (photos[0].Caption is not null)
            {
                fields.Add(new("alt_text_custom", photos[0].Caption!));
            }

            return DryRunRecord.Describe("POST", $"{baseUrl}/{{page-id}}/photos", fields, $"source: JPEG dari media {photos[0].MediaId:N} (rendisi Facebook)");
        }

        var feed = new List<KeyValuePair<string, string>> { new("message", message) };
        if (photos.Count == 0 && articleUrl is not null)
        {
            feed.Add(new("link", articleUrl));
        }

        feed.AddRange(photos.Select((p, i) => new KeyValuePair<string, string>($"attached_media[{i}]", $"{{\"media_fbid\":\"{{photo-id-{i + 1}}}\"}}")));
        var uploads = photos.Select(p => (object)new { method = "POST", url = $"{baseUrl}/{{page-id}}/photos", fields = new { published = "false", alt_text_custom = p.Caption }, file = $"JPEG dari media {p.MediaId:N}" });
        return photos.Count == 0
            ? DryRunRecord.Describe("POST", $"{baseUrl}/{{page-id}}/feed", feed, null)
            : DryRunRecord.Describe("POST", $"{baseUrl}/{{page-id}}/feed", feed, null, [.. uploads]);
    }

    /// <summary>A correction: the post's text is replaced by the corrected one with the dated note. Editing twice is harmless.</summary>
    private async Task<ChannelResult> EditAsync(PublicationContext context, ChannelCredentials? channel, CancellationToken cancellationToken)
    {
        var publication = context.Publication;
        var message = Captions.Facebook(context.Content, context.ArticleUrl, context.Caption)
                      + $"\n\nRalat ({Abstractions.Text.IndonesianTime.Short(publication.DueAt)}): {publication.CorrectionNote}";
        var fields = new List<KeyValuePair<string, string>> { new("message", message) };
        context.Request = $"POST /{publication.EditOf}: teks ralat {message.Length} karakter";
        if (channel is null)
        {
            return new ChannelResult.DryRun(DryRunRecord.Describe("POST", $"{options.Value.GraphBaseUrl}/{publication.EditOf}", fields, null));
        }

        var response = await graph.PostFormAsync(channel, publication.EditOf!, fields, cancellationToken);
        if (!response.Ok)
        {
            return GraphOutcomes.FromError(response, publication.Attempts);
        }

        publication.RemoteId = publication.EditOf;
        return new ChannelResult.Published(publication.EditOf, await PermalinkAsync(channel, publication.EditOf!, cancellationToken));
    }

    /// <summary>
    /// The Page's posts since shortly before the publication was created (<c>GET /{page-id}/feed</c>, page after page), searched
    /// for the article's address or the text that was sent. Any failure is <see cref="PostLookup.Unknown"/>, never "not posted".
    /// </summary>
    private async Task<PostLookup> FindExistingPostAsync(
        ChannelCredentials channel, Models.Publication publication, string? articleUrl, string message, CancellationToken cancellationToken)
    {
        const string what = "kiriman Facebook";
        var since = publication.CreatedAt.AddMinutes(-5).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        string? after = null;
        try
        {
            for (var page = 0; page < MaxLookupPages; page++)
            {
                var query = $"{channel.TargetId}/feed?fields=id,message,created_time&since={since}&limit=100"
                            + (after is null ? "" : "&after=" + Uri.EscapeDataString(after));
                var response = await graph.GetAsync(channel, query, cancellationToken);
                if (!response.Ok)
                {
                    return PostLookup.NoAnswer(what, response: response);
                }

                if (!response.Body.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Array)
                {
                    return PostLookup.NoAnswer(what);
                }

                foreach (var post in data.EnumerateArray())
                {
                    var text = post.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
                    if (Captions.IsPostOf(text, articleUrl, message) && post.TryGetProperty("id", out var id) && id.GetString() is { } postId)
                    {
                        return new PostLookup.Found(postId, await PermalinkAsync(channel, postId, cancellationToken));
                    }
                }

                after = NextCursor(response.Body);
                if (after is null)
                {
                    return PostLookup.None;
                }
            }
        }
        catch (Exception e) when (GraphOutcomes.IsTransport(e) && !cancellationToken.IsCancellationRequested)
        {
            return PostLookup.NoAnswer(what, e);
        }

        // More posts since then than the lookup reads: not an answer either.
        return PostLookup.NoAnswer(what);
    }

    /// <summary>How many pages of 100 posts a lookup reads at most.</summary>
    private const int MaxLookupPages = 10;

    /// <summary>The cursor of the next page, when Meta says there is one (<c>paging.next</c>).</summary>
    internal static string? NextCursor(JsonElement body)
        => body.TryGetProperty("paging", out var paging) && paging.TryGetProperty("next", out _)
           && paging.TryGetProperty("cursors", out var cursors) && cursors.TryGetProperty("after", out var after) && after.ValueKind == JsonValueKind.String
            ? after.GetString()
            : null;

    private async Task<string?> PermalinkAsync(ChannelCredentials channel, string postId, CancellationToken cancellationToken)
    {
        try
        {
            var response = await graph.GetAsync(channel, $"{postId}?fields=permalink_url", cancellationToken);
            return response.Ok ? response.String("permalink_url") : null;
        }
        catch (Exception e) when (GraphOutcomes.IsTransport(e))
        {
            return null;
        }
    }
}
