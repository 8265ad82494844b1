using Diskominfo.Newsroom.Abstractions.Content;
using Diskominfo.Newsroom.Publishing.Models;
using Diskominfo.Newsroom.Publishing.Services;

namespace Diskominfo.Newsroom.Publishing.Channels;

/// <summary>How one attempt at a channel ended.</summary>
internal abstract record ChannelResult
{
    /// <summary>Meta's code and subcode of the error that led here, if any (<c>190/463</c>).</summary>
    public string? Code { get; init; }

    /// <summary>Live. <paramref name="Note"/> says how, when it was not this attempt's own call (found after an interruption).</summary>
    public sealed record Published(string? RemoteId, string? Url, string? Note = null) : ChannelResult
    {
        /// <summary>Found by a lookup in a run that made no post call: not one of the publication's attempts.</summary>
        public bool ByLookup { get; init; }
    }

    public const string FoundAfterInterruption = "Kiriman dari percobaan sebelumnya ternyata sudah dibuat; ditemukan dan dicatat, tidak dikirim ulang.";

    public sealed record DryRun(string Request) : ChannelResult;

    /// <summary>
    /// Try again after <paramref name="Delay"/>. Waits imposed by Meta (rate limits, the Instagram quota) do not count as
    /// attempts (<paramref name="CountsAsAttempt"/> false); a rate limit also stops every call to the channel meanwhile
    /// (<paramref name="BlocksChannel"/>), since calls while blocked extend the block.
    /// </summary>
    public sealed record Retry(string Error, TimeSpan Delay, bool CountsAsAttempt = true, bool BlocksChannel = false) : ChannelResult;

    public sealed record Failed(string Error) : ChannelResult;

    /// <summary>
    /// Whether the post exists is not known: the post call got no clear answer (<paramref name="CountsAsAttempt"/>), or the
    /// lookup before posting again did not answer (not an attempt). The publication waits, marked unknown, and its next run
    /// looks again; it never turns into failed, nor into "not posted", by itself.
    /// </summary>
    public sealed record Unknown(string Error, bool CountsAsAttempt) : ChannelResult;

    /// <summary>The token expired or was revoked: the channel is disconnected and the publication held, not failed.</summary>
    public sealed record Disconnected(string Error) : ChannelResult;

    /// <summary>Another channel must finish first (social posts wait for the article to be live).</summary>
    public sealed record Waiting : ChannelResult;
}

/// <summary>
/// What a channel gets to publish: the record, the signed version, the channel's credentials (null: not connected,
/// dry run), the operator's caption if one was set, and a way to save progress at once. The channel writes a short
/// summary of what it sent into <see cref="Request"/> for the attempt log.
/// </summary>
internal sealed class PublicationContext(
    Publication publication, ContentSnapshot content, string? articleUrl, ChannelCredentials? credentials, string? caption, Func<Task> saveProgressAsync,
    string? mayNotPostAgain = null)
{
    public Publication Publication { get; } = publication;

    public ContentSnapshot Content { get; } = content;

    public string? ArticleUrl { get; } = articleUrl;

    public ChannelCredentials? Credentials { get; } = credentials;

    /// <summary>The operator's caption (with <c>{tautan}</c> already replaced), or null for the generated one.</summary>
    public string? Caption { get; } = caption;

    public string? Request { get; set; }

    /// <summary>
    /// Set when the attempts are used up and this run only looks: once Meta says the post does not exist, the channel
    /// fails with this reason instead of posting. (Only a lookup's answer can end an unknown publication as failed.)
    /// </summary>
    public string? MayNotPostAgain { get; } = mayNotPostAgain;

    public Task SaveProgressAsync() => saveProgressAsync();
}

internal interface IChannelPublisher
{
    string Channel { get; }

    Task<ChannelResult> PublishAsync(PublicationContext context, CancellationToken cancellationToken);
}
