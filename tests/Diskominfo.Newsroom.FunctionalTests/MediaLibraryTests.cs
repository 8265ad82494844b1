using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using NetVips;

namespace Diskominfo.Newsroom.FunctionalTests;

/// <summary>
/// The media library (issue 16 §3): search by caption, credit and item, paging, reuse in another item, order and lead,
/// corrected texts recorded in the item's history, removal from a draft, deletion of an unused upload only.
/// </summary>
public sealed class MediaLibraryTests
{
    [Fact]
    public Task Library_SearchPageReuseOrderEditRemoveDelete_AsTheIssueSays_Sqlite() => RunAsync(TestDatabase.SqliteAsync);

    [Fact]
    public Task Library_SearchPageReuseOrderEditRemoveDelete_AsTheIssueSays_Postgres() => RunAsync(TestDatabase.PostgresAsync);

    private static async Task RunAsync(Func<Task<TestDatabase>> open)
    {
        await using var database = await open();
        await using var app = await NewsroomApp.StartAsync(database);
        using var reporter = await app.LoginAsync("reporter");
        using var reporter2 = await app.LoginAsync("reporter2");
        using var kasi = await app.LoginAsync("kasi");
        using var admin = await app.LoginAsync("admin");

        var flood = await Api.CreatePressReleaseAsync(reporter, title: "Banjir di Kecamatan Selatan");
        var p1 = await UploadAsync(reporter, flood, "Warga mengungsi karena banjir", "Sari Wulandari");
        var p2 = await UploadAsync(reporter, flood, "Bupati meninjau tanggul", "Agus Prasetyo");
        var p3 = await UploadAsync(reporter, flood, "Posko pengungsian", "Sari Wulandari");

        // Search: a word of the caption, the credit in any case, the item's id.
        Assert.Equal([p2], Ids(await ListAsync(reporter, "q=TANGGUL")));
        Assert.Equal([p3, p1], Ids(await ListAsync(reporter, "q=wulandari")));
        Assert.Equal([p3, p2, p1], Ids(await ListAsync(reporter, $"q={flood}")));

        // ... and words of the item's title bring the item's files (search by item).
        Assert.Equal([p3, p2, p1], Ids(await ListAsync(reporter, "q=kecamatan%20selatan")));
        var entry = (await ListAsync(reporter, "q=tanggul")).GetProperty("items")[0];
        Assert.Equal("Agus Prasetyo", entry.GetProperty("credit").GetString());
        Assert.Equal($"/media/{p2:N}/kecil.jpg", entry.GetProperty("thumbnailUrl").GetString());
        Assert.Equal("Banjir di Kecamatan Selatan", entry.GetProperty("items")[0].GetProperty("title").GetString());

        // A reporter sees his own uploads only; the Kasi sees every file.
        Assert.Equal(0, (await ListAsync(reporter2, "")).GetProperty("total").GetInt32());
        Assert.Equal([p3, p2, p1], Ids(await ListAsync(kasi, $"q={flood}")));

        // Paging: 48 a page, newest first, no file twice; a bad page is refused in Indonesian.
        var other = await Api.CreatePressReleaseAsync(reporter, title: "Pameran UMKM");
        for (var i = 0; i < 46; i++)
        {
            await UploadAsync(reporter, other, $"Stan UMKM nomor {i}", "Humas", Api.Jpeg(48, 32));
        }

        var first = await ListAsync(reporter, "page=1");
        var second = await ListAsync(reporter, "page=2");
        Assert.Equal(49, first.GetProperty("total").GetInt32());
        Assert.Equal(48, first.GetProperty("items").GetArrayLength());
        Assert.True(first.GetProperty("hasMore").GetBoolean());
        Assert.False(second.GetProperty("hasMore").GetBoolean());
        Assert.Equal([p1], Ids(second));
        Assert.Empty(Ids(first).Intersect(Ids(second)));
        var badPage = await reporter.GetAsync("/api/v1/media?page=0");
        Assert.Equal(HttpStatusCode.BadRequest, badPage.StatusCode);
        Assert.Contains("Halaman harus", await badPage.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Reuse in another item: once, with the library's texts; the file then lists both items.
        var dam = await Api.CreatePressReleaseAsync(reporter, title: "Tanggul Baru Selesai Dibangun");
        var reused = await reporter.PostAsync($"/api/v1/items/{dam}/media/{p2}", null);
        Assert.Equal(HttpStatusCode.Created, reused.StatusCode);
        var damPhoto = Assert.Single((await Api.GetAsync(reporter, dam)).GetProperty("photos").EnumerateArray());
        Assert.Equal(p2, damPhoto.GetProperty("mediaId").GetGuid());
        Assert.Equal("Bupati meninjau tanggul", damPhoto.GetProperty("caption").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await reporter.PostAsync($"/api/v1/items/{dam}/media/{p2}", null)).StatusCode);
        Assert.Equal(2, (await ListAsync(reporter, "q=tanggul")).GetProperty("items")[0].GetProperty("items").GetArrayLength());
        Assert.Equal(HttpStatusCode.NotFound, (await reporter2.PostAsync($"/api/v1/items/{await Api.CreatePressReleaseAsync(reporter2)}/media/{p2}", null)).StatusCode);

        // Order and lead: the first photo is the lead.
        var ordered = await reporter.PutAsJsonAsync($"/api/v1/items/{flood}/media/order", new { mediaIds = new[] { p3, p1, p2 } });
        Assert.Equal(HttpStatusCode.OK, ordered.StatusCode);
        Assert.True((await ordered.Content.ReadFromJsonAsync<JsonElement>())[0].GetProperty("lead").GetBoolean());
        Assert.Equal([p3, p1, p2], PhotoIds(await Api.GetAsync(reporter, flood)));
        Assert.Equal(HttpStatusCode.OK, (await reporter.PostAsync($"/api/v1/items/{flood}/media/{p2}/lead", null)).StatusCode);
        Assert.Equal([p2, p3, p1], PhotoIds(await Api.GetAsync(reporter, flood)));
        var badOrder = await reporter.PutAsJsonAsync($"/api/v1/items/{flood}/media/order", new { mediaIds = new[] { p1, p1, p2 } });
        Assert.Equal(HttpStatusCode.BadRequest, badOrder.StatusCode);
        Assert.Contains("tepat satu kali", await badOrder.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Submitted, the Kasi corrects a caption, the credit and the alt text: a new version, "edited" in the history,
        // the library searchable by the new words, the renditions naming the corrected photographer.
        Assert.Equal(HttpStatusCode.OK, (await Api.ActAsync(reporter, flood, "submit")).StatusCode);
        var edit = await kasi.PutAsJsonAsync($"/api/v1/items/{flood}/media/{p1}",
            new { caption = "Warga mengungsi ke balai desa", credit = "Sari W. (Diskominfo)", alt = "Warga membawa tas menuju balai desa" });
        Assert.Equal(HttpStatusCode.OK, edit.StatusCode);
        var edited = await Api.GetAsync(kasi, flood);
        var photo = edited.GetProperty("photos").EnumerateArray().Single(p => p.GetProperty("mediaId").GetGuid() == p1);
        Assert.Equal("Warga mengungsi ke balai desa", photo.GetProperty("caption").GetString());
        Assert.Equal("Sari W. (Diskominfo)", photo.GetProperty("credit").GetString());
        var lastEntry = edited.GetProperty("history").EnumerateArray().Last(h => h.GetProperty("action").GetString() == "edited");
        Assert.Equal("kasi", lastEntry.GetProperty("role").GetString());
        Assert.Equal([p1], Ids(await ListAsync(kasi, "q=balai desa")));
        Assert.Equal("Warga membawa tas menuju balai desa", (await ListAsync(kasi, "q=balai desa")).GetProperty("items")[0].GetProperty("alt").GetString());
        using (var rendition = Image.NewFromBuffer(await kasi.GetByteArrayAsync($"/media/{p1:N}/instagram.jpg")))
        {
            Assert.StartsWith("Sari W. [Diskominfo]", (string)rendition.Get("exif-ifd0-Artist"), StringComparison.Ordinal);
        }

        var tooLong = await kasi.PutAsJsonAsync($"/api/v1/items/{flood}/media/{p1}", new { credit = new string('x', 201) });
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);

        // Removal: from a draft yes (the file stays in the library), from an item in review no.
        Assert.Equal(HttpStatusCode.NoContent, (await reporter.DeleteAsync($"/api/v1/items/{dam}/media/{p2}")).StatusCode);
        Assert.Equal(0, (await Api.GetAsync(reporter, dam)).GetProperty("photos").GetArrayLength());
        var inReview = await kasi.DeleteAsync($"/api/v1/items/{flood}/media/{p3}");
        Assert.Equal(HttpStatusCode.Conflict, inReview.StatusCode);
        Assert.Contains("masih draf", await inReview.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Deletion: an upload no item uses, yes; a file still in an item, no.
        var spare = await Api.CreatePressReleaseAsync(reporter, title: "Draf cadangan");
        var p4 = await UploadAsync(reporter, spare, "Foto salah unggah", "Humas");
        Assert.Equal(HttpStatusCode.NoContent, (await reporter.DeleteAsync($"/api/v1/items/{spare}/media/{p4}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await reporter.DeleteAsync($"/api/v1/media/{p4}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reporter.GetAsync($"/media/{p4:N}")).StatusCode);
        Assert.Empty(Ids(await ListAsync(reporter, "q=salah unggah")));
        var used = await reporter.DeleteAsync($"/api/v1/media/{p3}");
        Assert.Equal(HttpStatusCode.Conflict, used.StatusCode);
        Assert.Contains("masih dipakai", await used.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Archived, the originals are never deleted, whoever asks.
        await Api.SignAsync(app, flood);
        await Api.WaitForStatusAsync(reporter, flood, "archived");
        var archived = await admin.DeleteAsync($"/api/v1/media/{p1}");
        Assert.Equal(HttpStatusCode.Conflict, archived.StatusCode);
        Assert.Contains("sudah diarsipkan tidak pernah dihapus", await archived.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/media/{p1:N}")).StatusCode);
    }

    internal static async Task<Guid> UploadAsync(HttpClient client, Guid itemId, string caption, string credit, byte[]? bytes = null)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes ?? Api.Jpeg(640, 480));
        file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        form.Add(file, "file", "foto.jpg");
        form.Add(new StringContent(caption), "caption");
        form.Add(new StringContent(credit), "credit");
        var response = await client.PostAsync($"/api/v1/items/{itemId}/media", form);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("mediaId").GetGuid();
    }

    private static async Task<JsonElement> ListAsync(HttpClient client, string query)
    {
        var response = await client.GetAsync($"/api/v1/media?{query}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static List<Guid> Ids(JsonElement page) => [.. page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("mediaId").GetGuid())];

    private static List<Guid> PhotoIds(JsonElement item) => [.. item.GetProperty("photos").EnumerateArray().Select(p => p.GetProperty("mediaId").GetGuid())];
}
