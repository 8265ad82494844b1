using Diskominfo.Newsroom.Publishing.Graph;

namespace Diskominfo.Newsroom.Publishing.Channels;

/// <summary>Turns a Graph API error or a transport failure into what the job does next (graph-api.md, "Errors").</summary>
internal static class GraphOutcomes
{
    /// <summary>How long to wait for Instagram's 24-hour publishing window when the quota is used up, before looking again.</summary>
    public static readonly TimeSpan QuotaRecheck = TimeSpan.FromMinutes(15);

    public static ChannelResult FromError(GraphResponse response, int attempts)
    {
        var error = response.Error!;
        ChannelResult result = error.Kind switch
        {
            GraphErrorKind.Transient or GraphErrorKind.NotReady or GraphErrorKind.ContainerGone => new ChannelResult.Retry(error.Describe(), Backoff(attempts)),
            GraphErrorKind.RateLimited => new ChannelResult.Retry(
                error.Describe(), Longest(response.RegainAccessAfter, Backoff(attempts) + TimeSpan.FromMinutes(1)), CountsAsAttempt: false, BlocksChannel: true),
            GraphErrorKind.QuotaReached => new ChannelResult.Retry(error.Describe(), QuotaRecheck, CountsAsAttempt: false),
            GraphErrorKind.Disconnected => new ChannelResult.Disconnected(error.Describe()),
            _ => new ChannelResult.Failed(error.Describe()),
        };
        return result with { Code = error.CodeText };
    }

    public static ChannelResult FromTransport(Exception exception, int attempts)
        => new ChannelResult.Retry($"Tidak ada jawaban dari Graph API ({exception.GetType().Name}); hasilnya diperiksa dulu sebelum mencoba lagi.", Backoff(attempts));

    /// <summary>The post call got no answer: whether the post was made is unknown until a lookup says so.</summary>
    public static ChannelResult UnknownFromTransport(Exception exception)
        => new ChannelResult.Unknown($"Tidak ada jawaban dari Graph API ({exception.GetType().Name}); kiriman mungkin sudah dibuat. Diperiksa dulu di Meta sebelum mencoba lagi.", CountsAsAttempt: true);

    /// <summary>Meta answered the post call with a transient error (code 1, 2...), which may come after the post was made.</summary>
    public static ChannelResult Unknown(GraphResponse response)
        => new ChannelResult.Unknown(response.Error!.Describe() + " Kiriman mungkin sudah dibuat: diperiksa dulu di Meta sebelum mencoba lagi.", CountsAsAttempt: true)
        {
            Code = response.Error.CodeText,
        };

    /// <summary>The wait after <paramref name="failures"/> lookups in a row that Meta did not answer: doubling from <paramref name="first"/>, at most <paramref name="max"/>.</summary>
    public static TimeSpan LookupBackoff(int failures, TimeSpan first, TimeSpan max)
    {
        var wait = first.TotalSeconds * Math.Pow(2, Math.Clamp(failures - 1, 0, 30));
        return TimeSpan.FromSeconds(Math.Min(wait, max.TotalSeconds));
    }

    /// <summary>5 s, 10 s, 20 s, ... capped at 10 minutes.</summary>
    public static TimeSpan Backoff(int attempts) => TimeSpan.FromSeconds(Math.Min(600, 5 * Math.Pow(2, Math.Max(0, attempts - 1))));

    public static bool IsTransport(Exception exception)
        => exception is HttpRequestException or TaskCanceledException or TimeoutException or IOException;

    private static TimeSpan Longest(TimeSpan? a, TimeSpan b) => a is { } x && x > b ? x : b;
}
