using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Diskominfo.Newsroom.FunctionalTests;

/// <summary>
/// Version history (issue 16 §1): every saved revision with author and time, any two compared side by side, and an
/// older text restored as a new revision, which lapses the approvals given so far like any other edit.
/// </summary>
public sealed class VersionHistoryTests
{
    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Postgres")]
    public async Task Versions_ListedComparedAndRestored_RestoreMakesANewVersionAndResetsTheChain(string provider)
    {
        await using var database = provider == "Sqlite" ? await TestDatabase.SqliteAsync() : await TestDatabase.PostgresAsync();
        await using var app = await NewsroomApp.StartAsync(database, runJobs: false);
        using var reporter = await app.LoginAsync("reporter");
        using var kasi = await app.LoginAsync("kasi");
        using var kabid = await app.LoginAsync("kabid");
        using var other = await app.LoginAsync("reporter2");
        var id = await Api.CreatePressReleaseAsync(reporter, "Versi pertama: Bupati Buka Festival");

        // Three saves by two people: the draft edited in place twice, then the Kasi's edit in review.
        Assert.Equal(HttpStatusCode.OK, (await reporter.PutAsJsonAsync($"/api/v1/items/{id}", Input("Versi kedua: Bupati Buka Festival Budaya", "Paragraf kedua."))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Api.ActAsync(reporter, id, "submit")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await kasi.PutAsJsonAsync($"/api/v1/items/{id}", Input("Versi ketiga: Festival Budaya Dibuka", "Paragraf ketiga."))).StatusCode);

        var versions = await kasi.GetFromJsonAsync<JsonElement>($"/api/v1/items/{id}/versions");
        Assert.Equal([3, 2, 1], versions.EnumerateArray().Select(v => v.GetProperty("number").GetInt32()));
        Assert.Equal(
            ["Budi Kepala Seksi", "Rina Peliput", "Rina Peliput"],
            versions.EnumerateArray().Select(v => v.GetProperty("author").GetString()));
        Assert.True(versions[0].GetProperty("current").GetBoolean());
        Assert.All(versions.EnumerateArray(), v => Assert.True(DateTimeOffset.UtcNow - v.GetProperty("savedAt").GetDateTimeOffset() < TimeSpan.FromMinutes(5)));
        Assert.Equal("Versi pertama: Bupati Buka Festival", versions[2].GetProperty("title").GetString());

        // Any two, side by side; a wrong number is 404, a missing or unreadable one 400 (in Indonesian).
        var compare = await kasi.GetFromJsonAsync<JsonElement>($"/api/v1/items/{id}/versions/compare?a=1&b=3");
        Assert.Equal(1, compare.GetProperty("a").GetProperty("number").GetInt32());
        Assert.Equal(3, compare.GetProperty("b").GetProperty("number").GetInt32());
        Assert.Contains(compare.GetProperty("rows").EnumerateArray(), r =>
            r.GetProperty("kind").GetString() == "changed"
            && r.GetProperty("old").GetString() == "Judul: Versi pertama: Bupati Buka Festival"
            && r.GetProperty("new").GetString() == "Judul: Versi ketiga: Festival Budaya Dibuka");
        Assert.Equal(HttpStatusCode.NotFound, (await kasi.GetAsync($"/api/v1/items/{id}/versions/compare?a=1&b=99")).StatusCode);
        var bad = await Accounts.ProblemAsync(await kasi.GetAsync($"/api/v1/items/{id}/versions/compare?a=satu"), HttpStatusCode.BadRequest);
        Assert.Contains("nomor versi", bad.GetProperty("errors").GetProperty("b")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/items/{id}/versions")).StatusCode);

        // The Kasi initials; the Kabid, whose turn it is, restores the first text: a new revision, the chain starts again.
        Assert.Equal(HttpStatusCode.OK, (await Api.ActAsync(kasi, id, "approve", "Paraf Kasi")).StatusCode);
        Assert.Equal("kabid", (await Api.GetAsync(kabid, id)).GetProperty("awaitingRole").GetString());
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await RestoreAsync(kabid, id, 1, "\"2\"")).StatusCode);
        var restored = await RestoreAsync(kabid, id, 1, "\"3\"");
        Assert.Equal(HttpStatusCode.OK, restored.StatusCode);
        Assert.Equal("\"4\"", restored.Headers.ETag?.Tag);
        var body = await restored.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(4, body.GetProperty("revision").GetInt32());
        Assert.Equal(1, body.GetProperty("restoredFrom").GetInt32());

        var item = await Api.GetAsync(kabid, id);
        Assert.Equal("Versi pertama: Bupati Buka Festival", item.GetProperty("title").GetString());
        Assert.Equal("kasi", item.GetProperty("awaitingRole").GetString());
        var latest = (await kasi.GetFromJsonAsync<JsonElement>($"/api/v1/items/{id}/versions"))[0];
        Assert.Equal(4, latest.GetProperty("number").GetInt32());
        Assert.Equal(1, latest.GetProperty("restoredFrom").GetInt32());
        Assert.Equal("Sari Kepala Bidang", latest.GetProperty("author").GetString());

        // Restoring the text it already has is a 409; the Kabid may no longer edit (the item waits for the Kasi).
        Assert.Equal(HttpStatusCode.Conflict, (await RestoreAsync(kasi, id, 1, null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await RestoreAsync(kabid, id, 2, null)).StatusCode);

        // The desk's history page: every revision with its author, the chosen two compared, restore for the Kasi.
        using var desk = await app.SignInAsync("kasi");
        var page = await desk.Http.GetStringAsync($"/admin/naskah/{id}/versi?a=2&b=4");
        Assert.Contains("Versi 2 (Rina Peliput", page, StringComparison.Ordinal);
        Assert.Contains("<del>Judul: Versi kedua: Bupati Buka Festival Budaya</del>", page, StringComparison.Ordinal);
        Assert.Contains("pemulihan versi 1", page, StringComparison.Ordinal);
        Assert.Contains(">Pulihkan</button>", page, StringComparison.Ordinal);
        var restore = await desk.PostFormAsync($"/admin/naskah/{id}/versi", new() { ["number"] = "3", ["revision"] = "4" }, $"/admin/naskah/{id}/versi?handler=restore");
        Assert.Equal(HttpStatusCode.Redirect, restore.StatusCode);
        Assert.Equal("Versi ketiga: Festival Budaya Dibuka", (await Api.GetAsync(kasi, id)).GetProperty("title").GetString());
        Assert.Contains("Riwayat &amp; bandingkan versi", await desk.Http.GetStringAsync($"/admin/naskah/{id}"), StringComparison.Ordinal);
    }

    private static object Input(string title, string body) => new
    {
        title,
        lead = "Bupati membuka festival budaya tahunan di alun-alun.",
        body,
        category = "pemerintahan",
        eventDate = "2026-11-20",
        eventPlace = "Alun-alun",
    };

    private static async Task<HttpResponseMessage> RestoreAsync(HttpClient client, Guid id, int number, string? ifMatch)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/items/{id}/versions/{number}/restore");
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return await client.SendAsync(request);
    }
}
