namespace Diskominfo.Newsroom.Search.Index;

/// <summary>Search settings (<c>Newsroom:Search</c>).</summary>
public sealed class SearchOptions
{
    /// <summary>The index folder; empty: <c>search-index</c> in the data folder.</summary>
    public string? IndexPath { get; set; }

    /// <summary>How often the indexer looks for changes made by other nodes (its own wake it at once).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How long the change table keeps its rows; an index older than half of it is rebuilt at start.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(14);

    /// <summary>A missing change id older than this belongs to a transaction that rolled back.</summary>
    public TimeSpan GapTimeout { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How long one search may look through its matches; then it answers with those found so far, marked partial.
    /// Well under the 200 ms a search may cost, the rest being reading the query, snippets and the page.
    /// </summary>
    public TimeSpan TimeLimit { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// How many threads one staff search of a large index runs on, each over its own run of segments (default: one
    /// per processor; 1: on the request's thread alone). An index of fewer than <see cref="MinSliceDocuments"/>
    /// documents a thread is searched on one, and so is every anonymous search (its CPU time stays within its budget).
    /// </summary>
    public int Threads { get; set; } = Environment.ProcessorCount;

    /// <summary>
    /// Whether the index's files are held in the page cache while they are searched (Linux; default on): on a machine
    /// whose kernel drops idle page cache, a search otherwise reads its index back from the disk. Costs the index's size
    /// in the process's resident memory, as file pages the kernel can still reclaim under memory pressure.
    /// </summary>
    public bool KeepIndexResident { get; set; } = true;

    /// <summary>The fewest documents a search thread is given on average (tests lower it to split small indexes).</summary>
    internal int MinSliceDocuments { get; init; } = 50_000;
}
