using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Diskominfo.Newsroom.FakeGraph;

namespace Diskominfo.Newsroom.FunctionalTests;

/// <summary>
/// Comments on an item (issue 16 §1): a thread apart from the approval notes, for those who may see the item's work
/// only, with @mentions that notify the mentioned person (when he may see the item), kept in the archive sheet's annex.
/// </summary>
public sealed class CommentTests
{
    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Postgres")]
    public async Task Comments_MentionNotifies_HiddenFromThoseWhoCannotSeeTheItem_AndAnnexedToTheArchiveSheet(string provider)
    {
        await using var database = provider == "Sqlite" ? await TestDatabase.SqliteAsync() : await TestDatabase.PostgresAsync();
        await using var graph = await FakeGraphServer.StartAsync();
        await using var app = await NewsroomApp.StartAsync(database, graph);
        using var reporter = await app.LoginAsync("reporter");
        using var kasi = await app.LoginAsync("kasi");
        using var other = await app.LoginAsync("reporter2");
        var id = await Api.CreatePressReleaseAsync(reporter, "Bupati Resmikan Taman Kota");

        // The writer asks the Kasi (mentioned) and his colleague, who may not see this draft and so is not told.
        var posted = await reporter.PostAsJsonAsync($"/api/v1/items/{id}/comments", new { body = "@kasi apakah judulnya sudah tepat? cc @reporter2 dan @tidakada" });
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        var comment = await posted.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Rina Peliput", comment.GetProperty("authorName").GetString());
        Assert.Equal(["kasi", "reporter2"], comment.GetProperty("mentions").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal(["kasi"], comment.GetProperty("notified").EnumerateArray().Select(m => m.GetString()));

        var inbox = await kasi.GetFromJsonAsync<JsonElement>("/api/v1/inbox");
        var notice = Assert.Single(inbox.EnumerateArray(), n => n.GetProperty("reason").GetString() == "comment-mention");
        Assert.Contains("Rina Peliput menyebut Anda", notice.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal($"/admin/naskah/{id}#komentar", notice.GetProperty("link").GetString());
        Assert.DoesNotContain((await other.GetFromJsonAsync<JsonElement>("/api/v1/inbox")).EnumerateArray(), n => n.GetProperty("reason").GetString() == "comment-mention");

        // The Kasi answers; the thread is in order, apart from approval notes; empty text is refused in Indonesian.
        Assert.Equal(HttpStatusCode.Created, (await kasi.PostAsJsonAsync($"/api/v1/items/{id}/comments", new { body = "Sudah tepat, ajukan saja." })).StatusCode);
        var empty = await Accounts.ProblemAsync(await kasi.PostAsJsonAsync($"/api/v1/items/{id}/comments", new { body = "  " }), HttpStatusCode.BadRequest);
        Assert.Equal("Komentar tidak boleh kosong.", empty.GetProperty("errors").GetProperty("body")[0].GetString());
        var thread = await reporter.GetFromJsonAsync<JsonElement>($"/api/v1/items/{id}/comments");
        Assert.Equal(["Rina Peliput", "Budi Kepala Seksi"], thread.EnumerateArray().Select(c => c.GetProperty("authorName").GetString()));

        // Someone who may not see the item gets the same 404 as for no item; strangers are asked to sign in.
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/items/{id}/comments")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsJsonAsync($"/api/v1/items/{id}/comments", new { body = "Boleh ikut?" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().GetAsync($"/api/v1/items/{id}/comments")).StatusCode);

        // On the desk: the thread on the item page, and a comment added through the form.
        using var desk = await app.SignInAsync("kasi");
        var itemPage = $"/admin/naskah/{id}";
        Assert.Contains("Sudah tepat, ajukan saja.", await desk.Http.GetStringAsync(itemPage), StringComparison.Ordinal);
        var form = await desk.PostFormAsync(itemPage, new() { ["Body"] = "Satu lagi dari meja kerja, @reporter." }, $"{itemPage}/komentar");
        Assert.Equal(HttpStatusCode.Redirect, form.StatusCode);
        var mine = await reporter.GetFromJsonAsync<JsonElement>("/api/v1/inbox");
        Assert.Contains(mine.EnumerateArray(), n => n.GetProperty("reason").GetString() == "comment-mention");

        // Through the chain to the archive: the sheet carries the thread as its annex.
        Assert.Equal(HttpStatusCode.Created, (await Api.UploadAsync(reporter, id, Api.Jpeg(), "taman.jpg")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Api.ActAsync(reporter, id, "submit")).StatusCode);
        await Api.SignAsync(app, id);
        await Api.WaitForStatusAsync(reporter, id, "archived", seconds: 90);
        var sheet = await kasi.GetAsync($"/api/v1/items/{id}/archive-sheet.pdf");
        Assert.Equal(HttpStatusCode.OK, sheet.StatusCode);
        var text = (await ArchiveSheetTests.PdfTextAsync(await sheet.Content.ReadAsByteArrayAsync())).ReplaceLineEndings(" ");
        Assert.Contains("Lampiran: komentar naskah", text, StringComparison.Ordinal);
        Assert.Contains("3 komentar staf", text, StringComparison.Ordinal);
        Assert.Contains("Sudah tepat, ajukan saja.", text, StringComparison.Ordinal);
        Assert.Contains("Budi Kepala Seksi", text, StringComparison.Ordinal);
    }
}
