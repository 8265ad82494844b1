using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Diskominfo.Newsroom.FakeGraph;

namespace Diskominfo.Newsroom.FunctionalTests;

/// <summary>One press release from the reporter to the website, Facebook, Instagram and the archive.</summary>
public sealed class PressReleasePathTests
{
    [Fact]
    public Task WholePath_Sqlite_PublishesEverywhereOnceAndArchives() => WholePathAsync(TestDatabase.SqliteAsync);

    [Fact]
    public Task WholePath_Postgres_PublishesEverywhereOnceAndArchives() => WholePathAsync(TestDatabase.PostgresAsync);

    private static async Task WholePathAsync(Func<Task<TestDatabase>> databaseFactory)
    {
        await using var database = await databaseFactory();
        await using var graph = await FakeGraphServer.StartAsync();
        await using var app = await NewsroomApp.StartAsync(database, graph);
        using var reporter = await app.LoginAsync("reporter");
        using var anonymous = app.CreateClient();

        var id = await Api.CreatePressReleaseAsync(reporter, body: "Isi <script>alert(1)</script> dan [tautan](javascript:alert(2)).");
        Assert.Equal(HttpStatusCode.Created, (await Api.UploadAsync(reporter, id, Api.Jpeg(1600, 600), "jembatan.jpg")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/v1/items/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Api.ActAsync(reporter, id, "submit")).StatusCode);

        await Api.SignAsync(app, id);
        var item = await Api.WaitForStatusAsync(reporter, id, "archived");

        var publications = item.GetProperty("publications").EnumerateArray().ToDictionary(p => p.GetProperty("channel").GetString()!);
        Assert.All(publications.Values, p => Assert.Equal("published", p.GetProperty("status").GetString()));
        Assert.Equal(["website", "facebook", "instagram"], publications.Keys.ToArray());
        var slug = item.GetProperty("slug").GetString();
        Assert.Equal($"http://localhost/berita/{slug}", publications["website"].GetProperty("url").GetString());
        Assert.Single(graph.FacebookPosts);
        Assert.Single(graph.InstagramMedia);
        Assert.Contains($"/berita/{slug}", graph.FacebookPosts.Values.Single().Message, StringComparison.Ordinal);
        var container = graph.Containers.Values.Single(c => c.Status == "PUBLISHED");
        Assert.InRange((double)container.Width / container.Height, 0.8, 1.91);

        var archive = item.GetProperty("archive");
        Assert.Matches(@"^489/0001/DISKOMINFO/\d{4}$", archive.GetProperty("number").GetString());
        var actions = item.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("action").GetString()).ToArray();
        Assert.Equal(["created", "submitted", "approved", "approved", "signed", "published", "archived"], actions);
        var signature = item.GetProperty("history")[4];
        Assert.Equal("kadis", signature.GetProperty("role").GetString());
        Assert.Equal(item.GetProperty("contentHash").GetString(), signature.GetProperty("contentHash").GetString());

