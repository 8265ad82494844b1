using System.Net;
using System.Net.Http.Json;
using Diskominfo.Newsroom.FakeGraph;

namespace Diskominfo.Newsroom.FunctionalTests;

/// <summary>Corrections (ralat): a published item is corrected through the correction chain; the site and Facebook follow, Instagram cannot.</summary>
public sealed class CorrectionTests
{
    [Fact]
    public Task Correction_Sqlite_GoesThroughItsChain_UpdatesSiteAndFacebook_RecordsInstagramCannot() => CorrectionAsync(TestDatabase.SqliteAsync);

    [Fact]
    public Task Correction_Postgres_GoesThroughItsChain_UpdatesSiteAndFacebook_RecordsInstagramCannot() => CorrectionAsync(TestDatabase.PostgresAsync);

    private static async Task CorrectionAsync(Func<Task<TestDatabase>> databaseFactory)
    {
        await using var database = await databaseFactory();
        await using var graph = await FakeGraphServer.StartAsync();
        await using var app = await NewsroomApp.StartAsync(database, graph);
        using var reporter = await app.LoginAsync("reporter");
        using var kasi = await app.LoginAsync("kasi");
        using var kabid = await app.LoginAsync("kabid");
        using var kadis = await app.LoginAsync("kadis");
        using var archivist = await app.LoginAsync("arsiparis");
        using var anonymous = app.CreateClient();

        var id = await Api.CreatePressReleaseAsync(reporter, body: "Jembatan sepanjang 120 meter ini dibangun selama dua tahun.");
        Assert.Equal(HttpStatusCode.Created, (await Api.UploadAsync(reporter, id, Api.Jpeg(1600, 900), "jembatan.jpg")).StatusCode);
        await Api.ActAsync(reporter, id, "submit");
        await Api.SignAsync(app, id);
        var first = await Api.WaitForStatusAsync(reporter, id, "archived");
        var slug = first.GetProperty("slug").GetString();
        var number = first.GetProperty("archive").GetProperty("number").GetString();
        var publishedAt = first.GetProperty("publishedAt").GetDateTimeOffset();

        // Published copy cannot simply be edited; a correction needs a reason and the right people.
        var direct = await reporter.PutAsJsonAsync($"/api/v1/items/{id}", Corrected);
        Assert.Equal(HttpStatusCode.Conflict, direct.StatusCode);
        Assert.Contains("mulai ralat", await direct.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await Api.ActAsync(reporter, id, "correction")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Api.ActAsync(archivist, id, "correction", "Salah angka.")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Api.ActAsync(reporter, id, "correction", "Panjang jembatan 150 meter, bukan 120 meter.")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await Api.ActAsync(kasi, id, "correction", "Lagi.")).StatusCode); // one at a time

        Assert.Equal(HttpStatusCode.OK, (await reporter.PutAsJsonAsync($"/api/v1/items/{id}", Corrected)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Api.ActAsync(reporter, id, "submit")).StatusCode);

        // While the correction is in review the published text stays on line.
        Assert.Contains("120 meter", await anonymous.GetStringAsync($"/berita/{slug}"), StringComparison.Ordinal);

        // The correction chain (by default Kasi, then Kadis) replaces the full chain.
        Assert.Equal(HttpStatusCode.OK, (await Api.ActAsync(kasi, id, "approve")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Api.ActAsync(kabid, id, "approve")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Api.ActAsync(kadis, id, "approve")).StatusCode);

        var item = await Api.WaitForStatusAsync(reporter, id, "archived", seconds: 60);
        var actions = item.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("action").GetString()).ToList();
        Assert.Equal(["correction_started", "submitted", "approved", "signed", "published", "archived"], actions.Skip(7));
        Assert.Equal(number, item.GetProperty("archive").GetProperty("number").GetString()); // filed under the same number
        Assert.Equal(publishedAt, item.GetProperty("publishedAt").GetDateTimeOffset()); // first publication date kept

        var latest = item.GetProperty("publications").EnumerateArray().TakeLast(3).ToDictionary(p => p.GetProperty("channel").GetString()!);
        Assert.Equal("published", latest["website"].GetProperty("status").GetString());
        Assert.Equal("published", latest["facebook"].GetProperty("status").GetString());
        Assert.Equal("not_supported", latest["instagram"].GetProperty("status").GetString());
        Assert.Contains("Instagram tidak dapat diubah", latest["instagram"].GetProperty("lastError").GetString(), StringComparison.Ordinal);

        // Facebook: the same post, edited, never a second one. Instagram: untouched.
        var post = Assert.Single(graph.FacebookPosts).Value;
        Assert.Equal(1, post.Edits);
        Assert.Contains("Ralat", post.Message, StringComparison.Ordinal);
        Assert.Contains("Panjang jembatan 150 meter", post.Message, StringComparison.Ordinal);
        Assert.Single(graph.InstagramMedia);

        // The website shows the corrected text with the dated correction note, at the same address.
        var page = await anonymous.GetStringAsync($"/berita/{slug}");
        Assert.Contains("150 meter", page, StringComparison.Ordinal);
        Assert.DoesNotContain("120 meter ini", page, StringComparison.Ordinal);
        Assert.Contains("Ralat</strong>", page, StringComparison.Ordinal);
        Assert.Contains("Panjang jembatan 150 meter, bukan 120 meter.", page, StringComparison.Ordinal);
    }

    private static readonly object Corrected = new
    {
        title = "Bupati Resmikan Jembatan Raya",
        lead = "Bupati meresmikan Jembatan Raya yang menghubungkan dua kecamatan.",
        body = "Jembatan sepanjang 150 meter ini dibangun selama dua tahun.",
        category = "pembangunan",
        eventDate = "2026-11-20",
        eventPlace = "Kecamatan Raya",
    };
}
