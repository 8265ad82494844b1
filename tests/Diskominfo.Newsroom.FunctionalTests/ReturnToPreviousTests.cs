using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Diskominfo.Newsroom.FunctionalTests;

/// <summary>
/// Returns as the SOPs run them: the Kadis returns to the Kabid, the Kabid to the Kasi, only the Kasi to the writer; the
/// one it comes back to is told and may pass it on again. A setting per content type switches to "always to the writer".
/// </summary>
public sealed class ReturnToPreviousTests
{
    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Postgres")]
    public async Task Return_EachApprover_GoesOneStepDown_AndTheSettingSendsItToTheWriter(string provider)
    {
        await using var database = provider == "Sqlite" ? await TestDatabase.SqliteAsync() : await TestDatabase.PostgresAsync();
        await using var app = await NewsroomApp.StartAsync(database, runJobs: false);
        using var reporter = await app.LoginAsync("reporter");
        using var kasi = await app.LoginAsync("kasi");
        using var kabid = await app.LoginAsync("kabid");
        using var kadis = await app.LoginAsync("kadis");
        using var admin = await app.LoginAsync("admin");

        var id = await Api.CreatePressReleaseAsync(reporter, "Bupati Resmikan Pasar Raya");
        Assert.Equal(HttpStatusCode.OK, (await Api.ActAsync(reporter, id, "submit")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Api.ActAsync(kasi, id, "approve", "Paraf Kasi.")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Api.ActAsync(kabid, id, "approve", "Paraf Kabid.")).StatusCode);

        // The Kadis's desk offers the return to the Kabid; the Kadis returns it: the Kabid has it, not the writer.
        using (var kadisDesk = await app.SignInAsync("kadis"))
        {
            Assert.Contains("Kembalikan ke Kepala Bidang", await kadisDesk.Http.GetStringAsync($"/admin/naskah/{id}"), StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.OK, (await Api.ActAsync(kadis, id, "return", "Sebutkan anggaran pembangunannya.")).StatusCode);
        var item = await Api.GetAsync(reporter, id);
        Assert.Equal("kasi_approved", item.GetProperty("status").GetString());
        var last = item.GetProperty("history").EnumerateArray().Last();
        Assert.Equal("returned_to_step", last.GetProperty("action").GetString());
        Assert.Equal("kadis", last.GetProperty("step").GetString());
        Assert.Equal("Sebutkan anggaran pembangunannya.", last.GetProperty("note").GetString());
        Assert.Contains(await InboxAsync(kabid, id), n => n.GetProperty("reason").GetString() == "returned"
            && n.GetProperty("message").GetString()!.Contains("Sebutkan anggaran pembangunannya.", StringComparison.Ordinal));
        Assert.DoesNotContain(await InboxAsync(reporter, id), n => n.GetProperty("reason").GetString() == "returned");
        var kabidDesk = (await kabid.GetFromJsonAsync<JsonElement>("/api/v1/desk")).EnumerateArray().Single(r => r.GetProperty("id").GetGuid() == id);
        Assert.Equal("Sebutkan anggaran pembangunannya.", kabidDesk.GetProperty("note").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await Api.ActAsync(kadis, id, "approve")).StatusCode); // not his turn any more

        // The Kabid returns it further down: the Kasi has it, and is told.
        Assert.Equal(HttpStatusCode.OK, (await Api.ActAsync(kabid, id, "return", "Kasi, lengkapi anggarannya.")).StatusCode);
        Assert.Equal("submitted", (await Api.GetAsync(reporter, id)).GetProperty("status").GetString());
        Assert.Contains(await InboxAsync(kasi, id), n => n.GetProperty("reason").GetString() == "returned");
        Assert.DoesNotContain(await InboxAsync(reporter, id), n => n.GetProperty("reason").GetString() == "returned");

        // The Kasi returns it to the writer, who is told; the writer fixes and submits; then up the chain again.
        Assert.Equal(HttpStatusCode.OK, (await Api.ActAsync(kasi, id, "return", "Tambahkan nilai anggaran.")).StatusCode);
        Assert.Equal("returned", (await Api.GetAsync(reporter, id)).GetProperty("status").GetString());
        Assert.Contains(await InboxAsync(reporter, id), n => n.GetProperty("reason").GetString() == "returned");
        Assert.Equal(HttpStatusCode.OK, (await Api.ActAsync(reporter, id, "submit")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Api.ActAsync(kasi, id, "approve")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Api.ActAsync(kabid, id, "approve")).StatusCode);

        // Returned to the Kabid once more, he passes it on again (his earlier paraf no longer counts against him) and the Kadis signs.
        Assert.Equal(HttpStatusCode.OK, (await Api.ActAsync(kadis, id, "return", "Periksa lagi judulnya.")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Api.ActAsync(kabid, id, "approve", "Judul sudah benar.")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Api.ActAsync(kadis, id, "approve", "Ditandatangani.")).StatusCode);
        item = await Api.GetAsync(reporter, id);
        Assert.Equal("signed", item.GetProperty("status").GetString());
        Assert.True((await reporter.GetFromJsonAsync<JsonElement>($"/api/v1/items/{id}/history/verify")).GetProperty("intact").GetBoolean());

        // The setting: press releases return to the writer from any step; another content type keeps the SOPs' way.
        Assert.Equal(HttpStatusCode.Forbidden, (await kadis.PutAsJsonAsync("/api/v1/settings/editorial/returns/press-release", new { returnTo = "writer" })).StatusCode);
        var bad = await admin.PutAsJsonAsync("/api/v1/settings/editorial/returns/press-release", new { returnTo = "kasi" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("Arah pengembalian", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PutAsJsonAsync("/api/v1/settings/editorial/returns/press-release", new { returnTo = "writer" })).StatusCode);
        var settings = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/settings/editorial")).EnumerateArray().ToList();
        Assert.Equal("writer", settings.Single(t => t.GetProperty("type").GetString() == "press-release").GetProperty("returnTo").GetString());
        Assert.Equal("previous", settings.Single(t => t.GetProperty("type").GetString() == "adventorial").GetProperty("returnTo").GetString());
        using (var adminDesk = await app.SignInAsync("admin"))
        {
            var page = await adminDesk.Http.GetStringAsync("/admin/pengaturan/alur");
            Assert.Contains("Arah pengembalian naskah", page, StringComparison.Ordinal);
            Assert.Matches("value=\"writer\" checked", page);
        }

        var second = await Api.CreatePressReleaseAsync(reporter, "Bupati Tinjau Terminal");
        Assert.Equal(HttpStatusCode.OK, (await Api.ActAsync(reporter, second, "submit")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Api.ActAsync(kasi, second, "approve")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Api.ActAsync(kabid, second, "approve")).StatusCode);
        using (var kadisDesk = await app.SignInAsync("kadis"))
        {
            Assert.Contains("Kembalikan ke penulis", await kadisDesk.Http.GetStringAsync($"/admin/naskah/{second}"), StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.OK, (await Api.ActAsync(kadis, second, "return", "Tulis ulang teras.")).StatusCode);
        var returned = await Api.GetAsync(reporter, second);
        Assert.Equal("returned", returned.GetProperty("status").GetString());
        Assert.Equal("returned", returned.GetProperty("history").EnumerateArray().Last().GetProperty("action").GetString());
        Assert.Contains(await InboxAsync(reporter, second), n => n.GetProperty("reason").GetString() == "returned");
        Assert.DoesNotContain(await InboxAsync(kabid, second), n => n.GetProperty("reason").GetString() == "returned");
    }

    private static async Task<List<JsonElement>> InboxAsync(HttpClient client, Guid itemId)
        => [.. (await client.GetFromJsonAsync<JsonElement>("/api/v1/inbox")).EnumerateArray().Where(n => n.GetProperty("itemId").GetGuid() == itemId)];
}
