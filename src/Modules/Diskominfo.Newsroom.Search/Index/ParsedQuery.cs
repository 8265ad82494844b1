namespace Diskominfo.Newsroom.Search.Index;

/// <summary>What was typed, read: its clauses and the number of words in them (a phrase counts each of its words).</summary>
internal sealed record ParsedQuery(IReadOnlyList<QueryClause> Clauses, int WordCount);
