using NetVips;

namespace Diskominfo.Newsroom.Media.Services;

/// <summary>How this process uses libvips, set before the first image is touched (uploads and renditions alike).</summary>
internal static class VipsSettings
{
    private static int _applied;

    public static void Apply()
    {
        if (Interlocked.Exchange(ref _applied, 1) == 1)
        {
            return;
        }

        // Loaders libvips marks untrusted (ImageMagick, PDF renderers, ...) never run on uploads.
        NetVips.NetVips.BlockUntrusted = true;

        // No operation cache: libvips keys cached loads by buffer address, and a managed buffer's address can be
        // reused by the next upload, which must be checked on its own bytes, never answered from the cache. Each
        // rendition is made once and kept on disk, so the cache would only hold memory (about 100 MB by default).
        Cache.Max = 0;
        Cache.MaxMem = 0;
        Cache.MaxFiles = 0;
    }
}
