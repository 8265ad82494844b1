using System.Globalization;
using Diskominfo.Newsroom.Abstractions.Archive;
using Diskominfo.Newsroom.Abstractions.Content;
using Diskominfo.Newsroom.Abstractions.Search;
using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Search.Index;

namespace Diskominfo.Newsroom.FunctionalTests;

/// <summary>
/// The facet counts keep a slot per document and group of facet fields (a combination of their values), fields with
/// few values counted together and split at the end. An archive with 40 outlets (outlet, type and media type in one
/// group), 320 and 5,000 outlets (more values than a group holds: a group of its own) counts outlets, tones and months
/// exactly, and each hit still shows its own outlet and tone, on a real Lucene index.
/// </summary>
public sealed class SearchFacetWidthTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), "newsroom-facet-width-" + Guid.NewGuid().ToString("N"));

    [Theory]
    [InlineData(40)] // outlets grouped with other fields
    [InlineData(320)]
    [InlineData(5000)] // past FacetCollector.MaxGroupSlots: the outlet alone in its group
    public async Task Outlets_CountedExactly_WhateverHowMany(int outlets)
    {
        using var index = new SearchIndex(_path);
        var tones = new[] { "positif", "netral", "negatif" };
        var documents = outlets + 20;
        for (var i = 0; i < documents; i++)
        {
            // Outlets 0 to 19 have two clippings each; the others one; only every other clipping is about the bridge.
            var outlet = string.Create(CultureInfo.InvariantCulture, $"Harian Nomor {i % outlets:000}");
            var text = i % 2 == 0 ? "Jembatan gantung desa diresmikan bupati" : "Pasar rakyat kecamatan dibuka kembali";
            var version = new SearchableVersion($"Kliping {i}", null, text, null, outlet, "koran", new DateOnly(2026, 1, 1).AddDays(i % 300), "1", tones[i % 3], []);
            var item = new SearchableItem(Guid.NewGuid(), ContentTypes.Clipping, "reporter", DateTimeOffset.UtcNow, version, null, null, null);
            index.Add(SearchDocuments.Staff(item, "archived", new ArchiveView(string.Create(CultureInfo.InvariantCulture, $"487/{i:00000}/DISKOMINFO/2026"), "487", DateTimeOffset.UtcNow)));
        }

        index.Commit(0);
        var engine = new SearchEngine(index, Microsoft.Extensions.Options.Options.Create(new SearchOptions { TimeLimit = TimeSpan.FromSeconds(30) }));
        var archivist = new Actor("a", "arsiparis", "Arsiparis", new HashSet<string> { NewsroomRoles.Archivist });

        var all = await engine.SearchAsync(new SearchRequest(PageSize: 100), archivist, CancellationToken.None);
        Assert.Equal(documents, all.Total);
        var counted = all.Facets[SearchFacets.Outlet];
        Assert.Equal(Math.Min(50, outlets), counted.Count); // at most the 50 most frequent
        Assert.All(counted.Take(20), c => Assert.Equal(2, c.Count));
        Assert.All(counted.Skip(20), c => Assert.Equal(1, c.Count));
        Assert.Equal(Enumerable.Range(0, 20).Select(i => string.Create(CultureInfo.InvariantCulture, $"Harian Nomor {i:000}")), counted.Take(20).Select(c => c.Value));
        var toneCounts = all.Facets[SearchFacets.Tone].ToDictionary(c => c.Value, c => c.Count);
        Assert.Equal(tones.Select(t => Enumerable.Range(0, documents).Count(i => tones[i % 3] == t)), tones.Select(t => toneCounts[t]));
        var months = Enumerable.Range(0, documents).GroupBy(i => new DateOnly(2026, 1, 1).AddDays(i % 300).ToString("yyyy-MM", CultureInfo.InvariantCulture))
            .ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(months.OrderBy(m => m.Key), all.Facets[SearchFacets.Month].ToDictionary(c => c.Value, c => c.Count).OrderBy(m => m.Key));
        Assert.Equal(documents, Assert.Single(all.Facets[SearchFacets.Year]).Count);
        Assert.Empty(all.Facets[SearchFacets.Category]); // no clipping has one

        var bridges = await engine.SearchAsync(new SearchRequest("jembatan", PageSize: 100), archivist, CancellationToken.None);
        Assert.Equal((documents + 1) / 2, bridges.Total);
        foreach (var hit in bridges.Items)
        {
            var number = int.Parse(hit.Title["Kliping ".Length..], CultureInfo.InvariantCulture);
            Assert.Equal(string.Create(CultureInfo.InvariantCulture, $"Harian Nomor {number % outlets:000}"), hit.Outlet);
            Assert.Equal(tones[number % 3], hit.Tone);
        }
    }

    public void Dispose()
    {
        if (Directory.Exists(_path))
        {
            Directory.Delete(_path, recursive: true);
        }
    }
}
