using System.Diagnostics;
using System.Net;
using Diskominfo.Newsroom.FakeGraph;

namespace Diskominfo.Newsroom.FunctionalTests;

/// <summary>
/// Instagram carousels (issue 16 §3): an item with 2 to 10 photos goes out as one carousel (a container per photo,
/// then the CAROUSEL container, then media_publish), and a fault between media_publish and its answer does not post twice.
/// </summary>
public sealed class CarouselTests
{
    private static readonly Dictionary<string, string?> Quick = new()
    {
        ["Newsroom:GraphTimeout"] = "00:00:02",
        ["Newsroom:LookupBackoff"] = "00:00:00.500",
        ["Newsroom:LookupBackoffMax"] = "00:00:02",
    };

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Postgres")]
    public async Task ThreePhotoItem_GoesOutAsOneCarousel_MediaPublishTimeout_PostedOnce(string provider)
    {
        await using var database = provider == "Postgres" ? await TestDatabase.PostgresAsync() : await TestDatabase.SqliteAsync();
        await using var graph = await FakeGraphServer.StartAsync();
        graph.ContainerProcessing = TimeSpan.FromMilliseconds(300);
        await using var app = await NewsroomApp.StartAsync(database, graph, extraSettings: Quick);
        using var reporter = await app.LoginAsync("reporter");

        // First item: three photos, the lead chosen in the library; the answer of media_publish is lost (it went through).
        graph.InjectTimeout($"POST {graph.InstagramAccountId}/media_publish", TimeSpan.FromSeconds(5), afterApplying: true);
        var id = await Api.CreatePressReleaseAsync(reporter, title: "Festival Layang-layang Pantai Raya");
        var photos = new List<Guid>();
        foreach (var (w, h) in new[] { (1600, 1000), (900, 1600), (1200, 1200) })
        {
            photos.Add(await MediaLibraryTests.UploadAsync(reporter, id, $"Layang-layang {photos.Count + 1}", "Humas Diskominfo", Api.Jpeg(w, h)));
        }

        Assert.Equal(HttpStatusCode.OK, (await reporter.PostAsync($"/api/v1/items/{id}/media/{photos[2]}/lead", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Api.ActAsync(reporter, id, "submit")).StatusCode);
        await Api.SignAsync(app, id);
        var instagram = await Publications.WaitAsync(reporter, id, "instagram", "published", seconds: 120);

        var url = Publications.Of(await Api.GetAsync(reporter, id), "website").GetProperty("url").GetString()!;
        Assert.Equal(1, graph.MediaContaining(url));
        Assert.Single(graph.Requests, r => r.StartsWith($"POST {FakeGraphServer.Version}/{graph.InstagramAccountId}/media_publish", StringComparison.Ordinal));
        var (mediaId, children) = Assert.Single(graph.CarouselChildren);
        Assert.Equal(3, children.Count);
        Assert.Equal("published", instagram.GetProperty("status").GetString());
        var childContainers = children.Select(c => graph.Containers[c]).ToList();
        Assert.All(childContainers, c => Assert.True(c.IsCarouselItem && c.Caption.Length == 0));
        Assert.Equal("Layang-layang 3", childContainers[0].AltText);
        Assert.Equal((1080, 1080), (childContainers[0].Width, childContainers[0].Height));
        Assert.Equal((1080, 1350), (childContainers[2].Width, childContainers[2].Height));
        Assert.Contains(url, graph.InstagramMedia[mediaId], StringComparison.Ordinal);
        Assert.Equal(0, graph.PendingInjections);

        // The fake holds Meta's rules: a child cannot be published alone, a carousel needs at least two children.
        using var http = new HttpClient();
        var alone = await http.PostAsync($"{graph.BaseUrl}/{graph.InstagramAccountId}/media_publish?access_token={graph.Token}",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["creation_id"] = children[1] }));
        Assert.Equal(HttpStatusCode.BadRequest, alone.StatusCode);
        var single = await http.PostAsync($"{graph.BaseUrl}/{graph.InstagramAccountId}/media?access_token={graph.Token}",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["media_type"] = "CAROUSEL", ["children"] = children[0], ["caption"] = "x" }));
        Assert.Contains("between 2 and 10", await single.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CarouselAfterLostPublishAnswer_RunAgain_FindsItsContainerPublished_NoSecondCarousel()
    {
        await using var database = await TestDatabase.SqliteAsync();
        await using var graph = await FakeGraphServer.StartAsync();
        graph.ContainerProcessing = TimeSpan.Zero;
        await using var app = await NewsroomApp.StartAsync(database, graph, extraSettings: Quick);
        using var reporter = await app.LoginAsync("reporter");

        // media_publish goes through, its answer is an error with code 2 (Meta's "unknown error" after the post was made).
        graph.InjectError($"POST {graph.InstagramAccountId}/media_publish", 2, status: 500, transient: true, afterApplying: true);
        var id = await Api.CreatePressReleaseAsync(reporter, title: "Lomba Perahu Hias");
        await MediaLibraryTests.UploadAsync(reporter, id, "Perahu hias pertama", "Humas", Api.Jpeg(1200, 1200));
        await MediaLibraryTests.UploadAsync(reporter, id, "Perahu hias kedua", "Humas", Api.Jpeg(1200, 1200));
        Assert.Equal(HttpStatusCode.OK, (await Api.ActAsync(reporter, id, "submit")).StatusCode);
        await Api.SignAsync(app, id);
        await Publications.WaitAsync(reporter, id, "instagram", "published", seconds: 120);

        Assert.Single(graph.CarouselChildren);
        Assert.Single(graph.InstagramMedia);
        Assert.Equal(2, graph.Containers.Values.Count(c => c.IsCarouselItem));
        var deadline = Stopwatch.StartNew();
        while (graph.PendingInjections > 0 && deadline.Elapsed < TimeSpan.FromSeconds(5))
        {
            await Task.Delay(20);
        }

        Assert.Equal(0, graph.PendingInjections);
    }
}
