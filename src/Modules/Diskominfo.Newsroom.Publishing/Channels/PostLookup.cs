namespace Diskominfo.Newsroom.Publishing.Channels;

/// <summary>
/// What a lookup at Meta said about an earlier post: found (with its id and link), certainly not there, or no answer.
/// Only <see cref="NotPosted"/> lets a channel post; <see cref="Unknown"/> is never read as "not posted".
/// </summary>
internal abstract record PostLookup
{
    public sealed record Found(string RemoteId, string? Url) : PostLookup;

    public sealed record NotPosted : PostLookup;

    /// <summary>The lookup failed (timeout, 5xx, code 1/2, a rate limit...); <paramref name="Result"/> says when to look again.</summary>
    public sealed record Unknown(ChannelResult Result) : PostLookup;

    public static readonly PostLookup None = new NotPosted();

    /// <summary>What the job does when the lookup did not answer: wait and look again, without using an attempt.</summary>
    public static Unknown NoAnswer(string what, Exception? exception = null, Graph.GraphResponse? response = null)
    {
        if (response?.Error is { } error)
        {
            // A rate limit or a revoked token found by the lookup is handled as such (wait without calling, hold the
            // publication); the lookup still has to answer before anything is posted.
            var outcome = GraphOutcomes.FromError(response, 0);
            if (outcome is ChannelResult.Disconnected || outcome is ChannelResult.Retry { BlocksChannel: true })
            {
                return new Unknown(outcome);
            }

            return new Unknown(new ChannelResult.Unknown(
                $"Pemeriksaan {what} di Meta belum berhasil (kode {error.CodeText}: {error.Message}); kiriman tidak dibuat ulang sebelum Meta menjawab. Diperiksa lagi nanti.",
                CountsAsAttempt: false) { Code = error.CodeText });
        }

        var reason = exception is null ? "tanpa jawaban" : $"tidak ada jawaban: {exception.GetType().Name}";
        return new Unknown(new ChannelResult.Unknown(
            $"Pemeriksaan {what} di Meta belum berhasil ({reason}); kiriman tidak dibuat ulang sebelum Meta menjawab. Diperiksa lagi nanti.",
            CountsAsAttempt: false));
    }
}
