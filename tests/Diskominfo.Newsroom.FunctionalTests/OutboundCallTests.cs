using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Diskominfo.Newsroom.FakeGraph;

namespace Diskominfo.Newsroom.FunctionalTests;

/// <summary>
/// The site calls out to Meta's Graph API and nowhere else: a channel's address must be on
/// <c>Newsroom:Graph:AllowedHosts</c> (the tests widen it to the fake Graph server's loopback address only), a new
/// address or a new Page or account needs the token typed again, and a stored token never leaves for another host,
/// whatever the database says. A local listener stands for "elsewhere" and proves that nothing arrives there.
/// </summary>
public sealed class OutboundCallTests
{
    private const string NewToken = "EAAtypedagainbytheadmin0123456789";

    [Fact]
    public async Task GraphAddress_OffTheAllowlist_RefusedInIndonesianAndNothingIsCalled()
    {
        await using var listener = LocalListener.Start();
        await using var database = await TestDatabase.SqliteAsync();
        await using var app = await NewsroomApp.StartAsync(database, runJobs: false);
        using var admin = await app.LoginAsync("admin");

        string[] hostile =
        [
            $"http://localhost:{listener.Port}/v24.0",
            $"https://localhost:{listener.Port}/v24.0",
            $"http://127.0.0.1.nip.example:{listener.Port}/v24.0",
            $"http://user@localhost:{listener.Port}/v24.0",
            "http://graph.facebook.com/v24.0",
            "https://graph.facebook.com.evil.example/v24.0",
            "https://evil.example/graph.facebook.com/v24.0",
            "https://graph.facebook.com@evil.example/v24.0",
            "https://evil.example?graph.facebook.com/v24.0",
            "https://evil.example#graph.facebook.com/v24.0",
            "ftp://graph.facebook.com/v24.0",
            "file:///etc/passwd/v24.0",
        ];
        foreach (var address in hostile)
        {
            var response = await admin.PutAsJsonAsync("/api/v1/settings/channels/facebook", new { targetId = "104857600123456", accessToken = NewToken, graphBaseUrl = address });
            Assert.True(HttpStatusCode.BadRequest == response.StatusCode, $"{address}: {(int)response.StatusCode}");
            var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
            Assert.Contains("Graph API", errors.GetProperty("graphBaseUrl")[0].GetString(), StringComparison.Ordinal);
        }

        // Through the admin page as well.
        using (var desk = await app.SignInAsync("admin"))
        {
            var page = await desk.PostFormAsync("/admin/pengaturan/kanal", new()
            {
                ["Channel"] = "instagram", ["TargetId"] = "17841400000000001", ["AccessToken"] = NewToken, ["GraphBaseUrl"] = hostile[0],
            }, "/admin/pengaturan/kanal?handler=connect");
            Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
            Assert.Contains("hanya boleh di graph.facebook.com, 127.0.0.1", WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }

        Assert.Equal("not_connected", await StatusAsync(admin, "facebook"));
        Assert.Empty(listener.Requests);
    }

    [Fact]
    public async Task DefaultAllowlist_OnlyMeta_RefusesEvenLoopback()
    {
        await using var listener = LocalListener.Start();
        await using var database = await TestDatabase.SqliteAsync();
        await using var app = await NewsroomApp.StartAsync(
            database, runJobs: false, extraSettings: new Dictionary<string, string?> { ["Newsroom:Graph:AllowedHosts"] = null });
        using var admin = await app.LoginAsync("admin");

        var response = await admin.PutAsJsonAsync("/api/v1/settings/channels/facebook", new { targetId = "104857600123456", accessToken = NewToken, graphBaseUrl = $"http://127.0.0.1:{listener.Port}/v24.0" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var message = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("graphBaseUrl")[0].GetString();
        Assert.Equal("Alamat Graph API hanya boleh di graph.facebook.com (pengaturan Newsroom:Graph:AllowedHosts); token kanal tidak dikirim ke alamat lain.", message);
        Assert.Empty(listener.Requests);
    }

    [Fact]
    public async Task ChangingAddressOrTarget_WithoutTypingTheToken_Refused()
    {
        await using var listener = LocalListener.Start(FakeGraphServer.Host);
        await using var graph = await FakeGraphServer.StartAsync();
        await using var database = await TestDatabase.SqliteAsync();
        await using var app = await NewsroomApp.StartAsync(database, runJobs: false);
        using var admin = await app.LoginAsync("admin");
        var elsewhere = $"http://{FakeGraphServer.Host}:{listener.Port}/v24.0"; // an allowed host, another server
        Assert.Equal(HttpStatusCode.OK, (await Connect(admin, graph.PageId, graph.Token, graph.BaseUrl)).StatusCode);

        // Another address, another Page, or both, with the stored token: refused, nothing sent.
        foreach (var (target, address) in new[] { (graph.PageId, elsewhere), ("999999999999999", graph.BaseUrl), ("999999999999999", elsewhere), (graph.PageId, graph.BaseUrl.Replace("v24.0", "v25.0", StringComparison.Ordinal)) })
        {
            foreach (var token in new[] { null, "", "   " })
            {
                var response = await Connect(admin, target, token, address);
                Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
                var error = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("accessToken")[0].GetString();
                Assert.StartsWith("Ketik ulang token akses untuk mengganti ID Halaman atau alamat Graph API", error, StringComparison.Ordinal);
            }
        }

        // The admin page says the same.
        using (var desk = await app.SignInAsync("admin"))
        {
            var page = await desk.PostFormAsync("/admin/pengaturan/kanal", new()
            {
                ["Channel"] = "facebook", ["TargetId"] = graph.PageId, ["AccessToken"] = "", ["GraphBaseUrl"] = elsewhere,
            }, "/admin/pengaturan/kanal?handler=connect");
            Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
            Assert.Contains("Ketik ulang token akses", WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }

        Assert.Empty(listener.Requests);
        var stored = await ChannelAsync(admin, "facebook");
        Assert.Equal(graph.BaseUrl, stored.GetProperty("graphBaseUrl").GetString());
        Assert.Equal(graph.PageId, stored.GetProperty("targetId").GetString());

        // Saving the same connection again needs no token (the page posts the address it shows).
        Assert.Equal(HttpStatusCode.OK, (await Connect(admin, graph.PageId, null, graph.BaseUrl + "/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Connect(admin, graph.PageId, null, null)).StatusCode);

        // With the token typed again the change is made, and the new address gets the typed token, never the stored one.
        Assert.Equal(HttpStatusCode.OK, (await Connect(admin, graph.PageId, NewToken, elsewhere)).StatusCode);
        var arrived = Assert.Single(listener.Requests);
        Assert.Contains($"Bearer {NewToken}", arrived, StringComparison.Ordinal);
        Assert.DoesNotContain(graph.Token, arrived, StringComparison.Ordinal);
    }

    [Fact]
    public Task StoredToken_AddressChangedBehindTheSitesBack_NeverSentThere_Sqlite() => StoredTokenNeverSentElsewhereAsync(TestDatabase.SqliteAsync);

    [Fact]
    public Task StoredToken_AddressChangedBehindTheSitesBack_NeverSentThere_Postgres() => StoredTokenNeverSentElsewhereAsync(TestDatabase.PostgresAsync);

    private static async Task StoredTokenNeverSentElsewhereAsync(Func<Task<TestDatabase>> databaseFactory)
    {
        await using var listener = LocalListener.Start();
        await using var graph = await FakeGraphServer.StartAsync();
        await using var database = await databaseFactory();
        await using var app = await NewsroomApp.StartAsync(database, graph);
        using var admin = await app.LoginAsync("admin");
        using var reporter = await app.LoginAsync("reporter");
        Assert.Equal("connected", await StatusAsync(admin, "facebook"));

        // Someone with write access to the database points the channel elsewhere: the site keeps the token home.
        var elsewhere = $"http://localhost:{listener.Port}/v24.0";
        Assert.Equal(1, await database.ExecuteAsync(app, $"UPDATE publishing_channels SET \"GraphBaseUrl\" = '{elsewhere}' WHERE \"Channel\" = 'facebook'"));
        var tested = await (await admin.PostAsync("/api/v1/settings/channels/facebook/test", null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("disconnected", tested.GetProperty("status").GetString());
        Assert.Contains("tidak diizinkan", tested.GetProperty("note").GetString(), StringComparison.Ordinal);

        // A publication waits for the admin instead of calling; the other channel goes on.
        Assert.Equal(1, await database.ExecuteAsync(app, $"UPDATE publishing_channels SET \"Status\" = 'connected' WHERE \"Channel\" = 'facebook'"));
        var id = await Api.CreatePressReleaseAsync(reporter, title: "Berita saat alamat kanal diubah diam-diam");
        Assert.Equal(HttpStatusCode.Created, (await Api.UploadAsync(reporter, id, Api.Jpeg(), "foto.jpg")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Api.ActAsync(reporter, id, "submit")).StatusCode);
        await Api.SignAsync(app, id);
        var held = await Publications.WaitAsync(reporter, id, "facebook", "held");
        Assert.Contains("tidak diizinkan", Publications.LastError(held), StringComparison.Ordinal);
        await Publications.WaitAsync(reporter, id, "instagram", "published");
        Assert.Empty(graph.FacebookPosts);
        Assert.Empty(listener.Requests);
    }

    [Fact]
    public async Task ChannelFromConfiguration_AddressOffTheAllowlist_TokenNeverSent()
    {
        await using var listener = LocalListener.Start();
        await using var database = await TestDatabase.SqliteAsync();
        await using var app = await NewsroomApp.StartAsync(database, runJobs: false, extraSettings: new Dictionary<string, string?>
        {
            ["Newsroom:Channels:Facebook:PageId"] = "104857600123456",
            ["Newsroom:Channels:Facebook:AccessToken"] = "EAAfromtheconfigurationfile0123456",
            ["Newsroom:Channels:Facebook:GraphBaseUrl"] = $"http://localhost:{listener.Port}/v24.0",
        });
        using var admin = await app.LoginAsync("admin");
        var tested = await (await admin.PostAsync("/api/v1/settings/channels/facebook/test", null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("disconnected", tested.GetProperty("status").GetString());
        Assert.Contains("tidak diizinkan", tested.GetProperty("note").GetString(), StringComparison.Ordinal);
        Assert.Empty(listener.Requests);
    }

    [Fact]
    public async Task AddressesInContent_VideoLinkAndMarkdown_AreNeverFetchedByTheSite()
    {
        await using var listener = LocalListener.Start();
        await using var database = await TestDatabase.SqliteAsync();
        await using var app = await NewsroomApp.StartAsync(database);
        using var reporter = await app.LoginAsync("reporter");
        var here = $"http://127.0.0.1:{listener.Port}";

        var created = await reporter.PostAsJsonAsync("/api/v1/items", new
        {
            type = "press-release",
            title = "Bupati Meninjau Saluran Irigasi",
            lead = "Bupati meninjau saluran irigasi di Kecamatan Raya.",
            body = $"Lihat [video]({here}/video) dan ![foto]({here}/foto.jpg) serta <img src=\"{here}/html.jpg\">.",
            category = "pembangunan",
            eventDate = "2026-11-20",
            eventPlace = "Kecamatan Raya",
            videoUrl = $"https://127.0.0.1:{listener.Port}/video.mp4", // the checklist asks for https
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.Created, (await Api.UploadAsync(reporter, id, Api.Jpeg(), "foto.jpg")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Api.ActAsync(reporter, id, "submit")).StatusCode);
        await Api.SignAsync(app, id);
        var item = await Api.WaitForStatusAsync(reporter, id, "archived");
        var path = new Uri(Publications.Of(item, "website").GetProperty("url").GetString()!).AbsolutePath;
        using var readerClient = app.CreateClient();
        Assert.Contains("Saluran Irigasi", await readerClient.GetStringAsync(path), StringComparison.Ordinal);
        await readerClient.GetStringAsync("/rss.xml");
        await readerClient.GetStringAsync("/sitemap.xml");
        Assert.Empty(listener.Requests);
    }

    private static Task<HttpResponseMessage> Connect(HttpClient admin, string targetId, string? accessToken, string? graphBaseUrl)
        => admin.PutAsJsonAsync("/api/v1/settings/channels/facebook", new { targetId, accessToken, graphBaseUrl });

    private static async Task<JsonElement> ChannelAsync(HttpClient admin, string channel)
        => (await admin.GetFromJsonAsync<JsonElement>("/api/v1/settings/channels")).EnumerateArray().Single(c => c.GetProperty("channel").GetString() == channel);

    private static async Task<string?> StatusAsync(HttpClient admin, string channel) => (await ChannelAsync(admin, channel)).GetProperty("status").GetString();
}
