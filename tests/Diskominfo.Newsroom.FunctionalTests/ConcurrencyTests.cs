using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Diskominfo.Newsroom.FunctionalTests;

/// <summary>
/// Optimistic concurrency on an item (issue 16 §1): the item's <c>ETag</c>, <c>If-Match</c> on its writes (412 with who
/// saved meanwhile and when, in Indonesian; 400 when malformed; unchecked when absent), and the desk's edit form, which
/// always sends the revision it was opened at and shows the other person's text beside what was typed.
/// </summary>
public sealed class ConcurrencyTests
{
    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Postgres")]
    public async Task TwoEditors_SecondSaveFromAnOlderRevision_Gets412WithTheFirstsNameAndTime(string provider)
    {
        await using var database = provider == "Sqlite" ? await TestDatabase.SqliteAsync() : await TestDatabase.PostgresAsync();
        await using var app = await NewsroomApp.StartAsync(database, runJobs: false);
        using var reporter = await app.LoginAsync("reporter");
        using var kasi = await app.LoginAsync("kasi");
        var id = await Api.CreatePressReleaseAsync(reporter, "Bupati Tinjau Bendungan Raya");

        // The writer reads the item (ETag "1") and opens the desk's edit form at the same revision.
        var first = await reporter.GetAsync($"/api/v1/items/{id}");
        Assert.Equal("\"1\"", first.Headers.ETag?.Tag);
        using var reporterDesk = await app.SignInAsync("reporter");
        var form = await reporterDesk.Http.GetStringAsync($"/admin/naskah/{id}/ubah");
        Assert.Contains("name=\"Revision\" value=\"1\"", form, StringComparison.Ordinal);

        // A save with the current ETag passes and moves the ETag on; malformed If-Match is 400, never a save.
        var saved = await PutAsync(reporter, id, "Bupati Tinjau Bendungan Raya Pagi Ini", "\"1\"");
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal("\"2\"", saved.Headers.ETag?.Tag);
        Assert.Equal("\"2\"", (await reporter.GetAsync($"/api/v1/items/{id}")).Headers.ETag?.Tag);
        var malformed = await PutAsync(reporter, id, "Judul dari If-Match rusak", "dua");
        var problem = await Accounts.ProblemAsync(malformed, HttpStatusCode.BadRequest);
        Assert.Contains("If-Match tidak valid", problem.GetProperty("errors").GetProperty("If-Match")[0].GetString(), StringComparison.Ordinal);

        // The writer submits; the Kasi edits in place from revision 2 and returns it.
        Assert.Equal(HttpStatusCode.OK, (await Api.ActAsync(reporter, id, "submit")).StatusCode);
        var kasiRead = await kasi.GetAsync($"/api/v1/items/{id}");
        Assert.Equal("\"2\"", kasiRead.Headers.ETag?.Tag);
        Assert.Equal(HttpStatusCode.OK, (await PutAsync(kasi, id, "Bupati Tinjau Bendungan Raya di Kecamatan Hulu", "\"2\"")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Api.ActAsync(kasi, id, "return", "Periksa judul yang saya ubah.")).StatusCode);

        // The writer's API save from revision 2 is refused: 412, the Kasi's name and time, the current ETag.
        var stale = await PutAsync(reporter, id, "Judul penulis yang terlambat", "\"2\"");
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal("application/problem+json", stale.Content.Headers.ContentType?.MediaType);
        Assert.Equal("\"3\"", stale.Headers.ETag?.Tag);
        var conflict = await stale.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Budi Kepala Seksi", conflict.GetProperty("updatedBy").GetString());
        var updatedAt = conflict.GetProperty("updatedAt").GetDateTimeOffset();
        Assert.True(DateTimeOffset.UtcNow - updatedAt < TimeSpan.FromMinutes(5), $"updatedAt {updatedAt:O} is not the Kasi's save");
        Assert.Equal(3, conflict.GetProperty("currentRevision").GetInt32());
        Assert.Contains("diubah oleh Budi Kepala Seksi", conflict.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("Bupati Tinjau Bendungan Raya di Kecamatan Hulu", (await Api.GetAsync(reporter, id)).GetProperty("title").GetString());

        // The desk's form opened at revision 1: refused with 412, the Kasi's text beside the typed one, nothing lost.
        var typed = "Judul yang diketik penulis di meja kerja";
        var post = await reporterDesk.PostFormAsync($"/admin/naskah/{id}/ubah", DeskForm(typed, revision: 1), $"/admin/naskah/{id}/ubah");
        Assert.Equal(HttpStatusCode.PreconditionFailed, post.StatusCode);
        var page = await post.Content.ReadAsStringAsync();
        Assert.Contains("Naskah diubah oleh Budi Kepala Seksi", page, StringComparison.Ordinal);
        Assert.Contains("<del>Judul: Bupati Tinjau Bendungan Raya di Kecamatan Hulu</del>", page, StringComparison.Ordinal);
        Assert.Contains($"<ins>Judul: {typed}</ins>", page, StringComparison.Ordinal);
        Assert.Contains($"value=\"{typed}\"", page, StringComparison.Ordinal); // still in the form
        Assert.Contains("name=\"Revision\" value=\"3\"", page, StringComparison.Ordinal); // saving again is deliberate
        Assert.Equal("Bupati Tinjau Bendungan Raya di Kecamatan Hulu", (await Api.GetAsync(reporter, id)).GetProperty("title").GetString());

        // Saving again from the revision the conflict showed goes through.
        var again = await reporterDesk.PostFormAsync($"/admin/naskah/{id}/ubah", DeskForm(typed, revision: 3), $"/admin/naskah/{id}/ubah");
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(typed, (await Api.GetAsync(reporter, id)).GetProperty("title").GetString());

        // Clients that never send If-Match keep working (unchecked), and so does "*".
        Assert.Equal(HttpStatusCode.OK, (await PutAsync(reporter, id, "Judul dari klien lama", ifMatch: null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PutAsync(reporter, id, "Judul dengan If-Match bintang", "*")).StatusCode);
    }

    private static async Task<HttpResponseMessage> PutAsync(HttpClient client, Guid id, string title, string? ifMatch)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/items/{id}")
        {
            Content = JsonContent.Create(new
            {
                title,
                lead = "Bupati meninjau bendungan yang mengairi tiga kecamatan.",
                body = "Bendungan ini selesai dibangun tahun lalu.",
                category = "pembangunan",
                eventDate = "2026-11-20",
                eventPlace = "Kecamatan Hulu",
            }),
        };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return await client.SendAsync(request);
    }

    private static Dictionary<string, string> DeskForm(string title, int revision) => new()
    {
        ["Revision"] = revision.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Form.Type"] = "press-release",
        ["Form.Title"] = title,
        ["Form.Lead"] = "Bupati meninjau bendungan yang mengairi tiga kecamatan.",
        ["Form.Body"] = "Bendungan ini selesai dibangun tahun lalu.",
        ["Form.Category"] = "pembangunan",
        ["Form.EventDate"] = "2026-11-20",
        ["Form.EventPlace"] = "Kecamatan Hulu",
    };
}
