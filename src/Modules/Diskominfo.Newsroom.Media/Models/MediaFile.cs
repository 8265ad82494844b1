namespace Diskominfo.Newsroom.Media.Models;

/// <summary>An uploaded file, stored under a generated name; the original is never changed.</summary>
internal sealed class MediaFile
{
    public Guid Id { get; set; }

    public Guid ItemId { get; set; }

    /// <summary>Path relative to the media folder, generated (never the uploader's file name).</summary>
    public string StoragePath { get; set; } = "";

    public string OriginalName { get; set; } = "";

    public string ContentType { get; set; } = "";

    public long Size { get; set; }

    public int Width { get; set; }

    public int Height { get; set; }

    public string Sha256 { get; set; } = "";

    public string UploadedBy { get; set; } = "";

    public DateTimeOffset UploadedAt { get; set; }

    /// <summary>The focal point an editor set (fractions of the upright photo, 0..1); null: libvips finds the subject.</summary>
    public double? FocusX { get; set; }

    public double? FocusY { get; set; }

    public Services.Focus? Focus => FocusX is { } x && FocusY is { } y ? new Services.Focus(x, y) : null;
}
