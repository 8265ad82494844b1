namespace Diskominfo.Newsroom.Search.Index;

/// <summary>One clause of a query: a word (by its stem), one quoted word (as written), a phrase, or a prefix; perhaps excluded.</summary>
internal sealed record QueryClause(ClauseKind Kind, IReadOnlyList<string> Words, bool Excluded);
