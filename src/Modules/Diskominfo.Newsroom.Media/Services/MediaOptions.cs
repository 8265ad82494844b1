namespace Diskominfo.Newsroom.Media.Services;

/// <summary>Upload limits (<c>Newsroom:Media</c>).</summary>
public sealed class MediaOptions
{
    public long MaxBytes { get; set; } = 25 * 1024 * 1024;

    /// <summary>Largest accepted photo in pixels (width x height); 60 MP covers every camera the office uses.</summary>
    public long MaxPixels { get; set; } = 60_000_000;
}
