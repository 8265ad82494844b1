namespace Diskominfo.Newsroom.Archive.Services;

/// <summary>
/// What the archive sheet says about its integrity, worked out again each time it is printed: the approval trail as the
/// buku agenda holds it now (and that it is the one filed), and the filing's own seal. <see cref="Filed"/> is what the
/// check said at filing time, printed only as such.
/// </summary>
internal sealed record SheetVerdict(bool Intact, string Chain, string Seal, string? Filed);
