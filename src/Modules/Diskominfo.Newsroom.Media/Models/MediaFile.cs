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

    /// <summary>The library's caption, credit and alt text: the last written at upload or in the library (each item keeps its own copy in its version).</summary>
    public string? Caption { get; set; }

    public string? Credit { get; set; }

    public string? AltText { get; set; }

    /// <summary>Bumped when the credit changes: the renditions carry the credit as EXIF Artist, so a new set is made.</summary>
    public int RenditionSet { get; set; }

    public Services.Focus? Focus => FocusX is { } x && FocusY is { } y ? new Services.Focus(x, y) : null;
}
