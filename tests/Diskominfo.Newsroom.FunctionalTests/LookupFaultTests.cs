using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Diskominfo.Newsroom.Abstractions.Operations;
using Diskominfo.Newsroom.FakeGraph;
using Diskominfo.Newsroom.Harness;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Microsoft.Extensions.DependencyInjection;

namespace Diskominfo.Newsroom.FunctionalTests;

/// <summary>
/// Never twice, whatever Meta answers: the post call's answer is lost (code 2 after the post was made, a timeout after
/// media_publish went through), and then the lookups that should tell whether the post exists fail too, several in a
/// row (5xx, timeouts, a proxy's HTML page, code 1 and 2), with a real site process killed in between. The publication
/// waits as unknown, uses up no attempts, never fails by itself, and ends with exactly one post per channel.
/// </summary>
public sealed class LookupFaultTests(ITestOutputHelper output)
{
    /// <summary>Quick lookups for the tests: 0.5, 1, 2, 2... s between lookups; 2 s before a call counts as unanswered.</summary>
    private static readonly Dictionary<string, string?> Quick = new()
    {
        ["Newsroom:GraphTimeout"] = "00:00:02",
        ["Newsroom:LookupBackoff"] = "00:00:00.500",
        ["Newsroom:LookupBackoffMax"] = "00:00:02",

        // One attempt only: an unknown outcome must not turn into "failed" however many lookups fail.
        ["Newsroom:MaxAttempts"] = "1",
    };

    private static Task<TestDatabase> DatabaseAsync(string provider) => provider == "Postgres" ? TestDatabase.PostgresAsync() : TestDatabase.SqliteAsync();

    /// <summary>Four lookups in a row that say nothing: a 500 with code 2, a timeout, a proxy's 502 page, code 1.</summary>
    private static void FailLookups(FakeGraphServer graph, string lookup)
    {
        graph.InjectError(lookup, 2, status: 500, transient: true);
        graph.InjectTimeout(lookup, TimeSpan.FromSeconds(5));
        graph.InjectGatewayError(lookup);
        graph.InjectError(lookup, 1, status: 500);
    }

