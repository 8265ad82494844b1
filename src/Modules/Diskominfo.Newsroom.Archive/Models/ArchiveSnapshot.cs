namespace Diskominfo.Newsroom.Archive.Models;

/// <summary>
/// What was filed, as it was: the sheet of an archived item (its first filing, then one per correction), kept as
/// JSON with its SHA-256. The table refuses UPDATE and DELETE (database triggers): the archive is never rewritten.
/// </summary>
internal sealed class ArchiveSnapshot
{
    public long Id { get; set; }

    public Guid ItemId { get; set; }

    /// <summary>0 for the first filing, then 1, 2... for each correction filed under the same number.</summary>
    public int Round { get; set; }

    public DateTimeOffset TakenAt { get; set; }

    public string Json { get; set; } = "";

    public string Sha256 { get; set; } = "";

    /// <summary>
    /// The filing's keyed seal: HMAC-SHA256 of <see cref="Json"/> under the keys folder's <c>archive-seal</c> key
    /// (<c>hmac-sha256:v1:...</c>); null on filings made before seals. Unlike <see cref="Sha256"/>, nobody without the key can
    /// make one match a changed sheet.
    /// </summary>
    public string? Seal { get; set; }
}
