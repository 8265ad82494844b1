using System.Globalization;
using Diskominfo.Newsroom.Abstractions.Archive;
using Diskominfo.Newsroom.Abstractions.Content;
using Diskominfo.Newsroom.Abstractions.Search;
using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Search.Index;

namespace Diskominfo.Newsroom.FunctionalTests;

/// <summary>
/// The scope (staff or public) and the filters read by document (tone, media type, dates) are handed to the words'
/// scorers as the documents they may accept, and the owner filter stays a clause: on a real Lucene index, every
/// combination finds exactly the documents it names, counts its facets over those alone, and still ranks by the words.
/// Each new segment's facet values are decoded when the index is refreshed, before any search.
/// </summary>
public sealed class SearchFilterTests : IDisposable
{
    private static readonly string[] Tones = ["positif", "netral", "negatif"];
    private static readonly DateOnly Start = new(2026, 1, 1);

    private readonly string _path = Path.Combine(Path.GetTempPath(), "newsroom-search-filters-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task WordsWithFilters_FindExactlyTheNamedDocuments_PerScope()
    {
        using var index = new SearchIndex(_path);

        // 120 clippings, a day apart: every fourth about the bridge (number 8 also in its title); every fifth a draft of
        // another reporter's, which only those who see all work find.
        for (var i = 0; i < 120; i++)
        {
            var title = i == 8 ? "Jembatan baru di desa" : string.Create(CultureInfo.InvariantCulture, $"Kliping {i}");
            var text = i % 4 == 0 ? "Jembatan gantung desa diresmikan bupati" : "Pasar rakyat kecamatan dibuka kembali";
            var version = new SearchableVersion(title, null, text, null, "Harian Suara Raya", i % 2 == 0 ? "koran" : "online", Start.AddDays(i), "1", Tones[i % 3], []);
            var item = new SearchableItem(Guid.NewGuid(), ContentTypes.Clipping, i % 5 == 0 ? "lain" : "reporter", DateTimeOffset.UtcNow, version, null, null, null);
            index.Add(SearchDocuments.Staff(item, i % 5 == 0 ? "draft" : "archived", new ArchiveView(string.Create(CultureInfo.InvariantCulture, $"487/{i:00000}/DISKOMINFO/2026"), "487", DateTimeOffset.UtcNow)));
        }

        // Six published press releases about the bridge, a week apart: the only documents the public searches.
        for (var i = 0; i < 6; i++)
        {
            var version = new SearchableVersion(string.Create(CultureInfo.InvariantCulture, $"Siaran {i}"), null, "Bupati meresmikan jembatan desa", "Pembangunan", null, null, null, null, null, []);
            var published = new DateTimeOffset(Start.AddDays(7 * i).ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero);
            var item = new SearchableItem(Guid.NewGuid(), ContentTypes.PressRelease, "reporter", published, version, version, string.Create(CultureInfo.InvariantCulture, $"siaran-{i}"), published);
            index.Add(SearchDocuments.Staff(item, "published", null));
            index.Add(SearchDocuments.Public(item)!);
        }

        index.Commit(0);
        var engine = new SearchEngine(index, Microsoft.Extensions.Options.Options.Create(new SearchOptions { TimeLimit = TimeSpan.FromSeconds(30) }));
        var archivist = new Actor("a", "arsiparis", "Arsiparis", new HashSet<string> { NewsroomRoles.Archivist });
        var reporter = new Actor("reporter", "reporter", "Reporter", new HashSet<string> { NewsroomRoles.Reporter });
        static bool Bridge(int i) => i % 4 == 0;

        // A word and a tone: the clippings with both, counted in the facets alone; the title match first.
        var negative = await engine.SearchAsync(new SearchRequest("jembatan", Tone: "negatif", PageSize: 100), archivist, CancellationToken.None);
        var expected = Enumerable.Range(0, 120).Where(i => Bridge(i) && Tones[i % 3] == "negatif").ToList();
        Assert.Equal(expected.Count, negative.Total);
        Assert.Equal(expected.Select(Title).Order(), negative.Items.Select(h => h.Title).Order());
        Assert.Equal("Jembatan baru di desa", negative.Items[0].Title);
        Assert.Equal(("negatif", expected.Count), Pair(Assert.Single(negative.Facets[SearchFacets.Tone])));

        // A word and a range of dates (both ends included), and the media type on top.
        var from = Start.AddDays(10);
        var to = Start.AddDays(39);
        var ranged = await engine.SearchAsync(new SearchRequest("jembatan", From: from, To: to, PageSize: 100), archivist, CancellationToken.None);
        Assert.Equal(Enumerable.Range(10, 30).Count(Bridge) + 4, ranged.Total); // and the releases of days 14, 21, 28, 35
        Assert.All(ranged.Items, h => Assert.InRange(h.Date, from, to));
        var paper = await engine.SearchAsync(new SearchRequest("jembatan", MediaType: "koran", Tone: "positif", From: from, To: to, PageSize: 100), archivist, CancellationToken.None);
        Assert.Equal(Enumerable.Range(10, 30).Where(i => Bridge(i) && i % 2 == 0 && Tones[i % 3] == "positif").Select(Title).Order(), paper.Items.Select(h => h.Title).Order());

        // No words, only filters: every clipping they name, newest first.
        var filtered = await engine.SearchAsync(new SearchRequest(Tone: "netral", From: Start.AddDays(100), PageSize: 100), archivist, CancellationToken.None);
        Assert.Equal(Enumerable.Range(100, 20).Where(i => Tones[i % 3] == "netral").Select(Title).Reverse(), filtered.Items.Select(h => h.Title));

        // A reporter: the same filters, without another reporter's drafts (the owner clause).
        var own = await engine.SearchAsync(new SearchRequest("jembatan", Tone: "negatif", PageSize: 100), reporter, CancellationToken.None);
        Assert.Equal(expected.Where(i => i % 5 != 0).Select(Title).Order(), own.Items.Select(h => h.Title).Order());

        // The public: only the published releases, and a range narrows them too.
        var readers = await engine.SearchAsync(new SearchRequest("jembatan", PageSize: 100), null, CancellationToken.None);
        Assert.Equal(Enumerable.Range(0, 6).Select(i => string.Create(CultureInfo.InvariantCulture, $"Siaran {i}")), readers.Items.Select(h => h.Title).Order());
        var week = await engine.SearchAsync(new SearchRequest("jembatan", From: Start.AddDays(7), To: Start.AddDays(20), PageSize: 100), null, CancellationToken.None);
        Assert.Equal(["Siaran 1", "Siaran 2"], week.Items.Select(h => h.Title).Order());
        Assert.Empty((await engine.SearchAsync(new SearchRequest("jembatan", Tone: "negatif"), null, CancellationToken.None)).Items);
    }

    [Fact]
    public void NewSegments_AreReadBeforeAnySearch()
    {
        using var index = new SearchIndex(_path);
        for (var batch = 0; batch < 2; batch++)
        {
            for (var i = 0; i < 10; i++)
            {
                var version = new SearchableVersion($"Kliping {batch}-{i}", null, "Pasar rakyat dibuka", null, "Harian Suara Raya", "koran", Start.AddDays(i), "1", Tones[i % 3], []);
                index.Add(SearchDocuments.Staff(new SearchableItem(Guid.NewGuid(), ContentTypes.Clipping, "reporter", DateTimeOffset.UtcNow, version, null, null, null), "archived", null));
            }

            index.Commit(batch);

            // The refreshed searcher's segments, the new one included, have their facet values decoded already.
            var leaves = index.Search(s => s.IndexReader.Leaves.Select(l => l.AtomicReader).ToList());
            Assert.Equal(batch + 1, leaves.Count);
            Assert.All(leaves, leaf => Assert.True(FacetCollector.IsDecoded(leaf)));
        }
    }

    private static string Title(int i) => i == 8 ? "Jembatan baru di desa" : string.Create(CultureInfo.InvariantCulture, $"Kliping {i}");

    private static (string, int) Pair(FacetCount count) => (count.Value, count.Count);

    public void Dispose()
    {
        if (Directory.Exists(_path))
        {
            Directory.Delete(_path, recursive: true);
        }
    }
}
