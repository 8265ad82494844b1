using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;

namespace Diskominfo.Newsroom.FunctionalTests;

/// <summary>Publish later: the Kadis (or the operator after signature) sets the time; the jobs run then, and the article is dated then.</summary>
public sealed class ScheduleTests
{
    [Fact]
    public async Task Schedule_FiresAtItsTime_AndTheArticleIsStampedWithTheScheduledTime()
    {
        await using var database = await TestDatabase.SqliteAsync();
        await using var app = await NewsroomApp.StartAsync(database);
        using var reporter = await app.LoginAsync("reporter");
        using var kasi = await app.LoginAsync("kasi");
        using var kabid = await app.LoginAsync("kabid");
        using var kadis = await app.LoginAsync("kadis");
        using var operatorClient = await app.LoginAsync("operator");
        var id = await Api.CreatePressReleaseAsync(reporter);
        await Api.ActAsync(reporter, id, "submit");
        await Api.ActAsync(kasi, id, "approve");
        await Api.ActAsync(kabid, id, "approve");

        var publishAt = DateTimeOffset.UtcNow.AddSeconds(6);
        publishAt = publishAt.AddTicks(-(publishAt.Ticks % TimeSpan.TicksPerMillisecond));
        Assert.Equal(HttpStatusCode.Forbidden, (await Schedule(reporter, id, publishAt)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Schedule(operatorClient, id, publishAt)).StatusCode); // not before the signature
        var past = await Schedule(kadis, id, DateTimeOffset.UtcNow.AddMinutes(-1));
        Assert.Equal(HttpStatusCode.BadRequest, past.StatusCode);
        Assert.Contains("masa depan", await past.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await Schedule(kadis, id, publishAt)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Api.ActAsync(kadis, id, "approve")).StatusCode);

        await Task.Delay(TimeSpan.FromSeconds(2));
        var waiting = await Api.GetAsync(reporter, id);
        Assert.Equal("signed", waiting.GetProperty("status").GetString());
        Assert.All(waiting.GetProperty("publications").EnumerateArray(), p => Assert.Equal("pending", p.GetProperty("status").GetString()));

        var live = await Api.WaitForStatusAsync(reporter, id, "archived", seconds: 60);
        Assert.Equal(publishAt, live.GetProperty("publishedAt").GetDateTimeOffset());
        var website = live.GetProperty("publications").EnumerateArray().Single(p => p.GetProperty("channel").GetString() == "website");
        var completed = website.GetProperty("completedAt").GetDateTimeOffset();
        Assert.True(completed >= publishAt, $"published at {completed:O}, before its time {publishAt:O}");
        Assert.True(completed - publishAt < TimeSpan.FromSeconds(5), $"published at {completed:O}, late for {publishAt:O}");
        Assert.Equal(HttpStatusCode.Conflict, (await Schedule(operatorClient, id, DateTimeOffset.UtcNow.AddHours(1))).StatusCode);
    }

    [Fact]
    public async Task Schedule_OperatorAfterSignature_CanBringItForwardToNow()
    {
        await using var database = await TestDatabase.SqliteAsync();
        await using var app = await NewsroomApp.StartAsync(database);
        using var reporter = await app.LoginAsync("reporter");
        using var kasi = await app.LoginAsync("kasi");
        using var kabid = await app.LoginAsync("kabid");
        using var kadis = await app.LoginAsync("kadis");
        using var operatorClient = await app.LoginAsync("operator");
        var id = await Api.CreatePressReleaseAsync(reporter);
        await Api.ActAsync(reporter, id, "submit");
        await Api.ActAsync(kasi, id, "approve");
        await Api.ActAsync(kabid, id, "approve");
        Assert.Equal(HttpStatusCode.OK, (await Schedule(kadis, id, DateTimeOffset.UtcNow.AddHours(3))).StatusCode);
        await Api.ActAsync(kadis, id, "approve");
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        Assert.Equal("signed", (await Api.GetAsync(reporter, id)).GetProperty("status").GetString());

        var before = DateTimeOffset.UtcNow;
        Assert.Equal(HttpStatusCode.OK, (await operatorClient.PostAsJsonAsync($"/api/v1/items/{id}/schedule", new { publishAt = (DateTimeOffset?)null })).StatusCode);
        var live = await Api.WaitForStatusAsync(reporter, id, "archived", seconds: 30);
        var publishedAt = live.GetProperty("publishedAt").GetDateTimeOffset();
        Assert.InRange(publishedAt, before.AddSeconds(-1), DateTimeOffset.UtcNow);
        var history = live.GetProperty("history").EnumerateArray().Where(h => h.GetProperty("action").GetString() == "scheduled").ToList();
        Assert.Equal(2, history.Count);
        Assert.Equal("Terbit segera setelah ditandatangani.", history[1].GetProperty("note").GetString());
    }

    [Fact]
    public async Task Schedule_OnAnInjectedClock_NothingGoesOutBeforeTheTime_ThenItGoesOutDatedWithIt()
    {
        var clock = new TestClock(DateTimeOffset.UtcNow);
        await using var database = await TestDatabase.SqliteAsync();
        await using var app = await NewsroomApp.StartAsync(database, clock: clock);
        using var reporter = await app.LoginAsync("reporter");
        using var kadis = await app.LoginAsync("kadis");
        using var anonymous = app.CreateClient();
        var sweep = app.Services.GetRequiredService<Hangfire.IRecurringJobManager>();
        var id = await Api.CreatePressReleaseAsync(reporter);
        await Api.ActAsync(reporter, id, "submit");
        using (var kasi = await app.LoginAsync("kasi"))
        using (var kabid = await app.LoginAsync("kabid"))
        {
            await Api.ActAsync(kasi, id, "approve");
            await Api.ActAsync(kabid, id, "approve");
        }

        var publishAt = clock.GetUtcNow().AddHours(2);
        publishAt = publishAt.AddTicks(-(publishAt.Ticks % TimeSpan.TicksPerMillisecond));
        Assert.Equal(HttpStatusCode.OK, (await Schedule(kadis, id, publishAt)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Api.ActAsync(kadis, id, "approve")).StatusCode);

        // An hour and 59 minutes later, on the site's clock, the sweep finds nothing due.
        clock.Advance(TimeSpan.FromMinutes(119));
        sweep.Trigger("publishing-sweep");
        await Task.Delay(TimeSpan.FromSeconds(3));
        var early = await Api.GetAsync(reporter, id);
        Assert.Equal("signed", early.GetProperty("status").GetString());
        Assert.All(early.GetProperty("publications").EnumerateArray(), p => Assert.Equal(0, p.GetProperty("attempts").GetInt32()));

        // At the time, the next sweep publishes it, dated with the scheduled time, not the time the job ran.
        clock.Advance(TimeSpan.FromMinutes(1));
        sweep.Trigger("publishing-sweep");
        var live = await Api.WaitForStatusAsync(reporter, id, "archived", seconds: 30);
        Assert.Equal(publishAt, live.GetProperty("publishedAt").GetDateTimeOffset());
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/berita/{live.GetProperty("slug").GetString()}")).StatusCode);
    }

    private static Task<HttpResponseMessage> Schedule(HttpClient client, Guid id, DateTimeOffset publishAt)
        => client.PostAsJsonAsync($"/api/v1/items/{id}/schedule", new { publishAt });
}
