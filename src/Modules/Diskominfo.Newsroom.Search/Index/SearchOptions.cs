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
}
