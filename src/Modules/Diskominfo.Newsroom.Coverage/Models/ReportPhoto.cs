namespace Diskominfo.Newsroom.Coverage.Models;

/// <summary>A photo of a coverage report, checked by content and kept by this module under the data folder.</summary>
internal sealed class ReportPhoto
{
    public Guid Id { get; set; }

    public Guid AssignmentId { get; set; }

    /// <summary>Relative to the module's folder under the data folder.</summary>
    public string StoragePath { get; set; } = "";

    public string OriginalName { get; set; } = "";

    public string ContentType { get; set; } = "";

    public int Width { get; set; }

    public int Height { get; set; }

    public long Size { get; set; }

    public string Sha256 { get; set; } = "";

    public string UploadedById { get; set; } = "";

    public string UploadedByName { get; set; } = "";

    public DateTimeOffset UploadedAt { get; set; }
}
