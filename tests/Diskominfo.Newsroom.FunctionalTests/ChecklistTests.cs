using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Diskominfo.Newsroom.FakeGraph;

namespace Diskominfo.Newsroom.FunctionalTests;

/// <summary>
/// The checklist before submission and signature: with Instagram connected, an item without a lead photo (or whose
/// photo Instagram's crop would mutilate) is refused with the list (422, <c>missing</c>), which the desk shows before the
/// buttons; without Instagram the same item goes through. Real Graph fake, on SQLite and PostgreSQL.
/// </summary>
public sealed class ChecklistTests
{
    private static readonly string[] UnknownCheck = ["horoskop"];

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Postgres")]
    public async Task SubmitAndSign_ItemAChannelWouldRefuse_RefusedWithTheListInApiAndDesk(string provider)
    {
        await using var database = provider == "Sqlite" ? await TestDatabase.SqliteAsync() : await TestDatabase.PostgresAsync();
        await using var graph = await FakeGraphServer.StartAsync();
        await using var app = await NewsroomApp.StartAsync(database, graph);
        using var reporter = await app.LoginAsync("reporter");
        using var kasi = await app.LoginAsync("kasi");
        using var kabid = await app.LoginAsync("kabid");
        using var kadis = await app.LoginAsync("kadis");
        using var admin = await app.LoginAsync("admin");
        await WaitForConnectedAsync(admin, "instagram");

        // 1. No photo: the API refuses the submission with the list, in Indonesian; the desk shows it before the button.
        var bare = await Api.CreatePressReleaseAsync(reporter, "Bupati Buka Musrenbang");
        var check = await reporter.GetFromJsonAsync<JsonElement>($"/api/v1/items/{bare}/checklist");
        Assert.False(check.GetProperty("complete").GetBoolean());
        Assert.Contains("instagram", check.GetProperty("channels").EnumerateArray().Select(c => c.GetString()));
        var refused = await Api.ActAsync(reporter, bare, "submit");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(422, problem.GetProperty("status").GetInt32());
        var missing = problem.GetProperty("missing").EnumerateArray().Single(m => m.GetProperty("code").GetString() == "lead_photo");
        Assert.Contains("Foto utama belum ada", missing.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(["instagram"], missing.GetProperty("channels").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal("draft", (await Api.GetAsync(reporter, bare)).GetProperty("status").GetString());
        using (var desk = await app.SignInAsync("reporter"))
        {
            var page = await desk.Http.GetStringAsync($"/admin/naskah/{bare}");
            var list = page.IndexOf("Daftar periksa", StringComparison.Ordinal);
            Assert.True(list >= 0 && list < page.IndexOf("handler=submit", StringComparison.Ordinal), "the checklist comes before the submit button");
            Assert.Contains("data-code=\"lead_photo\"", page, StringComparison.Ordinal);
            var deskSubmit = await desk.PostFormAsync($"/admin/naskah/{bare}", new(), $"/admin/naskah/{bare}/alur?handler=submit");
            Assert.Equal(HttpStatusCode.UnprocessableEntity, deskSubmit.StatusCode);
            Assert.Contains("Foto utama belum ada", await deskSubmit.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // 2. A panorama as lead photo: Instagram's crop would keep under half of it.
        var panorama = await Api.CreatePressReleaseAsync(reporter, "Panorama Danau Raya");
        Assert.Equal(HttpStatusCode.Created, (await Api.UploadAsync(reporter, panorama, Api.Jpeg(2400, 600), "panorama.jpg")).StatusCode);
        var cropRefused = await (await Api.ActAsync(reporter, panorama, "submit")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("instagram_crop", cropRefused.GetProperty("missing").EnumerateArray().Single().GetProperty("code").GetString());
        Assert.Contains("terlalu lebar untuk Instagram", cropRefused.GetProperty("missing")[0].GetProperty("message").GetString(), StringComparison.Ordinal);

        // 3. A phone portrait passes at submission; the admin then asks Instagram's crop to keep 80 %: refused before the signature.
        var portrait = await Api.CreatePressReleaseAsync(reporter, "Bupati Sapa Warga");
        Assert.Equal(HttpStatusCode.Created, (await Api.UploadAsync(reporter, portrait, Api.Jpeg(900, 1600), "tegak.jpg")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Api.ActAsync(reporter, portrait, "submit")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Api.ActAsync(kasi, portrait, "approve")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Api.ActAsync(kabid, portrait, "approve")).StatusCode);
        var stricter = new { checks = new[] { "lead_photo", "photo_caption", "photo_credit", "category", "text_length", "instagram_crop" }, minCropPercent = 80 };
        Assert.Equal(HttpStatusCode.Forbidden, (await kadis.PutAsJsonAsync("/api/v1/settings/editorial/checklists/press-release/instagram", stricter)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PutAsJsonAsync("/api/v1/settings/editorial/checklists/press-release/instagram", new { checks = UnknownCheck })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PutAsJsonAsync("/api/v1/settings/editorial/checklists/press-release/instagram", stricter)).StatusCode);
        var settings = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/settings/editorial/checklists")).EnumerateArray()
            .Single(t => t.GetProperty("type").GetString() == "press-release").GetProperty("channels").EnumerateArray()
            .Single(c => c.GetProperty("channel").GetString() == "instagram");
        Assert.Equal(80, settings.GetProperty("minCropPercent").GetInt32());
        using (var kadisDesk = await app.SignInAsync("kadis"))
        {
            var page = await kadisDesk.Http.GetStringAsync($"/admin/naskah/{portrait}");
            Assert.Contains("data-code=\"instagram_crop\"", page, StringComparison.Ordinal);
            Assert.True(page.IndexOf("Daftar periksa", StringComparison.Ordinal) < page.IndexOf("Tanda tangani", StringComparison.Ordinal));
        }

        var sign = await Api.ActAsync(kadis, portrait, "approve", "Ditandatangani.");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, sign.StatusCode);
        Assert.Equal("instagram_crop", (await sign.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("missing")[0].GetProperty("code").GetString());
        Assert.Equal("kabid_approved", (await Api.GetAsync(reporter, portrait)).GetProperty("status").GetString());
        Assert.Empty(graph.InstagramMedia);

        // 4. The admin disconnects Instagram: the item without a photo goes to the website and Facebook only, and may be submitted.
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync("/api/v1/settings/channels/instagram")).StatusCode);
        Assert.DoesNotContain("instagram", (await reporter.GetFromJsonAsync<JsonElement>($"/api/v1/items/{bare}/checklist")).GetProperty("channels").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(HttpStatusCode.OK, (await Api.ActAsync(reporter, bare, "submit")).StatusCode);

        // The settings page, in Indonesian.
        using var adminDesk = await app.SignInAsync("admin");
        var settingsPage = await adminDesk.Http.GetStringAsync("/admin/pengaturan/daftar-periksa");
        Assert.Contains("Potongan Instagram dapat diterima", settingsPage, StringComparison.Ordinal);
        Assert.Contains("value=\"80\"", settingsPage, StringComparison.Ordinal);
    }

    private static async Task WaitForConnectedAsync(HttpClient admin, string channel)
    {
        for (var i = 0; i < 100; i++)
        {
            var channels = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/settings/channels")).EnumerateArray();
            if (channels.Any(c => c.GetProperty("channel").GetString() == channel && c.GetProperty("status").GetString() == "connected"))
            {
                return;
            }

            await Task.Delay(100);
        }

        Assert.Fail($"{channel} was never connected from the configuration");
    }
}
