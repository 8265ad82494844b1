using NetVips;

namespace Diskominfo.Newsroom.Media.Services;

/// <summary>How this process uses libvips, set before the first image is touched (uploads and renditions alike).</summary>
internal static class VipsSettings
{
    /// <summary>
    /// Gives the C heap's free pages back to the system (glibc's <c>malloc_trim</c>); whether it could (false elsewhere).
    /// libvips frees a photo's buffers once its rendition is made, but glibc kept the freed pages in each thread's arena,
    /// so every photo started from a larger process: 20 renditions peaked at 114 MiB, 93 MiB with this after each.
    /// Called once renditions pause (<see cref="TrimWhenIdle"/>).
    /// </summary>
    public static bool ReturnFreedMemory()
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        try
        {
            _ = MallocTrim(0);
            return true;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false; // not glibc (musl): nothing to give back this way
        }
    }

    [System.Runtime.InteropServices.DllImport("libc.so.6", EntryPoint = "malloc_trim")]
    [System.Runtime.InteropServices.DefaultDllImportSearchPaths(System.Runtime.InteropServices.DllImportSearchPath.SafeDirectories)]
    private static extern int MallocTrim(nuint pad);

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

        // Two worker threads per pipeline: a photo's JPEG decoding is serial (its entropy coding), but with a second thread
        // the resize runs beside it instead of after it (bench/renditions.sh, 20 photos decoded at a quarter: 3.64-3.68 s
        // against 3.83-3.85 s with one thread). The freed pages are given back once renditions pause (TrimWhenIdle).
        NetVips.NetVips.Concurrency = 2;
    }
}
