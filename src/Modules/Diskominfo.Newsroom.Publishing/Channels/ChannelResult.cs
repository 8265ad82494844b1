using Diskominfo.Newsroom.Abstractions.Content;
using Diskominfo.Newsroom.Publishing.Models;

namespace Diskominfo.Newsroom.Publishing.Channels;

/// <summary>How one attempt at a channel ended.</summary>
internal abstract record ChannelResult
{
    public sealed record Published(string? RemoteId, string? Url) : ChannelResult;

    public sealed record DryRun(string Request) : ChannelResult;

    public sealed record Retry(string Error, TimeSpan Delay) : ChannelResult;

    public sealed record Failed(string Error) : ChannelResult;

    /// <summary>Another channel must finish first (social posts wait for the article to be live).</summary>
    public sealed record Waiting : ChannelResult;
}

/// <summary>What a channel gets to publish: the record, the signed version, and a way to save progress at once.</summary>
internal sealed record PublicationContext(Publication Publication, ContentSnapshot Content, string? ArticleUrl, Func<Task> SaveProgressAsync);

internal interface IChannelPublisher
{
    string Channel { get; }

    Task<ChannelResult> PublishAsync(PublicationContext context, CancellationToken cancellationToken);
}
