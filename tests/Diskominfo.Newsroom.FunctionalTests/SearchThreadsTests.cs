using System.Globalization;
using Diskominfo.Newsroom.Abstractions.Content;
using Diskominfo.Newsroom.Abstractions.Search;
using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Search.Index;

namespace Diskominfo.Newsroom.FunctionalTests;

/// <summary>
/// A large index is searched on several threads, each over its own contiguous run of segments, and the runs' hits,
/// totals and facet counts merged: on a real Lucene index of several segments (one with deleted documents), every
/// answer is the one a single thread gives, to the order of equal scores, the page, the total and each facet count.
/// </summary>
public sealed class SearchThreadsTests : IDisposable
{
    private static readonly string[] Tones = ["positif", "netral", "negatif"];
    private static readonly DateOnly Start = new(2026, 1, 1);

    private readonly string _path = Path.Combine(Path.GetTempPath(), "newsroom-search-threads-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task SearchOnSeveralThreads_AnswersExactlyAsOneThread()
    {
        using var index = new SearchIndex(_path);

        // Four segments of 60 clippings. Many share a text word for word, so their scores tie and only the document
        // order tells them apart.
        var items = new List<(Guid Id, SearchableVersion Version)>();
        for (var batch = 0; batch < 4; batch++)
        {
            for (var i = 0; i < 60; i++)
            {
                var n = (batch * 60) + i;
                var text = (n % 3) switch
                {
                    0 => "Jembatan gantung desa diresmikan bupati",
                    1 => "Jembatan desa diperbaiki warga bersama kecamatan",
                    _ => "Pasar rakyat desa dibuka kembali",
                };
                var title = n % 17 == 0 ? $"Jembatan {n}" : string.Create(CultureInfo.InvariantCulture, $"Kliping {n}");
                var version = new SearchableVersion(title, null, text, null, n % 4 == 0 ? "Harian Suara Raya" : "Pos Raya", n % 2 == 0 ? "koran" : "online", Start.AddDays(n / 2), "1", Tones[n % 3], []);
                var id = Guid.NewGuid();
                items.Add((id, version));
                index.Add(SearchDocuments.Staff(new SearchableItem(id, ContentTypes.Clipping, "reporter", DateTimeOffset.UtcNow, version, null, null, null), "archived", null));
            }

            index.Commit(batch);
        }

        // Ten clippings of the first segment change tone: their old documents stay there, deleted.
        foreach (var (id, version) in items.Take(10))
        {
            index.Delete(SearchDocuments.StaffKey(id));
            var changed = version with { Tone = "negatif" };
            index.Add(SearchDocuments.Staff(new SearchableItem(id, ContentTypes.Clipping, "reporter", DateTimeOffset.UtcNow, changed, null, null, null), "archived", null));
        }

        index.Commit(4);
        Assert.True(index.Search(s => s.IndexReader.Leaves.Count) >= 4, "the index should have several segments");
        Assert.True(index.Search(s => s.IndexReader.Leaves.Any(l => l.AtomicReader.LiveDocs is not null)), "a segment should have deleted documents");

        var one = Engine(index, threads: 1);
        var several = Engine(index, threads: 3);
        var slices = index.Search(s => SearchEngine.Slices(s.IndexReader.Leaves, 3, 1));
        Assert.Equal(3, slices.Count);
        var leaves = index.Search(s => s.IndexReader.Leaves.Select(l => l.Ord).ToList());
        Assert.Equal(leaves, slices.SelectMany(s => s.Select(l => l.Ord))); // contiguous, in order, each segment once

        var archivist = new Actor("a", "arsiparis", "Arsiparis", new HashSet<string> { NewsroomRoles.Archivist });
        SearchRequest[] requests =
        [
            new("jembatan", PageSize: 10),
            new("jembatan", Page: 3, PageSize: 10),
            new("desa", PageSize: 50),
            new("jembatan", Tone: "negatif", PageSize: 100),
            new("desa", Sort: SearchSort.Newest, Page: 2, PageSize: 15),
            new(Tone: "netral", MediaType: "koran", Sort: SearchSort.Oldest, PageSize: 20),
            new("jembatan", Outlet: "Suara Raya", From: Start.AddDays(20), To: Start.AddDays(90), PageSize: 25),
        ];
        foreach (var request in requests)
        {
            var expected = await one.SearchAsync(request, archivist, CancellationToken.None);
            var actual = await several.SearchAsync(request, archivist, CancellationToken.None);
            Assert.True(expected.Total > 0, $"{request}: nothing found");
            Assert.Equal(expected.Total, actual.Total);
            Assert.Equal(expected.Items.Select(h => (h.ItemId, h.Score, h.SnippetHtml)), actual.Items.Select(h => (h.ItemId, h.Score, h.SnippetHtml)));
            Assert.Equal(expected.Facets.Keys.Order(), actual.Facets.Keys.Order());
            foreach (var (facet, counts) in expected.Facets)
            {
                Assert.Equal(counts, actual.Facets[facet]);
            }
        }

        // The changed clippings are found by their new tone only: the deleted documents count nowhere.
        var negative = await several.SearchAsync(new SearchRequest(Tone: "negatif", PageSize: 100), archivist, CancellationToken.None);
        Assert.Equal(items.Skip(10).Count(i => i.Version.Tone == "negatif") + 10, negative.Total);
        Assert.Equal(("negatif", negative.Total), (negative.Facets[SearchFacets.Tone].Single().Value, negative.Facets[SearchFacets.Tone].Single().Count));
        var neutral = await several.SearchAsync(new SearchRequest(Tone: "netral", PageSize: 100), archivist, CancellationToken.None);
        Assert.DoesNotContain(neutral.Items, h => items.Take(10).Any(i => i.Id == h.ItemId));

        // The public's searches run on one thread whatever the setting (their CPU time stays within the budget).
        Assert.Equal((1, 3, 1), (several.ThreadsFor(null), several.ThreadsFor(archivist), one.ThreadsFor(archivist)));

        // A value no document holds finds nothing, on any number of threads.
        Assert.Equal(0, (await several.SearchAsync(new SearchRequest("jembatan", Tone: "marah"), archivist, CancellationToken.None)).Total);
    }

    [Fact]
    public void Slices_BalancedByDocuments_NoneBelowTheMinimum()
    {
        using var index = new SearchIndex(_path);
        foreach (var size in new[] { 90, 30, 30, 30 })
        {
            for (var i = 0; i < size; i++)
            {
                var version = new SearchableVersion($"Kliping {i}", null, "Pasar rakyat", null, null, null, Start, null, null, []);
                index.Add(SearchDocuments.Staff(new SearchableItem(Guid.NewGuid(), ContentTypes.Clipping, "reporter", DateTimeOffset.UtcNow, version, null, null, null), "archived", null));
            }

            index.Commit(size);
        }

        var sizes = index.Search(s => SearchEngine.Slices(s.IndexReader.Leaves, 2, 1).Select(run => run.Sum(l => l.AtomicReader.MaxDoc)).ToList());
        Assert.Equal([90, 90], sizes);
        Assert.Single(index.Search(s => SearchEngine.Slices(s.IndexReader.Leaves, 2, 100))); // 180 documents: one run of at least 100
        Assert.Single(index.Search(s => SearchEngine.Slices(s.IndexReader.Leaves, 1, 1)));
        Assert.Equal(4, index.Search(s => SearchEngine.Slices(s.IndexReader.Leaves, 8, 1)).Count); // no more runs than segments
    }

    private static SearchEngine Engine(SearchIndex index, int threads)
        => new(index, Microsoft.Extensions.Options.Options.Create(new SearchOptions { TimeLimit = TimeSpan.FromSeconds(30), Threads = threads, MinSliceDocuments = 1 }));

    public void Dispose()
    {
        if (Directory.Exists(_path))
        {
            Directory.Delete(_path, recursive: true);
        }
    }
}
