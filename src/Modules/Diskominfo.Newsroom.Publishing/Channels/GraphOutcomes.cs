using Diskominfo.Newsroom.Publishing.Graph;

namespace Diskominfo.Newsroom.Publishing.Channels;

/// <summary>Turns a Graph API error or a transport failure into what the job does next.</summary>
internal static class GraphOutcomes
{
    public static ChannelResult FromError(GraphError error, int attempts) => error.Kind switch
    {
        GraphErrorKind.Transient or GraphErrorKind.NotReady => new ChannelResult.Retry(error.Describe(), Backoff(attempts)),
        GraphErrorKind.RateLimited => new ChannelResult.Retry(error.Describe(), Backoff(attempts) + TimeSpan.FromMinutes(1)),
        GraphErrorKind.QuotaReached => new ChannelResult.Retry(error.Describe(), TimeSpan.FromMinutes(30)),
        _ => new ChannelResult.Failed(error.Describe()),
    };

    public static ChannelResult FromTransport(Exception exception, int attempts)
        => new ChannelResult.Retry($"Tidak ada jawaban dari Graph API ({exception.GetType().Name}); hasilnya diperiksa dulu sebelum mencoba lagi.", Backoff(attempts));

    /// <summary>5 s, 10 s, 20 s, ... capped at 10 minutes.</summary>
    public static TimeSpan Backoff(int attempts) => TimeSpan.FromSeconds(Math.Min(600, 5 * Math.Pow(2, Math.Max(0, attempts - 1))));

    public static bool IsTransport(Exception exception)
        => exception is HttpRequestException or TaskCanceledException or TimeoutException or IOException;
}
