using System.Globalization;
using System.Text.Json;
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
    public string Channel => PublicationChannels.Facebook;

    public async Task<ChannelResult> PublishAsync(PublicationContext context, CancellationToken cancellationToken)
    {
        var channel = options.Value.Facebook;
        var publication = context.Publication;
        if (publication.EditOf is not null)
        {
            return await EditAsync(context, channel, cancellationToken);
        }

        var photo = context.Content.Photos.FirstOrDefault(p => p.IsImage);
        var message = Captions.Facebook(context.Content, context.ArticleUrl);
        var path = photo is null ? $"{channel.TargetId}/feed" : $"{channel.TargetId}/photos";
        var fields = new List<KeyValuePair<string, string>> { new(photo is null ? "message" : "caption", message) };
        if (photo is null && context.ArticleUrl is not null)
        {
            fields.Add(new("link", context.ArticleUrl));
        }

        if (photo?.Caption is not null)
        {
            fields.Add(new("alt_text_custom", photo.Caption));
        }

        if (!channel.IsConfigured)
        {
            return new ChannelResult.DryRun(DryRunRecord.Describe("POST", $"{channel.GraphBaseUrl}/{{page-id}}/{(photo is null ? "feed" : "photos")}", fields,
                photo is null ? null : $"source: JPEG dari media {photo.MediaId:N} (rendisi Facebook)"));
        }

        if (publication.RemoteId is not null)
        {
            return new ChannelResult.Published(publication.RemoteId, publication.Url);
        }

        if (publication.AttemptOpen)
        {
            var existing = await FindExistingPostAsync(channel, publication, context.ArticleUrl ?? context.Content.Title, cancellationToken);
            if (existing is not null)
            {
                return new ChannelResult.Published(existing, await PermalinkAsync(channel, existing, cancellationToken));
            }
        }

        publication.AttemptOpen = true;
        await context.SaveProgressAsync();
        GraphResponse response;
        if (photo is null)
        {
            response = await graph.PostFormAsync(channel, path, fields, cancellationToken);
        }
        else
        {
            var jpeg = await media.GetRenditionAsync(photo.MediaId, SocialRendition.Facebook, cancellationToken)
                ?? throw new InvalidOperationException($"Media {photo.MediaId} is missing.");
            response = await graph.PostPhotoAsync(channel, path, fields, jpeg, cancellationToken);
        }

        if (!response.Ok)
        {
            if (response.Error!.Kind == GraphErrorKind.Duplicate)
            {
                var existing = await FindExistingPostAsync(channel, publication, context.ArticleUrl ?? context.Content.Title, cancellationToken);
                if (existing is not null)
                {
                    return new ChannelResult.Published(existing, await PermalinkAsync(channel, existing, cancellationToken));
                }
            }

            // Meta answered: the attempt is closed (code 1 and 2 may still have created the post; the check runs again on retry).
            publication.AttemptOpen = response.Error.Code is 1 or 2;
            return GraphOutcomes.FromError(response.Error, publication.Attempts);
        }

        var postId = response.String("post_id") ?? response.String("id")!;
        publication.RemoteId = postId;
        await context.SaveProgressAsync();
        return new ChannelResult.Published(postId, await PermalinkAsync(channel, postId, cancellationToken));
    }

    /// <summary>A correction: the post's text is replaced by the corrected one with the dated note. Editing twice is harmless.</summary>
    private async Task<ChannelResult> EditAsync(PublicationContext context, ChannelCredentials channel, CancellationToken cancellationToken)
    {
        var publication = context.Publication;
        var message = Captions.Facebook(context.Content, context.ArticleUrl)
                      + $"\n\nRalat ({Abstractions.Text.IndonesianTime.Short(publication.DueAt)}): {publication.CorrectionNote}";
        var fields = new List<KeyValuePair<string, string>> { new("message", message) };
        if (!channel.IsConfigured)
        {
            return new ChannelResult.DryRun(DryRunRecord.Describe("POST", $"{channel.GraphBaseUrl}/{publication.EditOf}", fields, null));
        }

        var response = await graph.PostFormAsync(channel, publication.EditOf!, fields, cancellationToken);
        if (!response.Ok)
        {
            return GraphOutcomes.FromError(response.Error!, publication.Attempts);
        }

        publication.RemoteId = publication.EditOf;
        return new ChannelResult.Published(publication.EditOf, await PermalinkAsync(channel, publication.EditOf!, cancellationToken));
    }

    private async Task<string?> FindExistingPostAsync(ChannelCredentials channel, Models.Publication publication, string marker, CancellationToken cancellationToken)
    {
        var since = publication.CreatedAt.AddMinutes(-5).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var response = await graph.GetAsync(channel, $"{channel.TargetId}/feed?fields=id,message,created_time&since={since}&limit=100", cancellationToken);
        if (!response.Ok || !response.Body.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        foreach (var post in data.EnumerateArray())
        {
            if (post.TryGetProperty("message", out var text) && text.GetString()?.Contains(marker, StringComparison.Ordinal) == true)
            {
                return post.GetProperty("id").GetString();
            }
        }

        return null;
    }

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