        var page = await anonymous.GetStringAsync($"/berita/{slug}");
        Assert.Contains("Bupati Resmikan Jembatan Raya", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", page, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript:", page, StringComparison.Ordinal);
        Assert.Contains($"/berita/{slug}", await anonymous.GetStringAsync("/"), StringComparison.Ordinal);
    }

    [Fact]
    public Task ManySignedAtOnce_Sqlite_AllPublishedOnceAndArchivedWithDistinctNumbers() => ManySignedAtOnceAsync(TestDatabase.SqliteAsync);

    [Fact]
    public Task ManySignedAtOnce_Postgres_AllPublishedOnceAndArchivedWithDistinctNumbers() => ManySignedAtOnceAsync(TestDatabase.PostgresAsync);

    /// <summary>
    /// Items signed together publish their channels in parallel jobs: each item must still be archived exactly
    /// once (the last channel to finish knows it is the last), and the archive numbers must run 1..n without a clash.
    /// </summary>
    private static async Task ManySignedAtOnceAsync(Func<Task<TestDatabase>> databaseFactory)
    {
        const int count = 8;
        await using var database = await databaseFactory();
        await using var graph = await FakeGraphServer.StartAsync();
        await using var app = await NewsroomApp.StartAsync(database, graph);
        using var reporter = await app.LoginAsync("reporter");
        var ids = new List<Guid>();
        for (var i = 0; i < count; i++)
        {
            var id = await Api.CreatePressReleaseAsync(reporter, title: $"Berita serentak nomor {i + 1}");
            Assert.Equal(HttpStatusCode.Created, (await Api.UploadAsync(reporter, id, Api.Jpeg(1200, 800), "foto.jpg")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await Api.ActAsync(reporter, id, "submit")).StatusCode);
            ids.Add(id);
        }

        await Task.WhenAll(ids.Select(id => Api.SignAsync(app, id)));
        var items = await Task.WhenAll(ids.Select(id => Api.WaitForStatusAsync(reporter, id, "archived", seconds: 120)));

        var numbers = items.Select(i => i.GetProperty("archive").GetProperty("number").GetString()!).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(Enumerable.Range(1, count).Select(n => $"489/{n:0000}/DISKOMINFO/"), numbers.Select(n => n[..^4]));
        Assert.Equal(count, graph.FacebookPosts.Count);
        Assert.Equal(count, graph.InstagramMedia.Count);
    }

    [Fact]
    public async Task Publish_WithoutCredentials_RecordsDryRunAndNeverClaimsShared()
    {
        await using var database = await TestDatabase.SqliteAsync();
        await using var app = await NewsroomApp.StartAsync(database);
        using var reporter = await app.LoginAsync("reporter");
        var id = await Api.CreatePressReleaseAsync(reporter);
        await Api.UploadAsync(reporter, id, Api.Jpeg(), "foto.jpg");
        await Api.ActAsync(reporter, id, "submit");
        await Api.SignAsync(app, id);

        var item = await Api.WaitForStatusAsync(reporter, id, "archived");
        var publications = item.GetProperty("publications").EnumerateArray().ToDictionary(p => p.GetProperty("channel").GetString()!);
        Assert.Equal("published", publications["website"].GetProperty("status").GetString());
        foreach (var social in new[] { "facebook", "instagram" })
        {
            Assert.Equal("dry_run", publications[social].GetProperty("status").GetString());
            Assert.Equal(JsonValueKind.Null, publications[social].GetProperty("remoteId").ValueKind);
        }

        Assert.Contains("{page-id}/photos", publications["facebook"].GetProperty("dryRunRequest").GetString(), StringComparison.Ordinal);
        Assert.Contains("media_publish", publications["instagram"].GetProperty("dryRunRequest").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Restart_WithPendingPublications_FinishesThemWithoutDuplicates()
    {
        await using var database = await TestDatabase.SqliteAsync();
        await using var graph = await FakeGraphServer.StartAsync();
        Guid id;
        string dataDir;
        await using (var first = await NewsroomApp.StartAsync(database, graph, runJobs: false))
        {
            dataDir = first.DataDir;
            using var reporter = await first.LoginAsync("reporter");
            id = await Api.CreatePressReleaseAsync(reporter);
            await Api.UploadAsync(reporter, id, Api.Jpeg(), "foto.jpg");
            await Api.ActAsync(reporter, id, "submit");
            await Api.SignAsync(first, id);
            var signed = await Api.GetAsync(reporter, id);
            Assert.Equal("signed", signed.GetProperty("status").GetString());
            Assert.All(signed.GetProperty("publications").EnumerateArray(), p => Assert.Equal("pending", p.GetProperty("status").GetString()));
        }

        await using var second = await NewsroomApp.StartAsync(database, graph, dataDir: dataDir);
        using var reporterAgain = await second.LoginAsync("reporter");
        await Api.WaitForStatusAsync(reporterAgain, id, "archived");
        Assert.Single(graph.FacebookPosts);
        Assert.Single(graph.InstagramMedia);
    }
}
