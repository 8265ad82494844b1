namespace Diskominfo.Newsroom.Archive.Models;

/// <summary>An item filed in the archive: its archive number (unique, gap-free per year) and classification code.</summary>
internal sealed class ArchiveRecord
{
    public Guid ItemId { get; set; }

    public string ContentType { get; set; } = "";

    public int Year { get; set; }

    public int Sequence { get; set; }

    public string Number { get; set; } = "";

    public string Classification { get; set; } = "";

    public DateTimeOffset ArchivedAt { get; set; }
}