    private static async Task<Guid> SignedItemAsync(NewsroomApp app, HttpClient reporter, string title, int photos)
    {
        var id = await Api.CreatePressReleaseAsync(reporter, title: title);
        for (var i = 0; i < photos; i++)
        {
            Assert.Equal(HttpStatusCode.Created, (await Api.UploadAsync(reporter, id, Api.Jpeg(1600 + (i * 100), 1000), $"foto{i}.jpg")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, (await Api.ActAsync(reporter, id, "submit")).StatusCode);
        await Api.SignAsync(app, id);
        return id;
    }

    private static string[] Outcomes(JsonElement publication) => [.. Publications.Attempts(publication).Select(a => a.GetProperty("outcome").GetString()!)];

    [Theory]
    [InlineData("photo", "Sqlite")]
    [InlineData("multi", "Sqlite")]
    [InlineData("link", "Sqlite")]
    [InlineData("photo", "Postgres")]
    public async Task FacebookLookupsFail_FourInARowAfterCode2_StaysUnknownThenPostedExactlyOnce(string kind, string provider)
    {
        await using var database = await DatabaseAsync(provider);
        await using var graph = await FakeGraphServer.StartAsync();
        await using var app = await NewsroomApp.StartAsync(database, graph, extraSettings: Quick);
        using var reporter = await app.LoginAsync("reporter");

        // Meta makes the post and answers 500 with code 2; then it cannot say whether the post exists, four times.
        var post = kind == "photo" ? $"POST {graph.PageId}/photos" : $"POST {graph.PageId}/feed";
        graph.InjectError(post, 2, status: 500, transient: true, afterApplying: true);
        FailLookups(graph, $"GET {graph.PageId}/feed");
        if (kind == "link")
        {
            // A photo-less link post: this office lifts Instagram's checklist (which asks for a photo) for press releases.
            using var admin = await app.LoginAsync("admin");
            var lifted = await admin.PutAsJsonAsync("/api/v1/settings/editorial/checklists/press-release/instagram", new { checks = Array.Empty<string>(), minCropPercent = 60 });
            Assert.True(lifted.IsSuccessStatusCode, $"{(int)lifted.StatusCode}: {await lifted.Content.ReadAsStringAsync()}");
        }

        var id = await SignedItemAsync(app, reporter, $"Berita Facebook tanpa kepastian {kind}", kind switch { "photo" => 1, "multi" => 2, _ => 0 });

        var unknown = await Publications.WaitAsync(reporter, id, "facebook", "unknown", seconds: 60);
        Assert.True(unknown.GetProperty("lookupFirst").GetBoolean());
        Assert.Contains("mungkin sudah dibuat", Publications.LastError(unknown), StringComparison.Ordinal);
        var facebook = await Publications.WaitAsync(reporter, id, "facebook", "published", seconds: 150);

        var url = Publications.Of(await Api.GetAsync(reporter, id), "website").GetProperty("url").GetString()!;
        Assert.Equal(1, graph.PostsContaining(url));
        var made = graph.FacebookPosts.Values.Single(p => p.Message.Contains(url, StringComparison.Ordinal));
        Assert.Equal(made.Id, facebook.GetProperty("remoteId").GetString());
        Assert.Equal(kind == "multi" ? 2 : 0, made.AttachedPhotos.Count);
        Assert.Single(graph.Requests, r => r == $"POST {FakeGraphServer.Version}/{post[5..]}");
        Assert.Equal(0, graph.PendingInjections);

        // One attempt (the post call); the four lookups that said nothing used none, and the fifth found the post.
        Assert.Equal(1, facebook.GetProperty("attempts").GetInt32());
        Assert.Equal(["unknown", "unknown", "unknown", "unknown", "unknown", "published"], Outcomes(facebook));
        Assert.Contains("ditemukan dan dicatat, tidak dikirim ulang", Publications.Attempts(facebook)[^1].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains("Pemeriksaan kiriman Facebook di Meta belum berhasil", Publications.Attempts(facebook)[2].GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Postgres")]
    public async Task InstagramContainerLookupsFail_AfterPublishTimedOut_StaysUnknownThenPublishedExactlyOnce(string provider)
    {
        await using var database = await DatabaseAsync(provider);
        await using var graph = await FakeGraphServer.StartAsync();
        graph.ContainerProcessing = TimeSpan.Zero;
        await using var app = await NewsroomApp.StartAsync(database, graph, extraSettings: Quick);
        using var reporter = await app.LoginAsync("reporter");

        // media_publish goes through but its answer never comes; while the call hangs, the container's status reads are set to fail.
        graph.InjectTimeout($"POST {graph.InstagramAccountId}/media_publish", TimeSpan.FromSeconds(5), afterApplying: true);
        var id = await SignedItemAsync(app, reporter, "Berita Instagram tanpa kepastian", 1);
        await WaitForRequestAsync(graph, $"POST {FakeGraphServer.Version}/{graph.InstagramAccountId}/media_publish");
        FailLookups(graph, $"GET {FakeGraphServer.AnyContainer}");

        await Publications.WaitAsync(reporter, id, "instagram", "unknown", seconds: 30);
        var instagram = await Publications.WaitAsync(reporter, id, "instagram", "published", seconds: 150);
        var url = Publications.Of(await Api.GetAsync(reporter, id), "website").GetProperty("url").GetString()!;
        Assert.Equal(1, graph.MediaContaining(url));
        Assert.Single(graph.Requests, r => r.StartsWith($"POST {FakeGraphServer.Version}/{graph.InstagramAccountId}/media_publish", StringComparison.Ordinal));
        Assert.Single(graph.Containers);
        Assert.Equal(0, graph.PendingInjections);
        Assert.Equal(1, instagram.GetProperty("attempts").GetInt32());
        Assert.Equal(["unknown", "unknown", "unknown", "unknown", "unknown", "published"], Outcomes(instagram));
        Assert.Contains("Pemeriksaan kontainer Instagram di Meta belum berhasil", Publications.Attempts(instagram)[1].GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    /// <summary>
    /// A real site process: both post calls lose their answers, the Facebook lookup hangs, and the process is killed with
    /// SIGKILL in the middle; after the restart more lookups fail on both channels. One post each, and the restarted node
    /// does not wait for the two-minute leases the killed one left.
    /// </summary>
    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Postgres")]
    public async Task SiteKilledBetweenFailingLookups_BothChannels_EachPostedExactlyOnce(string provider)
    {
        await using var database = await DatabaseAsync(provider);
        await using var graph = await FakeGraphServer.StartAsync();
        graph.ContainerProcessing = TimeSpan.Zero;
        var settings = ProcessSettings(graph, database);
        settings["Newsroom:GraphTimeout"] = "00:00:05";
        graph.InjectError($"POST {graph.PageId}/photos", 2, status: 500, transient: true, afterApplying: true);
        graph.InjectTimeout($"GET {graph.PageId}/feed", TimeSpan.FromSeconds(30));
        graph.InjectTimeout($"POST {graph.InstagramAccountId}/media_publish", TimeSpan.FromSeconds(30), afterApplying: true);

        var site = SiteProcess.FindSiteAssembly();
        Guid id;
        await using (var first = SiteProcess.Start(site, SiteProcess.FreePort(), settings))
        {
            await first.WaitReadyAsync(TimeSpan.FromSeconds(90));
            using var api = await NewsroomApiClient.SignInAsync(first.BaseAddress);
            id = await api.PrepareAsync("Berita yang terputus di tengah pemeriksaan", NewsroomApiClient.Jpeg());
            await api.SignAsync(id);
            await WaitForRequestAsync(graph, $"GET {FakeGraphServer.Version}/{graph.PageId}/feed");
            await WaitForRequestAsync(graph, $"POST {FakeGraphServer.Version}/{graph.InstagramAccountId}/media_publish");
            first.Kill();
        }

        // After the restart Meta still cannot say, twice on each channel.
        graph.InjectError($"GET {graph.PageId}/feed", 2, status: 500, transient: true);
        graph.InjectGatewayError($"GET {graph.PageId}/feed", 503);
        graph.InjectError($"GET {FakeGraphServer.AnyContainer}", 1, status: 500);
        graph.InjectTimeout($"GET {FakeGraphServer.AnyContainer}", TimeSpan.FromSeconds(10));
        var restart = Stopwatch.StartNew();
        // The same node (its NodeId) on a new port: the killed process's port may still be held by its closing
        // connections, or taken meanwhile as another test's outgoing port.
        await using var second = SiteProcess.Start(site, SiteProcess.FreePort(), settings);
        await second.WaitReadyAsync(TimeSpan.FromSeconds(90));
        using var reader = await NewsroomApiClient.SignInAsync(second.BaseAddress);
        var item = await WaitArchivedAsync(reader, id, TimeSpan.FromSeconds(150));
        restart.Stop();
        output.WriteLine($"restarted node finished in {restart.Elapsed.TotalSeconds:0.0} s (lease 120 s)");
        foreach (var channel in new[] { "facebook", "instagram" })
        {
            output.WriteLine($"{channel}: {Publications.Of(item, channel)}");
        }

        var url = Publications.Of(item, "website").GetProperty("url").GetString()!;
        Assert.Equal(1, graph.PostsContaining(url));
        Assert.Equal(1, graph.MediaContaining(url));
        Assert.Single(graph.Requests, r => r == $"POST {FakeGraphServer.Version}/{graph.PageId}/photos");
        Assert.Single(graph.Requests, r => r == $"POST {FakeGraphServer.Version}/{graph.InstagramAccountId}/media_publish");
        Assert.Equal(0, graph.PendingInjections);
        Assert.True(restart.Elapsed < TimeSpan.FromSeconds(75), $"the restarted node took {restart.Elapsed} (the leases last 2 minutes)");
        Assert.Contains("interrupted", Outcomes(Publications.Of(item, "facebook")));
        foreach (var channel in new[] { "facebook", "instagram" })
        {
            Assert.Equal("published", Publications.Of(item, channel).GetProperty("status").GetString());
        }
    }

    /// <summary>
    /// Publish later across a crash: the in-memory job store beside SQLite loses the article's scheduled job with the
    /// process. The restarted node still publishes it at its time, not at the first minutely sweep after it.
    /// </summary>
    [Fact]
    public async Task PublishLater_SiteKilledBeforeItsTime_RestartedNodePublishesOnTime()
    {
        await using var database = await TestDatabase.SqliteAsync();
        await using var graph = await FakeGraphServer.StartAsync();
        var settings = ProcessSettings(graph, database);
        var site = SiteProcess.FindSiteAssembly();
        Guid id;
        DateTimeOffset publishAt;
        await using (var first = SiteProcess.Start(site, SiteProcess.FreePort(), settings))
        {
            await first.WaitReadyAsync(TimeSpan.FromSeconds(90));
            using var api = await NewsroomApiClient.SignInAsync(first.BaseAddress);
            id = await api.PrepareAsync("Berita terjadwal yang melewati mati listrik", NewsroomApiClient.Jpeg());
            publishAt = DateTimeOffset.UtcNow.AddSeconds(45);
            publishAt = publishAt.AddTicks(-(publishAt.Ticks % TimeSpan.TicksPerMillisecond));
            using (var scheduled = await api.As("kadis").PostAsJsonAsync($"/api/v1/items/{id}/schedule", new { publishAt }))
            {
                Assert.Equal(HttpStatusCode.OK, scheduled.StatusCode);
            }

            await api.SignAsync(id);
            first.Kill();
        }

        await using var second = SiteProcess.Start(site, SiteProcess.FreePort(), settings);
        await second.WaitReadyAsync(TimeSpan.FromSeconds(90));
        var ahead = publishAt - DateTimeOffset.UtcNow;
        using var reader = await NewsroomApiClient.SignInAsync(second.BaseAddress);
        JsonElement website;
        do
        {
            await Task.Delay(250);
            website = Publications.Of(await reader.GetAsync(id), "website");
        }
        while (website.GetProperty("status").GetString() != "published" && DateTimeOffset.UtcNow < publishAt.AddSeconds(90));

        Assert.Equal("published", website.GetProperty("status").GetString());
        var completed = website.GetProperty("completedAt").GetDateTimeOffset();
        output.WriteLine($"restarted node ready {ahead.TotalSeconds:0.0} s before the article's time; published {(completed - publishAt).TotalMilliseconds:0} ms after it");
        Assert.True(completed >= publishAt, $"published at {completed:O}, before its time {publishAt:O}");
        Assert.True(completed - publishAt < TimeSpan.FromSeconds(5), $"published {(completed - publishAt).TotalSeconds:0.0} s late (restarted {ahead.TotalSeconds:0.0} s before its time)");
    }

    /// <summary>
    /// Killed while the Facebook post call is under way, on a single node with the default two-minute lease: the restarted
    /// node frees its own leases at start and resumes at once, finding the post the killed one made.
    /// </summary>
    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Postgres")]
    public async Task RestartAfterCrash_OwnLeasesFreedAtStart_ResumesWellUnderTheLease(string provider)
    {
        await using var database = await DatabaseAsync(provider);
        await using var graph = await FakeGraphServer.StartAsync();
        var settings = ProcessSettings(graph, database);
        settings["Newsroom:GraphTimeout"] = "00:01:00";
        settings["Newsroom:NodeId"] = "kantor-1";
        graph.InjectTimeout($"POST {graph.PageId}/photos", TimeSpan.FromSeconds(50), afterApplying: true);

        var site = SiteProcess.FindSiteAssembly();
        Guid id;
        await using (var first = SiteProcess.Start(site, SiteProcess.FreePort(), settings))
        {
            await first.WaitReadyAsync(TimeSpan.FromSeconds(90));
            using var api = await NewsroomApiClient.SignInAsync(first.BaseAddress);
            id = await api.PrepareAsync("Berita saat listrik padam", NewsroomApiClient.Jpeg());
            await api.SignAsync(id);
            await WaitForRequestAsync(graph, $"POST {FakeGraphServer.Version}/{graph.PageId}/photos");
            while (graph.FacebookPosts.IsEmpty)
            {
                await Task.Delay(10);
            }

            first.Kill();
        }

        var restart = Stopwatch.StartNew();
        // The same node (its NodeId) on a new port: the killed process's port may still be held by its closing
        // connections, or taken meanwhile as another test's outgoing port.
        await using var second = SiteProcess.Start(site, SiteProcess.FreePort(), settings);
        await second.WaitReadyAsync(TimeSpan.FromSeconds(90));
        using var reader = await NewsroomApiClient.SignInAsync(second.BaseAddress);
        JsonElement facebook;
        while (true)
        {
            facebook = Publications.Of(await reader.GetAsync(id), "facebook");
            if (facebook.GetProperty("status").GetString() == "published" || restart.Elapsed > TimeSpan.FromSeconds(150))
            {
                break;
            }

            await Task.Delay(200);
        }

        restart.Stop();
        output.WriteLine($"{provider}: the restarted node published the interrupted post {restart.Elapsed.TotalSeconds:0.0} s after it was started (lease 120 s)");
        Assert.Equal("published", facebook.GetProperty("status").GetString());
        Assert.True(restart.Elapsed < TimeSpan.FromSeconds(40), $"resumed after {restart.Elapsed}: it waited for its own lease");
        Assert.Single(graph.FacebookPosts);
        Assert.Equal(graph.FacebookPosts.Keys.Single(), facebook.GetProperty("remoteId").GetString());
        Assert.Equal(["interrupted", "published"], Outcomes(facebook));
        Assert.Contains("ditemukan dan dicatat, tidak dikirim ulang", Publications.Attempts(facebook)[^1].GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OutcomeUnknown_ItemPageSaysWaitingForMeta_OperatorChecksNowThenMarksPublished_Audited()
    {
        await using var database = await TestDatabase.SqliteAsync();
        await using var graph = await FakeGraphServer.StartAsync();
        await using var app = await NewsroomApp.StartAsync(database, graph, extraSettings: Quick);
        using var reporter = await app.LoginAsync("reporter");
        using var operatorClient = await app.LoginAsync("operator");
        using var admin = await app.LoginAsync("admin");

        // Meta is down for the lookups for as long as the test lasts.
        graph.InjectError($"POST {graph.PageId}/photos", 2, status: 500, transient: true, afterApplying: true);
        for (var i = 0; i < 300; i++)
        {
            graph.InjectError($"GET {graph.PageId}/feed", 2, status: 500, transient: true);
        }

        var id = await SignedItemAsync(app, reporter, "Berita menunggu kepastian", 1);
        var unknown = await Publications.WaitAsync(reporter, id, "facebook", "unknown", also: p => Publications.Attempts(p).Length >= 3);
        Assert.True(unknown.GetProperty("lookupFirst").GetBoolean());
        Assert.Equal(JsonValueKind.String, unknown.GetProperty("nextAttemptAt").ValueKind);
        var publicationId = unknown.GetProperty("id").GetGuid();

        // The item page says so, and offers the operator what he can do.
        using var desk = await app.SignInAsync("operator");
        var page = await desk.Http.GetStringAsync($"/admin/naskah/{id}");
        Assert.Contains("Menunggu kepastian dari Meta", page, StringComparison.Ordinal);
        Assert.Contains("Newsroom tidak mengirim lagi sebelum Meta menjawab", page, StringComparison.Ordinal);
        Assert.Contains("Cek sekarang", page, StringComparison.Ordinal);
        Assert.Contains("Tandai sudah terbit", page, StringComparison.Ordinal);

        // Checking now looks again, and still does not post: Meta has not answered.
        var checks = Publications.Attempts(unknown).Length;
        Assert.Equal(HttpStatusCode.NoContent, (await operatorClient.PostAsync($"/api/v1/publications/{publicationId}/retry", null)).StatusCode);
        var again = await Publications.WaitAsync(reporter, id, "facebook", "unknown", also: p => Publications.Attempts(p).Length > checks + 1);
        Assert.Single(graph.FacebookPosts);
        Assert.Single(graph.Requests, r => r == $"POST {FakeGraphServer.Version}/{graph.PageId}/photos");

        // Marking it as published: only the operator or an admin, and only with a real address of the channel.
        var postUrl = $"https://www.facebook.com/{graph.FacebookPosts.Keys.Single()}";
        var byReporter = await reporter.PostAsJsonAsync($"/api/v1/publications/{publicationId}/mark-published", new { reference = postUrl });
        Assert.Equal(HttpStatusCode.Forbidden, byReporter.StatusCode);
        foreach (var (reference, error) in new[]
                 {
                     ("", "Isi alamat kiriman"),
                     ("http://www.facebook.com/123", "harus diawali https://"),
                     ("https://www.instagram.com/p/abc/", "bukan alamat kiriman Facebook"),
                     ("kiriman saya", "Bukan alamat kiriman"),
                 })
        {
            var refused = await operatorClient.PostAsJsonAsync($"/api/v1/publications/{publicationId}/mark-published", new { reference });
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains(error, (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        // The operator's form on the item page (retried while a lookup holds the publication for a moment).
        string? flash = null;
        for (var i = 0; i < 50 && Publications.Of(await Api.GetAsync(reporter, id), "facebook").GetProperty("status").GetString() != "published"; i++)
        {
            var posted = await desk.PostFormAsync($"/admin/naskah/{id}", new() { ["ItemId"] = id.ToString(), ["Reference"] = postUrl }, $"/admin/publikasi/{publicationId}?handler=markpublished");
            Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
            Assert.Equal($"/admin/naskah/{id}", posted.Headers.Location?.OriginalString);
            flash = await desk.Http.GetStringAsync($"/admin/naskah/{id}");
            await Task.Delay(100);
        }

        Assert.Contains("Publikasi ditandai sudah terbit.", flash, StringComparison.Ordinal);
        var item = await Api.WaitForStatusAsync(reporter, id, "archived");
        var facebook = Publications.Of(item, "facebook");
        Assert.Equal("published", facebook.GetProperty("status").GetString());
        Assert.Equal(postUrl, facebook.GetProperty("url").GetString());
        Assert.False(facebook.GetProperty("lookupFirst").GetBoolean());
        Assert.Contains("Ditandai sudah terbit oleh", Publications.LastError(facebook), StringComparison.Ordinal);
        Assert.Single(graph.FacebookPosts);
        Assert.Equal(HttpStatusCode.Conflict, (await operatorClient.PostAsJsonAsync($"/api/v1/publications/{publicationId}/mark-published", new { reference = postUrl })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await operatorClient.PostAsync($"/api/v1/publications/{publicationId}/retry", null)).StatusCode);

        // Both actions are in the audit log with the values before and after.
        var entries = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/audit?action=publication.")).GetProperty("entries").EnumerateArray().ToList();
        var marked = Assert.Single(entries, e => e.GetProperty("action").GetString() == "publication.marked_published");
        Assert.Equal(publicationId.ToString(), marked.GetProperty("targetId").GetString());
        Assert.Equal("unknown", marked.GetProperty("before").GetProperty("status").GetString());
        Assert.Equal("published", marked.GetProperty("after").GetProperty("status").GetString());
        Assert.Equal(postUrl, marked.GetProperty("after").GetProperty("url").GetString());
        Assert.Equal("Publikasi ditandai sudah terbit", marked.GetProperty("actionLabel").GetString());
        var checkedNow = Assert.Single(entries, e => e.GetProperty("action").GetString() == "publication.retried");
        Assert.Contains("diperiksa sekarang di Meta", checkedNow.GetProperty("summary").GetString(), StringComparison.Ordinal);
        Assert.Equal("unknown", checkedNow.GetProperty("before").GetProperty("status").GetString());
        output.WriteLine(again.ToString());
    }

    /// <summary>
    /// A restore brings back the database as it was before the posts went out, while Meta has them: the restore
    /// participant frees the leases and marks the publications, and the next attempts (their lookups failing at first)
    /// find the posts, Instagram's without any container id, instead of posting them again.
    /// </summary>
    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Postgres")]
    public async Task AfterRestore_UnfinishedPublicationsLookedUpFirst_FoundNotPostedTwice(string provider)
    {
        await using var database = await DatabaseAsync(provider);
        await using var graph = await FakeGraphServer.StartAsync();
        var dataDir = Directory.CreateTempSubdirectory("newsroom-test-").FullName;
        Guid id;
        string url;
        var before = await NewsroomApp.StartAsync(database, graph, dataDir: dataDir, extraSettings: Quick);
        await using (before)
        {
            using var reporter = await before.LoginAsync("reporter");
            id = await SignedItemAsync(before, reporter, "Berita sebelum disk rusak", 1);
            url = Publications.Of(await Api.WaitForStatusAsync(reporter, id, "archived"), "website").GetProperty("url").GetString()!;
        }

        // The backup was taken while both posts were in flight: the restored rows know of no post and no container,
        // and a lease of the node that died holds them.
        var lease = database.Provider == "Sqlite"
            ? ((long)new DateTimeOffsetToBinaryConverter().ConvertToProvider(DateTimeOffset.UtcNow.AddHours(1))!).ToString(System.Globalization.CultureInfo.InvariantCulture)
            : $"'{DateTimeOffset.UtcNow.AddHours(1):O}'";
        await database.ExecuteAsync(before, $"""
            UPDATE publishing_publications SET "Status" = 'pending', "RemoteId" = NULL, "Url" = NULL, "ContainerId" = NULL, "AttemptOpen" = false,
                "Attempts" = 1, "CompletedAt" = NULL, "NextAttemptAt" = NULL, "LeaseUntil" = {lease}, "LeaseOwner" = 'node-yang-mati'
            WHERE "ItemId" = {database.Literal(id)} AND "Channel" IN ('facebook', 'instagram');
            DELETE FROM publishing_attempts;
            """);

        await using (var restoring = await NewsroomApp.StartAsync(database, graph, runJobs: false, dataDir: dataDir, extraSettings: Quick))
        {
            await using var scope = restoring.Services.CreateAsyncScope();
            var participant = Assert.Single(scope.ServiceProvider.GetServices<IRestoreParticipant>(), p => p.Name == "publications");
            var summary = await participant.AfterRestoreAsync(scope.ServiceProvider, CancellationToken.None);
            output.WriteLine(summary);
            Assert.Equal("Publikasi: 2 belum selesai (2 ke media sosial diperiksa dulu di Meta sebelum dikirim, agar tidak terkirim dua kali); 2 kunci pekerjaan dilepas.", summary);
        }

        var posts = graph.Requests.Count(r => r.StartsWith("POST", StringComparison.Ordinal));
        FailLookups(graph, $"GET {graph.PageId}/feed");
        FailLookups(graph, $"GET {graph.InstagramAccountId}/media");
        await using var after = await NewsroomApp.StartAsync(database, graph, dataDir: dataDir, extraSettings: Quick);
        using var reader = await after.LoginAsync("reporter");
        var facebook = await Publications.WaitAsync(reader, id, "facebook", "published", seconds: 150);
        var instagram = await Publications.WaitAsync(reader, id, "instagram", "published", seconds: 150);

        Assert.Equal(1, graph.PostsContaining(url));
        Assert.Equal(1, graph.MediaContaining(url));
        Assert.Equal(posts, graph.Requests.Count(r => r.StartsWith("POST", StringComparison.Ordinal)));
        Assert.Equal(0, graph.PendingInjections);
        Assert.Equal(graph.FacebookPosts.Keys.Single(), facebook.GetProperty("remoteId").GetString());
        Assert.Equal(graph.InstagramMedia.Keys.Single(), instagram.GetProperty("remoteId").GetString());
        Assert.Equal($"https://www.instagram.com/p/{graph.InstagramMedia.Keys.Single()}/", instagram.GetProperty("url").GetString());
        Assert.Equal(["unknown", "unknown", "unknown", "unknown", "published"], Outcomes(facebook));
        Assert.Equal(["unknown", "unknown", "unknown", "unknown", "published"], Outcomes(instagram));
    }

    private static Dictionary<string, string> ProcessSettings(FakeGraphServer graph, TestDatabase database)
    {
        var dataDir = Directory.CreateTempSubdirectory("newsroom-lookup-").FullName;
        var settings = new Dictionary<string, string>
        {
            ["Newsroom:DataDir"] = dataDir,
            ["Newsroom:Database:Provider"] = database.Provider,
            ["ConnectionStrings:Newsroom"] = database.ConnectionString ?? $"Data Source={Path.Combine(dataDir, "newsroom.db")}",
            ["Newsroom:ContainerPollInterval"] = "00:00:00.200",
        };
        foreach (var (key, value) in Quick)
        {
            settings[key] = value!;
        }

        foreach (var (key, value) in SiteProcess.ChannelSettings(graph))
        {
            settings[key] = value;
        }

        return settings;
    }

    private static async Task WaitForRequestAsync(FakeGraphServer graph, string request)
    {
        var deadline = Stopwatch.StartNew();
        while (!graph.Requests.Any(r => r.StartsWith(request, StringComparison.Ordinal)))
        {
            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(60), $"no request {request}: {string.Join(", ", graph.Requests)}");
            await Task.Delay(20);
        }
    }

    private static async Task<JsonElement> WaitArchivedAsync(NewsroomApiClient reader, Guid id, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        JsonElement item;
        while ((item = await reader.GetAsync(id)).GetProperty("status").GetString() != "archived")
        {
            Assert.True(deadline.Elapsed < timeout, $"not archived in {timeout}: {item}");
            await Task.Delay(250);
        }

        return item;
    }
}
