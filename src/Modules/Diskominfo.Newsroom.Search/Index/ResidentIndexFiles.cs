using System.IO.MemoryMappedFiles;
using Lucene.Net.Index;

namespace Diskominfo.Newsroom.Search.Index;

/// <summary>
/// Keeps the searched segments' files in the page cache (Linux): each one mapped read-only and read through once, the
/// mapping held while a searcher uses the file and let go when a merge has replaced it. Searches still read through
/// buffered positional reads; the mapping only keeps the kernel from dropping the pages. On a virtual machine whose
/// kernel reclaims idle page cache (a DAMON <c>pageout</c> scheme, or a host's memory balloon), a file read once was
/// gone from the cache 30-40 s later with 23 GB free, and a search of a million clippings then read its index back from
/// the disk (bench/search.sh: every one of 250 queries, 689 MiB); pages mapped into a process stayed. Under real memory
/// pressure the kernel can still take them back: they are clean file pages, not locked ones. The index's size shows in
/// the process's resident memory (as file pages, <c>RssFile</c>).
/// </summary>
internal sealed class ResidentIndexFiles(string folder) : IDisposable
{
    private readonly Dictionary<string, HeldFile> _held = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    /// <summary>Whether this system keeps mapped pages this way (Linux); elsewhere nothing is mapped.</summary>
    public static bool Supported => OperatingSystem.IsLinux();

    /// <summary>The files held and their bytes.</summary>
    public (int Files, long Bytes) Held
    {
        get
        {
            lock (_lock)
            {
                return (_held.Count, _held.Values.Sum(h => h.Length));
            }
        }
    }

    /// <summary>Holds every file of <paramref name="reader"/>'s segments, and lets go of those it no longer has.</summary>
    public void Keep(IndexReader reader)
    {
        var wanted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var leaf in reader.Leaves)
        {
            if (leaf.AtomicReader is SegmentReader segment)
            {
                wanted.UnionWith(segment.SegmentInfo.GetFiles());
            }
        }

        lock (_lock)
        {
            foreach (var gone in _held.Keys.Where(name => !wanted.Contains(name)).ToList())
            {
                _held.Remove(gone, out var held);
                held!.Dispose();
            }

            foreach (var name in wanted.Where(name => !_held.ContainsKey(name)))
            {
                if (Map(Path.Combine(folder, name)) is { } held)
                {
                    _held[name] = held;
                }
            }
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            foreach (var held in _held.Values)
            {
                held.Dispose();
            }

            _held.Clear();
        }
    }

    /// <summary>The file mapped and each of its pages read once; null when it is empty, already gone (merged away) or cannot be mapped.</summary>
    private static HeldFile? Map(string path)
    {
        FileStream file;
        try
        {
            // Shared for writing and deletion: the index writer owns the folder; a segment's files no longer change.
            file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null; // merged away meanwhile, or not readable: searches read it as before, it is only not held
        }

        if (file.Length == 0)
        {
            file.Dispose();
            return null;
        }

        MemoryMappedFile? map = null;
        try
        {
            var length = file.Length;
            map = MemoryMappedFile.CreateFromFile(file, null, 0, MemoryMappedFileAccess.Read, HandleInheritability.None, leaveOpen: false);
            var view = map.CreateViewAccessor(0, 0, MemoryMappedFileAccess.Read);
            var page = Environment.SystemPageSize;
            for (long offset = 0; offset < length; offset += page)
            {
                _ = view.ReadByte(offset);
            }

            return new HeldFile(map, view, length);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Searches read the file as before; only its pages are not held.
            if (map is null)
            {
                file.Dispose();
            }

            map?.Dispose();
            return null;
        }
    }

    private sealed record HeldFile(MemoryMappedFile Map, MemoryMappedViewAccessor View, long Length) : IDisposable
    {
        public void Dispose()
        {
            View.Dispose();
            Map.Dispose();
        }
    }
}
