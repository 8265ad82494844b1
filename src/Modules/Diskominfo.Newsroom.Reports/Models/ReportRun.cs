namespace Diskominfo.Newsroom.Reports.Models;

/// <summary>
/// A report the office produced (a clipping book, a spend export): which, for which period, by whom, when, how many
/// entries and the SHA-256 of the file, so a printed copy can be matched to its run.
/// </summary>
internal sealed class ReportRun
{
    public long Id { get; set; }

    public string Kind { get; set; } = "";

    public string Period { get; set; } = "";

    public DateTimeOffset ProducedAt { get; set; }

    public string ProducedBy { get; set; } = "";

    public int Entries { get; set; }

    public long Bytes { get; set; }

    public string Sha256 { get; set; } = "";
}
