using Diskominfo.Newsroom.Abstractions.Content;
using Diskominfo.Newsroom.Abstractions.Publishing;
using Diskominfo.Newsroom.Publishing.Services;
using Microsoft.Extensions.Options;

namespace Diskominfo.Newsroom.Publishing.Channels;

/// <summary>Puts the signed version live on the regency website, dated with the time it was due, not the time the job ran.</summary>
internal sealed class WebsiteChannel(IContentPublisher content, IOptions<PublishingOptions> options) : IChannelPublisher
{
    public string Channel => PublicationChannels.Website;

    public async Task<ChannelResult> PublishAsync(PublicationContext context, CancellationToken cancellationToken)
    {
        var publication = context.Publication;
        var path = await content.PublishAsync(publication.ItemId, publication.VersionId, publication.DueAt, publication.CorrectionNote, cancellationToken);
        return new ChannelResult.Published(path, options.Value.PublicBaseUrl.TrimEnd('/') + path);
    }
}
