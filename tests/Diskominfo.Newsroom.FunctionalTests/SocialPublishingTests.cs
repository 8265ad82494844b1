using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Diskominfo.Newsroom.FakeGraph;
using Microsoft.Extensions.DependencyInjection;

namespace Diskominfo.Newsroom.FunctionalTests;

/// <summary>
/// Facebook and Instagram as Meta behaves when things go wrong: tokens that expire or are revoked, rate limits,
/// the Instagram quota, errors after the post was made, timeouts, refused content; and the operator's hand on it.
/// </summary>
public sealed class SocialPublishingTests
{
    private static async Task<Guid> SignedItemAsync(NewsroomApp app, HttpClient reporter, string title, params byte[][] photos)
    {
        var id = await Api.CreatePressReleaseAsync(reporter, title: title);
        foreach (var photo in photos.Length == 0 ? [Api.Jpeg()] : photos)
        {
            Assert.Equal(HttpStatusCode.Created, (await Api.UploadAsync(reporter, id, photo, "foto.jpg")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, (await Api.ActAsync(reporter, id, "submit")).StatusCode);
        await Api.SignAsync(app, id);
        return id;
    }

    private static async Task<JsonElement[]> ChannelsAsync(HttpClient admin)
        => [.. (await admin.GetFromJsonAsync<JsonElement>("/api/v1/settings/channels")).EnumerateArray()];

    private static JsonElement Channel(JsonElement[] channels, string name) => channels.Single(c => c.GetProperty("channel").GetString() == name);

    [Fact]
    public async Task AdminConnectsChannels_TokenEncryptedAndMasked_ExpiryShown_BadInputRefusedInIndonesian()
    {
        await using var database = await TestDatabase.SqliteAsync();
        await using var graph = await FakeGraphServer.StartAsync();
        graph.TokenExpiresAt = DateTimeOffset.UtcNow.AddDays(3).AddHours(1);
        await using var app = await NewsroomApp.StartAsync(database);
        using var admin = await app.LoginAsync("admin");
        using var operatorClient = await app.LoginAsync("operator");

        Assert.Equal("not_connected", Channel(await ChannelsAsync(admin), "facebook").GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await operatorClient.GetAsync("/api/v1/settings/channels")).StatusCode);

        var bad = await admin.PutAsJsonAsync("/api/v1/settings/channels/facebook", new { targetId = "halaman kami", accessToken = "abc", graphBaseUrl = "graph.facebook.com" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var problem = await bad.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("berupa angka", problem.GetProperty("errors").GetProperty("targetId")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("token Meta", problem.GetProperty("errors").GetProperty("accessToken")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("versinya", problem.GetProperty("errors").GetProperty("graphBaseUrl")[0].GetString(), StringComparison.Ordinal);

        var connected = await admin.PutAsJsonAsync("/api/v1/settings/channels/facebook", new { targetId = graph.PageId, accessToken = graph.Token, graphBaseUrl = graph.BaseUrl });
        Assert.Equal(HttpStatusCode.OK, connected.StatusCode);
        var facebook = await connected.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("connected", facebook.GetProperty("status").GetString());
        Assert.Equal(graph.PageName, facebook.GetProperty("accountName").GetString());
        Assert.Equal("••••" + graph.Token[^4..], facebook.GetProperty("token").GetString());
        Assert.Equal(3, facebook.GetProperty("tokenExpiresInDays").GetInt32());
        Assert.True(facebook.GetProperty("tokenExpiresSoon").GetBoolean());

        // Missing permissions and a token Meta refuses: saved, but shown as disconnected with the reason.
        graph.Scopes = ["instagram_basic"];
        var noPublish = await (await admin.PutAsJsonAsync("/api/v1/settings/channels/instagram", new { targetId = graph.InstagramAccountId, accessToken = graph.Token, graphBaseUrl = graph.BaseUrl }))
            .Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("disconnected", noPublish.GetProperty("status").GetString());
        Assert.Contains("instagram_content_publish", noPublish.GetProperty("note").GetString(), StringComparison.Ordinal);
        var refused = await (await admin.PutAsJsonAsync("/api/v1/settings/channels/instagram", new { targetId = graph.InstagramAccountId, accessToken = "EAAsomeoneelsestoken98765" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("disconnected", refused.GetProperty("status").GetString());
        Assert.Contains("190", refused.GetProperty("note").GetString(), StringComparison.Ordinal);

        // The token is nowhere in the database file, nor on the admin page.
        using (var desk = await app.SignInAsync("admin"))
        {
            var page = System.Net.WebUtility.HtmlDecode(await desk.Http.GetStringAsync("/admin/pengaturan/kanal"));
            Assert.Contains(graph.PageName, page, StringComparison.Ordinal);
            Assert.Contains("••••" + graph.Token[^4..], page, StringComparison.Ordinal);
            Assert.DoesNotContain(graph.Token, page, StringComparison.Ordinal);
        }

        var file = Path.Combine(app.DataDir, "newsroom.db");
        var bytes = await File.ReadAllBytesAsync(file);
        Assert.DoesNotContain(graph.Token, System.Text.Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
        Assert.DoesNotContain("EAAsomeoneelsestoken98765", System.Text.Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);

        // Three days before expiry, the next sweep tells the admins, once.
        var sweep = app.Services.GetRequiredService<Hangfire.IRecurringJobManager>();
        sweep.Trigger("publishing-sweep");
        sweep.Trigger("publishing-sweep");
        await WaitForNoticeAsync(admin, "berakhir");
        await Task.Delay(1000);
        var notices = await admin.GetFromJsonAsync<JsonElement>("/api/v1/inbox");
        Assert.Single(notices.EnumerateArray(), n => n.GetProperty("message").GetString()!.Contains("berakhir", StringComparison.Ordinal));
        Assert.Equal("/admin/pengaturan/kanal", notices[0].GetProperty("link").GetString());
    }

    private static async Task<JsonElement> WaitForNoticeAsync(HttpClient client, string text, int seconds = 20)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        do
        {
            var notices = await client.GetFromJsonAsync<JsonElement>("/api/v1/inbox");
            foreach (var notice in notices.EnumerateArray())
            {
                if (notice.GetProperty("message").GetString()!.Contains(text, StringComparison.Ordinal))
                {
                    return notice;
                }
            }

            await Task.Delay(200);
        }
        while (DateTime.UtcNow < deadline);
        Assert.Fail($"No notice containing '{text}' in {seconds} s");
        return default;
    }

    [Fact]
    public Task RevokedToken_Sqlite_HoldsWithoutBurningRetries_TellsAdmins_ReconnectPublishesOnce() => RevokedTokenAsync(TestDatabase.SqliteAsync);

    [Fact]
    public Task RevokedToken_Postgres_HoldsWithoutBurningRetries_TellsAdmins_ReconnectPublishesOnce() => RevokedTokenAsync(TestDatabase.PostgresAsync);

    private static async Task RevokedTokenAsync(Func<Task<TestDatabase>> databaseFactory)
    {
        await using var database = await databaseFactory();
        await using var graph = await FakeGraphServer.StartAsync();
        await using var app = await NewsroomApp.StartAsync(database, graph);
        using var reporter = await app.LoginAsync("reporter");
        using var admin = await app.LoginAsync("admin");

        // The password of the Page's admin was changed: Meta now refuses the token the site holds.
        graph.Token = "EAAnewtokenafterpasswordchange1234";
        var first = await SignedItemAsync(app, reporter, "Berita saat token dicabut");
        var held = await Publications.WaitAsync(reporter, first, "facebook", "held");
        Assert.Equal(0, held.GetProperty("attempts").GetInt32());
        Assert.Contains("190/460", Publications.LastError(held), StringComparison.Ordinal);
        Assert.Equal("held", Publications.Attempts(held).Single().GetProperty("outcome").GetString());
        await Publications.WaitAsync(reporter, first, "instagram", "held");
        Assert.NotEqual("archived", (await Api.GetAsync(reporter, first)).GetProperty("status").GetString());

        var notice = await WaitForNoticeAsync(admin, "terputus");
        Assert.Equal("/admin/pengaturan/kanal", notice.GetProperty("link").GetString());
        var channels = await ChannelsAsync(admin);
        Assert.Equal("disconnected", Channel(channels, "facebook").GetProperty("status").GetString());

        // While disconnected, a second item makes no call to Meta at all.
        var callsBefore = graph.Requests.Count(r => r.Contains("/photos", StringComparison.Ordinal) || r.Contains("/media", StringComparison.Ordinal));
        var second = await SignedItemAsync(app, reporter, "Berita kedua saat kanal terputus");
        await Publications.WaitAsync(reporter, second, "facebook", "held");
        await Publications.WaitAsync(reporter, second, "instagram", "held");
        Assert.Equal(callsBefore, graph.Requests.Count(r => r.Contains("/photos", StringComparison.Ordinal) || r.Contains("/media", StringComparison.Ordinal)));
        Assert.Equal(2, Channel(await ChannelsAsync(admin), "facebook").GetProperty("heldPublications").GetInt32());

        // The admin pastes the new token: everything held goes out, once.
        foreach (var (channel, target) in new[] { ("facebook", graph.PageId), ("instagram", graph.InstagramAccountId) })
        {
            var response = await admin.PutAsJsonAsync($"/api/v1/settings/channels/{channel}", new { targetId = target, accessToken = graph.Token });
            Assert.Equal("connected", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        }

        foreach (var id in new[] { first, second })
        {
            await Api.WaitForStatusAsync(reporter, id, "archived");
        }

        Assert.Equal(2, graph.FacebookPosts.Count);
        Assert.Equal(2, graph.InstagramMedia.Count);
        Assert.Equal(1, graph.PostsContaining("berita-saat-token-dicabut"));
    }

    [Fact]
    public async Task ErrorAfterPostWasMade_AndTimeoutAfterPublish_RetryChecksFirst_NothingTwice()
    {
        await using var database = await TestDatabase.SqliteAsync();
        await using var graph = await FakeGraphServer.StartAsync();
        await using var app = await NewsroomApp.StartAsync(database, graph, extraSettings: new Dictionary<string, string?> { ["Newsroom:GraphTimeout"] = "00:00:02" });
        using var reporter = await app.LoginAsync("reporter");

        // Meta answers code 2 although the Facebook post was created; Instagram's media_publish goes through but the answer never comes.
        graph.InjectError($"POST {graph.PageId}/photos", 2, status: 500, transient: true, afterApplying: true);
        graph.InjectTimeout($"POST {graph.InstagramAccountId}/media_publish", TimeSpan.FromSeconds(10), afterApplying: true);
        var id = await SignedItemAsync(app, reporter, "Berita dengan jawaban yang hilang");
        var item = await Api.WaitForStatusAsync(reporter, id, "archived", seconds: 90);

        Assert.Single(graph.FacebookPosts);
        Assert.Single(graph.InstagramMedia);
        var facebook = Publications.Of(item, "facebook");
        var log = Publications.Attempts(facebook);
        Assert.Equal(["unknown", "published"], log.Select(a => a.GetProperty("outcome").GetString()));
        Assert.Equal("2", log[0].GetProperty("errorCode").GetString());
        Assert.Contains("Gangguan sementara", log[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains("Kiriman mungkin sudah dibuat", log[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains("ditemukan dan dicatat, tidak dikirim ulang", log[1].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(graph.FacebookPosts.Keys.Single(), facebook.GetProperty("remoteId").GetString());
        Assert.Contains("facebook.com", facebook.GetProperty("url").GetString(), StringComparison.Ordinal);
        var instagram = Publications.Attempts(Publications.Of(item, "instagram"));
        Assert.Equal(["unknown", "published"], instagram.Select(a => a.GetProperty("outcome").GetString()));
        Assert.Contains("Tidak ada jawaban", instagram[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Single(graph.Requests, r => r.StartsWith($"POST {FakeGraphServer.Version}/{graph.InstagramAccountId}/media_publish", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RateLimit_WaitsTheTimeMetaNames_WithoutCallingMeanwhile_AndWithoutUsingAttempts()
    {
        await using var database = await TestDatabase.SqliteAsync();
        await using var graph = await FakeGraphServer.StartAsync();
        await using var app = await NewsroomApp.StartAsync(database, graph);
        using var reporter = await app.LoginAsync("reporter");
        using var admin = await app.LoginAsync("admin");
        var usage = $"{{\"{graph.PageId}\":[{{\"type\":\"pages\",\"call_count\":100,\"total_cputime\":20,\"total_time\":30,\"estimated_time_to_regain_access\":7}}]}}";
        graph.InjectError($"POST {graph.PageId}/photos", 32, headers: new Dictionary<string, string> { ["X-Business-Use-Case-Usage"] = usage });

        var first = await SignedItemAsync(app, reporter, "Berita saat dibatasi Meta");
        var limited = await Publications.WaitAsync(reporter, first, "facebook", "pending", also: p => Publications.Settled(p, 1));
        Assert.Equal(0, limited.GetProperty("attempts").GetInt32());
        Assert.Contains("Dibatasi sementara", Publications.LastError(limited), StringComparison.Ordinal);
        var blockedUntil = Channel(await ChannelsAsync(admin), "facebook").GetProperty("blockedUntil").GetDateTimeOffset();
        Assert.InRange(blockedUntil - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(6), TimeSpan.FromMinutes(7.1));

        // A second item waits for the same time without calling (calls while blocked extend the block); Instagram is not blocked.
        var second = await SignedItemAsync(app, reporter, "Berita kedua saat dibatasi");
        var waiting = await Publications.WaitAsync(reporter, second, "facebook", "pending", also: p => Publications.LastError(p)?.Contains("tanpa memanggil", StringComparison.Ordinal) == true);
        Assert.Empty(Publications.Attempts(waiting));
        Assert.Single(graph.Requests, r => r.Contains($"{graph.PageId}/photos", StringComparison.Ordinal));
        await Publications.WaitAsync(reporter, second, "instagram", "published");
    }

    [Fact]
    public async Task InstagramQuotaUsedUp_PostWaitsForTheWindow_ThenOperatorSendsIt()
    {
        await using var database = await TestDatabase.SqliteAsync();
        await using var graph = await FakeGraphServer.StartAsync();
        graph.QuotaTotal = 1;
        await using var app = await NewsroomApp.StartAsync(database, graph);
        using var reporter = await app.LoginAsync("reporter");
        using var operatorClient = await app.LoginAsync("operator");

        var first = await SignedItemAsync(app, reporter, "Berita pertama hari ini");
        await Api.WaitForStatusAsync(reporter, first, "archived");
        var second = await SignedItemAsync(app, reporter, "Berita kedua melewati kuota");
        var waiting = await Publications.WaitAsync(reporter, second, "instagram", "pending", also: p => Publications.Settled(p, 1));
        Assert.Contains("Kuota publikasi Instagram sudah terpakai (1 dari 1", Publications.LastError(waiting), StringComparison.Ordinal);
        Assert.Equal(0, waiting.GetProperty("attempts").GetInt32());
        Assert.Single(graph.InstagramMedia);
        Assert.Equal("published", Publications.Of(await Api.GetAsync(reporter, second), "facebook").GetProperty("status").GetString());

        // The window moved on (here: Meta raised the allowance); the operator does not wait for the next check.
        graph.QuotaTotal = 2;
        var retry = await operatorClient.PostAsync($"/api/v1/publications/{waiting.GetProperty("id").GetGuid()}/retry", null);
        Assert.Equal(HttpStatusCode.NoContent, retry.StatusCode);
        await Api.WaitForStatusAsync(reporter, second, "archived");
        Assert.Equal(2, graph.InstagramMedia.Count);
    }

    [Fact]
    public async Task RefusedContent_FailsAtOnceWithReason_OperatorRetriesOrCancels_ReporterMayNot()
    {
        await using var database = await TestDatabase.SqliteAsync();
        await using var graph = await FakeGraphServer.StartAsync();
        await using var app = await NewsroomApp.StartAsync(database, graph);
        using var reporter = await app.LoginAsync("reporter");
        using var operatorClient = await app.LoginAsync("operator");

        graph.InjectError($"POST {graph.InstagramAccountId}/media", 36003, 2207009);
        var id = await SignedItemAsync(app, reporter, "Berita dengan foto ditolak");
        var failed = await Publications.WaitAsync(reporter, id, "instagram", "failed");
        Assert.Equal(1, failed.GetProperty("attempts").GetInt32());
        Assert.Contains("rasio foto", Publications.LastError(failed), StringComparison.Ordinal);
        Assert.Equal("36003/2207009", Publications.Attempts(failed).Single().GetProperty("errorCode").GetString());
        Assert.Contains($"/{{ig-user-id}}/media", Publications.Attempts(failed).Single().GetProperty("request").GetString(), StringComparison.Ordinal);
        var publicationId = failed.GetProperty("id").GetGuid();

        var byReporter = await reporter.PostAsync($"/api/v1/publications/{publicationId}/retry", null);
        Assert.Equal(HttpStatusCode.Forbidden, byReporter.StatusCode);
        Assert.Contains("operator", (await byReporter.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        // Five retries at once (a double click, two operators): several jobs, one run, one post.
        var retries = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => operatorClient.PostAsync($"/api/v1/publications/{publicationId}/retry", null)));
        Assert.Contains(retries, r => r.StatusCode == HttpStatusCode.NoContent);
        Assert.All(retries, r => Assert.True(r.StatusCode is HttpStatusCode.NoContent or HttpStatusCode.Conflict, r.StatusCode.ToString()));
        var published = await Publications.WaitAsync(reporter, id, "instagram", "published");
        await Task.Delay(1500);
        published = Publications.Of(await Api.GetAsync(reporter, id), "instagram");
        Assert.Equal(["failed", "published"], Publications.Attempts(published).Select(a => a.GetProperty("outcome").GetString()));
        Assert.Equal(HttpStatusCode.Conflict, (await operatorClient.PostAsync($"/api/v1/publications/{publicationId}/retry", null)).StatusCode);
        Assert.Single(graph.InstagramMedia);

        // Spam suspicion is not a rate limit: not retried; the operator decides to cancel, and the item is archived.
        graph.InjectError($"POST {graph.InstagramAccountId}/media", 4, 2207051);
        var other = await SignedItemAsync(app, reporter, "Berita yang dicurigai spam");
        var refused = await Publications.WaitAsync(reporter, other, "instagram", "failed");
        Assert.Contains("Ditolak Meta", Publications.LastError(refused), StringComparison.Ordinal);
        var website = Publications.Of(await Api.GetAsync(reporter, other), "website").GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.Conflict, (await operatorClient.PostAsync($"/api/v1/publications/{website}/cancel", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await operatorClient.PostAsync($"/api/v1/publications/{refused.GetProperty("id").GetGuid()}/cancel", null)).StatusCode);
        var item = await Api.WaitForStatusAsync(reporter, other, "archived");
        Assert.Equal("cancelled", Publications.Of(item, "instagram").GetProperty("status").GetString());
        Assert.Single(graph.InstagramMedia);
    }

    [Fact]
    public async Task SeveralPhotos_OneMultiPhotoFacebookPost_InstagramGetsTheNearestAllowedFormat()
    {
        await using var database = await TestDatabase.SqliteAsync();
        await using var graph = await FakeGraphServer.StartAsync();
        await using var app = await NewsroomApp.StartAsync(database, graph);
        using var reporter = await app.LoginAsync("reporter");

        // 4:3 first: Instagram gets one carousel led by the square format; Facebook gets all three photos in one post.
        var id = await SignedItemAsync(app, reporter, "Berita dengan tiga foto", Api.Jpeg(1200, 900), Api.Jpeg(900, 1600), Api.Jpeg(1600, 600));
        var item = await Api.WaitForStatusAsync(reporter, id, "archived");
        var post = Assert.Single(graph.FacebookPosts).Value;
        Assert.Equal(3, post.AttachedPhotos.Count);
        Assert.Contains("/berita/", post.Message, StringComparison.Ordinal);
        Assert.Contains("#pembangunan", post.Message, StringComparison.Ordinal);
        Assert.Empty(graph.UnpublishedPhotos);
        var carousel = graph.Containers.Values.Single(c => c.Status == "PUBLISHED");
        Assert.Equal(3, carousel.Children!.Count);
        var container = graph.Containers[carousel.Children[0]];
        Assert.Equal((1080, 1080), (container.Width, container.Height));
        Assert.Equal("Peresmian jembatan", container.AltText);
        Assert.Contains("3 foto", Publications.Attempts(Publications.Of(item, "facebook")).Last().GetProperty("request").GetString(), StringComparison.Ordinal);

        // A tall photo alone gets 4:5, a wide one 1.91:1.
        var tall = await SignedItemAsync(app, reporter, "Berita foto tegak", Api.Jpeg(900, 1600));
        await Api.WaitForStatusAsync(reporter, tall, "archived");
        var wide = await SignedItemAsync(app, reporter, "Berita foto lebar", Api.Jpeg(1600, 600));
        await Api.WaitForStatusAsync(reporter, wide, "archived");
        var children = graph.Containers.Values.Where(c => c.Children is not null).SelectMany(c => c.Children!).ToHashSet();
        var sizes = graph.Containers.Where(c => c.Value.Status == "PUBLISHED" && c.Value.Children is null && !children.Contains(c.Key))
            .Select(c => (c.Value.Width, c.Value.Height)).ToHashSet();
        Assert.Equal([(1080, 566), (1080, 1350)], sizes.Order());
    }

    [Fact]
    public async Task OperatorPreviewsAndAdjustsCaptions_LimitsRefusedInIndonesian_UsedWhenPublished_LockedAfter()
    {
        await using var database = await TestDatabase.SqliteAsync();
        await using var graph = await FakeGraphServer.StartAsync();
        await using var app = await NewsroomApp.StartAsync(database, graph);
        using var reporter = await app.LoginAsync("reporter");
        using var operatorClient = await app.LoginAsync("operator");
        var id = await Api.CreatePressReleaseAsync(reporter, title: "Festival Budaya Raya");
        await Api.UploadAsync(reporter, id, Api.Jpeg(), "foto.jpg");

        var preview = await operatorClient.GetFromJsonAsync<JsonElement>($"/api/v1/items/{id}/captions");
        var instagram = preview.GetProperty("channels").EnumerateArray().Single(c => c.GetProperty("channel").GetString() == "instagram");
        Assert.Contains("{tautan}", instagram.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, instagram.GetProperty("hashtags").GetInt32());
        Assert.Equal(2200, instagram.GetProperty("maxCharacters").GetInt32());
        Assert.Equal(HttpStatusCode.Forbidden, (await reporter.GetAsync($"/api/v1/items/{id}/captions")).StatusCode);

        var tooMany = string.Join(' ', Enumerable.Range(1, 31).Select(i => $"#tagar{i}"));
        var refused = await operatorClient.PutAsJsonAsync($"/api/v1/items/{id}/captions/instagram", new { text = "Festival {tautan} " + tooMany });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("paling banyak 30 tagar", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        var tooLong = await operatorClient.PutAsJsonAsync($"/api/v1/items/{id}/captions/instagram", new { text = new string('a', 2300) });
        Assert.Contains("2200 karakter", (await tooLong.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await reporter.PutAsJsonAsync($"/api/v1/items/{id}/captions/instagram", new { text = "x" })).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await operatorClient.PutAsJsonAsync($"/api/v1/items/{id}/captions/instagram",
            new { text = "Saksikan Festival Budaya Raya akhir pekan ini! Tautan di bio: {tautan} #festivalraya" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Api.ActAsync(reporter, id, "submit")).StatusCode);
        await Api.SignAsync(app, id);
        var item = await Api.WaitForStatusAsync(reporter, id, "archived");

        var url = Publications.Of(item, "website").GetProperty("url").GetString();
        Assert.Equal($"Saksikan Festival Budaya Raya akhir pekan ini! Tautan di bio: {url} #festivalraya", graph.InstagramMedia.Values.Single());
        Assert.Contains("Festival Budaya Raya", graph.FacebookPosts.Values.Single().Message, StringComparison.Ordinal);
        var locked = await operatorClient.PutAsJsonAsync($"/api/v1/items/{id}/captions/instagram", new { text = "Terlambat" });
        Assert.Equal(HttpStatusCode.Conflict, locked.StatusCode);

        // The page shows both channels with their counts.
        using var desk = await app.SignInAsync("operator");
        var page = await desk.Http.GetStringAsync($"/admin/naskah/{id}/takarir");
        Assert.Contains("Takarir disesuaikan oleh", page, StringComparison.Ordinal);
        Assert.Contains("/ 2200 karakter", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LeadWithManyTags_InstagramKeepsThirtyHashtagsAndTwentyMentions_RestStayAsWords()
    {
        await using var database = await TestDatabase.SqliteAsync();
        await using var graph = await FakeGraphServer.StartAsync();
        await using var app = await NewsroomApp.StartAsync(database, graph);
        using var reporter = await app.LoginAsync("reporter");
        var lead = string.Join(' ', Enumerable.Range(1, 40).Select(i => $"#desa{i} @warga{i}"));
        var response = await reporter.PostAsJsonAsync("/api/v1/items", new
        {
            type = "press-release", title = "Musyawarah Desa Serentak", lead, body = "Isi berita.", category = "pembangunan", eventDate = "2026-11-20", eventPlace = "Raya",
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await Api.UploadAsync(reporter, id, Api.Jpeg(), "foto.jpg");
        await Api.ActAsync(reporter, id, "submit");
        await Api.SignAsync(app, id);
        var item = await Api.WaitForStatusAsync(reporter, id, "archived");

        var caption = graph.InstagramMedia.Values.Single();
        Assert.Equal(30, System.Text.RegularExpressions.Regex.Count(caption, @"(?<!\w)#\w+"));
        Assert.Equal(20, System.Text.RegularExpressions.Regex.Count(caption, @"(?<!\w)@\w+"));
        Assert.Contains("#desa20 @warga20 #desa21 warga21", caption, StringComparison.Ordinal);
        Assert.Contains("#desa29 warga29 desa30 warga30", caption, StringComparison.Ordinal);
        Assert.Contains("desa40 warga40", caption, StringComparison.Ordinal);

        // Facebook has no such limits: the lead goes as written.
        Assert.Contains("#desa40 @warga40", graph.FacebookPosts.Values.Single().Message, StringComparison.Ordinal);
        Assert.EndsWith(Publications.Of(item, "website").GetProperty("url").GetString() + "\n\n#pembangunan", caption, StringComparison.Ordinal);
    }
}
