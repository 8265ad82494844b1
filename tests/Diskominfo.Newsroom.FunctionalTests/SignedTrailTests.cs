using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Diskominfo.Newsroom.FunctionalTests;

/// <summary>The buku agenda as a hash chain, two approvers at once, and chains as configuration.</summary>
public sealed class SignedTrailTests
{
    private static readonly object KasiKadis = new { roles = (string[])["kasi", "kadis"] };

    [Fact]
    public Task History_TamperedOrTruncated_IsDetected_Sqlite() => TamperAsync(TestDatabase.SqliteAsync);

    [Fact]
    public Task History_TamperedOrTruncated_IsDetected_Postgres() => TamperAsync(TestDatabase.PostgresAsync);

    private static async Task TamperAsync(Func<Task<TestDatabase>> databaseFactory)
    {
        await using var database = await databaseFactory();
        await using var app = await NewsroomApp.StartAsync(database, runJobs: false);
        using var reporter = await app.LoginAsync("reporter");
        using var kasi = await app.LoginAsync("kasi");
        using var kabid = await app.LoginAsync("kabid");
        var edited = await SignedAsync(app, reporter, kasi, kabid);
        var truncated = await SignedAsync(app, reporter, kasi, kabid);

        var intact = await VerifyAsync(kasi, edited);
        Assert.True(intact.GetProperty("intact").GetBoolean(), intact.ToString());
        Assert.Equal(5, intact.GetProperty("entries").GetInt32());

        // The database refuses to rewrite the buku agenda...
        var refused = await Assert.ThrowsAnyAsync<Exception>(() => database.ExecuteAsync(app,
            $"UPDATE editorial_history SET \"Note\" = 'Disetujui' WHERE \"ItemId\" = {database.Literal(edited)} AND \"Sequence\" = 3"));
        Assert.Contains("Buku agenda tidak dapat diubah", refused.Message, StringComparison.Ordinal);

        // ... until someone who owns the tables drops its triggers and rewrites the Kasi's note on his paraf (entry 3).
        await HistoryGuards.DropAsync(database, app);
        var changed = await database.ExecuteAsync(app,
            $"UPDATE editorial_history SET \"Note\" = 'Disetujui' WHERE \"ItemId\" = {database.Literal(edited)} AND \"Sequence\" = 3");
        Assert.Equal(1, changed);
        var tampered = await VerifyAsync(kasi, edited);
        Assert.False(tampered.GetProperty("intact").GetBoolean());
        Assert.Equal(3, tampered.GetProperty("brokenAt").GetInt32());
        Assert.Contains("telah diubah", tampered.GetProperty("message").GetString(), StringComparison.Ordinal);

        // ... or removes the last entry, the Kadis's signature.
        await database.ExecuteAsync(app, $"DELETE FROM editorial_history WHERE \"ItemId\" = {database.Literal(truncated)} AND \"Sequence\" = 5");
        var cut = await VerifyAsync(kasi, truncated);
        Assert.False(cut.GetProperty("intact").GetBoolean());
        Assert.Contains("dihapus", cut.GetProperty("message").GetString(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NotFound, (await kasi.GetAsync($"/api/v1/items/{Guid.NewGuid()}/history/verify")).StatusCode);
    }

    [Fact]
    public Task TwoApproversAtOnce_OneWinsTheOtherGets409_Sqlite() => AtOnceAsync(TestDatabase.SqliteAsync);

    [Fact]
    public Task TwoApproversAtOnce_OneWinsTheOtherGets409_Postgres() => AtOnceAsync(TestDatabase.PostgresAsync);

    private static async Task AtOnceAsync(Func<Task<TestDatabase>> databaseFactory)
    {
        await using var database = await databaseFactory();
        await using var app = await NewsroomApp.StartAsync(database, runJobs: false);
        using var reporter = await app.LoginAsync("reporter");
        using var kasi = await app.LoginAsync("kasi");
        using var kasiOnPhone = await app.LoginAsync("kasi");
        for (var round = 0; round < 5; round++)
        {
            var id = await Api.CreatePressReleaseAsync(reporter, $"Berita {round}");
            await Api.ActAsync(reporter, id, "submit");
            var responses = await Task.WhenAll(
                Api.ActAsync(kasi, id, "approve", "paraf dari meja"),
                Api.ActAsync(kasiOnPhone, id, round % 2 == 0 ? "approve" : "return", "dari ponsel"));
            var statuses = responses.Select(r => r.StatusCode).Order().ToList();
            Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], statuses);
            var loser = responses.Single(r => r.StatusCode == HttpStatusCode.Conflict);
            var problem = await loser.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Matches("(sudah|baru saja|berstatus)", problem.GetProperty("detail").GetString());

            var history = (await Api.GetAsync(kasi, id)).GetProperty("history").EnumerateArray().ToList();
            Assert.Equal(1, history.Count(h => h.GetProperty("action").GetString() is "approved" or "returned"));
            Assert.True((await VerifyAsync(kasi, id)).GetProperty("intact").GetBoolean());
        }
    }

    [Fact]
    public Task Receipt_GivesRunningNumbersPerYear_KeptOnResubmission_Sqlite() => ReceiptAsync(TestDatabase.SqliteAsync);

    [Fact]
    public Task Receipt_GivesRunningNumbersPerYear_KeptOnResubmission_Postgres() => ReceiptAsync(TestDatabase.PostgresAsync);

    private static async Task ReceiptAsync(Func<Task<TestDatabase>> databaseFactory)
    {
        await using var database = await databaseFactory();
        await using var app = await NewsroomApp.StartAsync(database, runJobs: false);
        using var reporter = await app.LoginAsync("reporter");
        using var kasi = await app.LoginAsync("kasi");
        var ids = new List<Guid>();
        for (var i = 0; i < 6; i++)
        {
            ids.Add(await Api.CreatePressReleaseAsync(reporter, $"Berita {i}"));
        }

        Assert.Equal(JsonValueKind.Null, (await Api.GetAsync(reporter, ids[0])).GetProperty("disposition").ValueKind); // a draft is not received yet
        var submitted = await Task.WhenAll(ids.Select(id => Api.ActAsync(reporter, id, "submit")));
        Assert.All(submitted, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var year = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(7)).Year;
        var numbers = new List<string>();
        foreach (var id in ids)
        {
            var disposition = (await Api.GetAsync(reporter, id)).GetProperty("disposition");
            numbers.Add(disposition.GetProperty("number").GetString()!);
            Assert.Equal("pembangunan", disposition.GetProperty("newsType").GetString());
        }

        Assert.Equal(Enumerable.Range(1, 6).Select(n => $"{n:0000}/{year}"), numbers.Order());

        // Returned and submitted again, it is the same item received once: it keeps its number.
        await Api.ActAsync(kasi, ids[0], "return", "Perbaiki judul.");
        await Api.ActAsync(reporter, ids[0], "submit");
        Assert.Equal(numbers[0], (await Api.GetAsync(reporter, ids[0])).GetProperty("disposition").GetProperty("number").GetString());
    }

    [Fact]
    public async Task Chain_ChangedByAdmin_AppliesToNewItems_OldItemsKeepTheirs()
    {
        await using var database = await TestDatabase.SqliteAsync();
        await using var app = await NewsroomApp.StartAsync(database, runJobs: false);
        using var reporter = await app.LoginAsync("reporter");
        using var kasi = await app.LoginAsync("kasi");
        using var kabid = await app.LoginAsync("kabid");
        using var kadis = await app.LoginAsync("kadis");
        using var admin = await app.LoginAsync("admin");
        var before = await Api.CreatePressReleaseAsync(reporter, "Dibuat sebelum perubahan");

        Assert.Equal(HttpStatusCode.Forbidden, (await kadis.PutAsJsonAsync("/api/v1/settings/editorial/chains/press-release", KasiKadis)).StatusCode);
        var invalid = await admin.PutAsJsonAsync("/api/v1/settings/editorial/chains/press-release", new { roles = (string[])["kasi", "reporter"] });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Contains("Penyetuju hanya boleh", await invalid.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PutAsJsonAsync("/api/v1/settings/editorial/chains/press-release", new { roles = (string[])["kasi", "kasi"] })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PutAsJsonAsync("/api/v1/settings/editorial/chains/press-release", KasiKadis)).StatusCode);
        var settings = await admin.GetFromJsonAsync<JsonElement>("/api/v1/settings/editorial");
        var press = settings.EnumerateArray().Single(t => t.GetProperty("type").GetString() == "press-release");
        Assert.Equal(["kasi", "kadis"], press.GetProperty("chain").EnumerateArray().Select(r => r.GetString()));

        var after = await Api.CreatePressReleaseAsync(reporter, "Dibuat sesudah perubahan");
        await Api.ActAsync(reporter, after, "submit");
        Assert.Equal(HttpStatusCode.OK, (await Api.ActAsync(kasi, after, "approve")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Api.ActAsync(kabid, after, "approve")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Api.ActAsync(kadis, after, "approve")).StatusCode);
        Assert.Equal("signed", (await Api.GetAsync(reporter, after)).GetProperty("status").GetString());

        await Api.ActAsync(reporter, before, "submit");
        await Api.ActAsync(kasi, before, "approve");
        Assert.Equal(HttpStatusCode.Forbidden, (await Api.ActAsync(kadis, before, "approve")).StatusCode); // still awaits the Kabid
        Assert.Equal(HttpStatusCode.OK, (await Api.ActAsync(kabid, before, "approve")).StatusCode);
    }

    internal static async Task<Guid> SignedAsync(NewsroomApp app, HttpClient reporter, HttpClient kasi, HttpClient kabid)
    {
        using var kadis = await app.LoginAsync("kadis");
        var id = await Api.CreatePressReleaseAsync(reporter);
        Assert.Equal(HttpStatusCode.OK, (await Api.ActAsync(reporter, id, "submit")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Api.ActAsync(kasi, id, "approve", "Sudah diperiksa.")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Api.ActAsync(kabid, id, "approve")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Api.ActAsync(kadis, id, "approve")).StatusCode);
        return id;
    }

    private static async Task<JsonElement> VerifyAsync(HttpClient client, Guid id)
    {
        var response = await client.GetAsync($"/api/v1/items/{id}/history/verify");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
