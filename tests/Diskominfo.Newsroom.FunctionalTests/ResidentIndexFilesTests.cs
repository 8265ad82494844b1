using Diskominfo.Newsroom.Abstractions.Content;
using Diskominfo.Newsroom.Abstractions.Search;
using Diskominfo.Newsroom.Search.Index;
using Lucene.Net.Index;

namespace Diskominfo.Newsroom.FunctionalTests;

/// <summary>
/// The searched index's files are held in the page cache by a read-only mapping each (Linux): exactly the files of the
/// segments being searched, read from the process's own memory map; those a rebuild or a merge replaced are let go
/// (no deleted file stays mapped, so its disk space comes back); and with the setting off nothing is mapped.
/// </summary>
public sealed class ResidentIndexFilesTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), "newsroom-resident-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task SearchedSegments_AreMapped_AndReplacedOnesLetGo()
    {
        Assert.True(OperatingSystem.IsLinux(), "the page cache is held this way on Linux, where the site runs");
        using var index = new SearchIndex(_path);
        for (var batch = 0; batch < 3; batch++)
        {
            for (var i = 0; i < 40; i++)
            {
                index.Add(Document($"Jembatan gantung desa {batch}-{i} diresmikan bupati"));
            }

            index.Commit(batch);
        }

        var first = SegmentFiles(index);
        Assert.True(index.Search(s => s.IndexReader.Leaves.Count) >= 3, "each commit should have made a segment");
        Assert.Equal(first, MappedFiles());
        Assert.Equal((first.Count, first.Sum(f => new FileInfo(Path.Combine(_path, f)).Length)), index.Resident);

        // A rebuild replaces every segment: the old files are deleted by the writer and must no longer be mapped.
        await index.ReplaceAllAsync<int>(
            async add =>
            {
                for (var i = 0; i < 25; i++)
                {
                    await add(i);
                }
            },
            i => [Document($"Pasar rakyat dibuka kembali {i}")],
            CancellationToken.None);
        index.Commit(3);

        var second = SegmentFiles(index);
        Assert.Empty(second.Intersect(first));
        Assert.Equal(second, MappedFiles());
        Assert.DoesNotContain(MapsOfIndex(), line => line.EndsWith("(deleted)", StringComparison.Ordinal));
        Assert.Equal(25, index.Search(s => s.IndexReader.NumDocs));
    }

    [Fact]
    public void SettingOff_MapsNothing()
    {
        using var index = new SearchIndex(_path, keepResident: false);
        index.Add(Document("Harga beras naik di pasar"));
        index.Commit(0);

        Assert.NotEmpty(SegmentFiles(index));
        Assert.Empty(MappedFiles());
        Assert.Equal((0, 0L), index.Resident);
    }

    public void Dispose()
    {
        if (Directory.Exists(_path))
        {
            Directory.Delete(_path, recursive: true);
        }
    }

    private static Lucene.Net.Documents.Document Document(string text)
    {
        var version = new SearchableVersion("Kliping", null, text, null, "Pos Raya", "koran", new DateOnly(2026, 1, 1), "1", "netral", []);
        return SearchDocuments.Staff(new SearchableItem(Guid.NewGuid(), ContentTypes.Clipping, "reporter", DateTimeOffset.UtcNow, version, null, null, null), "archived", null);
    }

    /// <summary>The files of the segments the index's searcher reads, as the folder names them.</summary>
    private static SortedSet<string> SegmentFiles(SearchIndex index)
        => index.Search(s => new SortedSet<string>(
            s.IndexReader.Leaves.SelectMany(l => ((SegmentReader)l.AtomicReader).SegmentInfo.GetFiles())
                .Where(f => new FileInfo(Path.Combine(index.Path, f)).Length > 0),
            StringComparer.Ordinal));

    /// <summary>The index's files in this process's memory map (/proc/self/maps), by name.</summary>
    private SortedSet<string> MappedFiles()
        => new(MapsOfIndex().Select(line => Path.GetFileName(line[line.IndexOf(_path, StringComparison.Ordinal)..])), StringComparer.Ordinal);

    private List<string> MapsOfIndex()
        => File.ReadAllLines("/proc/self/maps").Where(line => line.Contains(_path + "/", StringComparison.Ordinal)).ToList();
}
