namespace Diskominfo.Newsroom.Search.Index;

/// <summary>The kinds of clause the search syntax knows (see <see cref="NewsroomQueryParser"/>).</summary>
internal enum ClauseKind
{
    Word,
    Exact,
    Phrase,
    Prefix,
}
