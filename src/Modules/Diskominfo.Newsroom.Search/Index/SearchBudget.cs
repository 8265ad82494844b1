using System.Diagnostics;

namespace Diskominfo.Newsroom.Search.Index;

/// <summary>
/// What one search may spend: time until a deadline (a <see cref="Stopwatch"/> timestamp), and words of the index a
/// prefix may look through. Scorers, the collector and the prefix expansion tick it as they work; past the deadline,
/// or once the request is cancelled, it stops the search with <see cref="SearchTimeLimitException"/> (or the
/// cancellation), wherever the work is: many matches, or many candidates and few matches (exclusions, long phrases).
/// The slices of one search run on several threads: each thread counts its own ticks (a shared counter would bounce
/// between the cores' caches at every document), and the deadline is moved only before the slices start.
/// </summary>
internal sealed class SearchBudget(long deadline, CancellationToken cancellationToken)
{
    private long _deadline = deadline;

    /// <summary>How many of the index's words all the prefixes of one query may look at together.</summary>
    public const int PrefixScan = 50_000;

    [ThreadStatic]
    private static int t_ticks;

    public int PrefixScanLeft { get; set; } = PrefixScan;

    public static SearchBudget For(TimeSpan limit, CancellationToken cancellationToken)
        => new(Stopwatch.GetTimestamp() + (long)(limit.TotalSeconds * Stopwatch.Frequency), cancellationToken);

    /// <summary>A unit of work; the clock is looked at every 512 of them.</summary>
    public void Tick()
    {
        if ((++t_ticks & 511) == 0)
        {
            Check();
        }
    }

    /// <summary>Moves the deadline so that at least <paramref name="time"/> is left from now (never earlier).</summary>
    public void Reserve(TimeSpan time)
        => _deadline = Math.Max(_deadline, Stopwatch.GetTimestamp() + (long)(time.TotalSeconds * Stopwatch.Frequency));

    public void Check()
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (Stopwatch.GetTimestamp() > _deadline)
        {
            throw new SearchTimeLimitException();
        }
    }
}
