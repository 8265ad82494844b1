using Diskominfo.Newsroom.Abstractions.Text;

namespace Diskominfo.Newsroom.Content.Endpoints;

/// <summary>
/// One saved revision of an item: its number (the item's <c>ETag</c> while it is the last), the version it went into,
/// its title, who saved it (<paramref name="Author"/>, <paramref name="AuthorId"/>) and when, and, for a restore,
/// which revision's text it restored.
/// </summary>
public sealed record VersionEntry(
    int Number, int Version, string Title, string Author, string AuthorId, DateTimeOffset SavedAt, string ContentHash, int? RestoredFrom, bool Current);

/// <summary>Two revisions side by side: <paramref name="A"/> on the left, <paramref name="B"/> on the right.</summary>
public sealed record VersionComparison(VersionEntry A, VersionEntry B, IReadOnlyList<DiffRow> Rows)
{
    public bool Any => Rows.Any(r => r.Kind != DiffRow.Same);
}

/// <summary>The answer to a restore: the new revision made from the older text.</summary>
public sealed record RestoredResponse(Guid Id, int Revision, int RestoredFrom, int Version, string ContentHash);

/// <summary>A refused stale save on the desk: the revision saved meanwhile, and its text (old) beside what was typed (new).</summary>
public sealed record EditConflict(VersionEntry Saved, IReadOnlyList<DiffRow> Rows);
