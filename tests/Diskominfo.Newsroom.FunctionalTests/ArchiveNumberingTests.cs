using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Diskominfo.Newsroom.FunctionalTests;

/// <summary>Archive numbers are unique and gap-free per year, even when many items are archived at the same moment.</summary>
public sealed class ArchiveNumberingTests
{
    [Fact]
    public Task HundredItemsArchivedAtOnce_GetHundredConsecutiveNumbers_Sqlite() => RunAsync(TestDatabase.SqliteAsync);

    [Fact]
    public Task HundredItemsArchivedAtOnce_GetHundredConsecutiveNumbers_Postgres() => RunAsync(TestDatabase.PostgresAsync);

    private static async Task RunAsync(Func<Task<TestDatabase>> open)
    {
        await using var database = await open();
        await using var app = await NewsroomApp.StartAsync(database);
        using var reporter = await app.LoginAsync("reporter");
        using var kasi = await app.LoginAsync("kasi");
        using var kabid = await app.LoginAsync("kabid");
        using var kadis = await app.LoginAsync("kadis");

        // 100 clippings brought to the Kadis (a clipping is archived as soon as it is signed: it is never posted).
        var ids = new Guid[100];
        await Parallel.ForAsync(0, ids.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, _) =>
        {
            ids[i] = await SearchTests.ClippingAsync(reporter, $"Kliping nomor {i}", "Harian Suara Raya", "koran", "netral", $"Isi kliping {i}.");
            Assert.Equal(HttpStatusCode.OK, (await Api.ActAsync(reporter, ids[i], "submit")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await Api.ActAsync(kasi, ids[i], "approve", "Dipilih")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await Api.ActAsync(kabid, ids[i], "approve", "Setuju")).StatusCode);
        });

        // All signed at once.
        var signatures = await Task.WhenAll(ids.Select(id => Api.ActAsync(kadis, id, "approve", "Tanda tangan")));
        Assert.All(signatures, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));

        var numbers = new List<string>();
        foreach (var id in ids)
        {
            var item = await Api.WaitForStatusAsync(kadis, id, "archived");
            numbers.Add(item.GetProperty("archive").GetProperty("number").GetString()!);
        }

        var year = DateTime.UtcNow.AddHours(7).Year;
        Assert.Equal(
            Enumerable.Range(1, 100).Select(n => $"487/{n:0000}/DISKOMINFO/{year}"),
            numbers.Order(StringComparer.Ordinal));

        // The search index rebuilt from this database pages through all 100 items (the keyset query runs on both engines).
        using var archivist = await app.SignInAsync("arsiparis");
        Assert.Equal(HttpStatusCode.Redirect, (await archivist.PostFormAsync("/admin/cari/indeks", [])).StatusCode);
        var page = "";
        for (var wait = DateTime.UtcNow.AddSeconds(60); DateTime.UtcNow < wait && !page.Contains("100 naskah dalam", StringComparison.Ordinal); await Task.Delay(200))
        {
            page = await archivist.Http.GetStringAsync("/admin/cari/indeks");
        }

        Assert.Contains("100 naskah dalam", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Galat terakhir", page, StringComparison.Ordinal);
    }
}
