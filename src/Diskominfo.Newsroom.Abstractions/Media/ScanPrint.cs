namespace Diskominfo.Newsroom.Abstractions.Media;

/// <summary>The size a clipping's scan is printed at in the clipping book, shared by the Media and Reports modules.</summary>
public static class ScanPrint
{
    /// <summary>
    /// The longest edge, in pixels, of a scan printed in the clipping book (about 200 dpi over most of an A4 page):
    /// the Reports module asks for it, the Media module makes it ready when a clipping's scan is uploaded.
    /// </summary>
    public const int DefaultPixels = 1400;
}
