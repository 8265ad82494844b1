using System.Net;
using System.Net.Http.Json;
using Diskominfo.Newsroom.Abstractions.Audit;

namespace Diskominfo.Newsroom.FunctionalTests;

/// <summary>Desk sessions: an idle limit, an absolute limit from the sign-in, and "sign out everywhere".</summary>
public sealed class SessionTests
{
    [Fact]
    public async Task Session_KeptBusy_StillEndsTwelveHoursAfterTheSignIn()
    {
        var clock = new TestClock(DateTimeOffset.UtcNow);
        await using var database = await TestDatabase.SqliteAsync();
        await using var app = await NewsroomApp.StartAsync(database, runJobs: false, clock: clock);
        using var admin = await app.LoginAsync("admin");
        var before = await admin.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/v1/users/{await Accounts.IdOfAsync(admin, "kasi")}");
        Assert.Equal(System.Text.Json.JsonValueKind.Null, before.GetProperty("lastSignInAt").ValueKind);
        using var desk = await app.SignInAsync("kasi");
        var after = await admin.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/v1/users/{before.GetProperty("id").GetString()}");
        Assert.Equal(clock.GetUtcNow(), after.GetProperty("lastSignInAt").GetDateTimeOffset(), TimeSpan.FromSeconds(1));

        // Used every 50 minutes: the sliding limit (2 h) never runs out, the absolute one (12 h) does.
        for (var elapsed = TimeSpan.Zero; elapsed < TimeSpan.FromHours(11.5); elapsed += TimeSpan.FromMinutes(50))
        {
            clock.Advance(TimeSpan.FromMinutes(50));
            Assert.True(await Accounts.DeskOpenAsync(desk), $"ended early, after {elapsed + TimeSpan.FromMinutes(50)}");
        }

        clock.Advance(TimeSpan.FromMinutes(50)); // 12 h 30 min after the sign-in
        Assert.False(await Accounts.DeskOpenAsync(desk));
    }

    [Fact]
    public async Task Session_LeftIdle_EndsAfterTheIdleLimit_WhichIsASetting()
    {
        var clock = new TestClock(DateTimeOffset.UtcNow);
        await using var database = await TestDatabase.SqliteAsync();
        await using var app = await NewsroomApp.StartAsync(database, runJobs: false, clock: clock,
            extraSettings: new Dictionary<string, string?> { ["Newsroom:Auth:SessionIdleMinutes"] = "30" });
        using var desk = await app.SignInAsync("kadis");
        clock.Advance(TimeSpan.FromMinutes(20));
        Assert.True(await Accounts.DeskOpenAsync(desk));
        clock.Advance(TimeSpan.FromMinutes(31));
        Assert.False(await Accounts.DeskOpenAsync(desk));
    }

    [Fact]
    public async Task SignOutEverywhere_Api_EndsEverySessionAndToken_IncludingThisOne()
    {
        var clock = new TestClock(DateTimeOffset.UtcNow);
        var audit = new AuditRecorder();
        await using var database = await TestDatabase.SqliteAsync();
        await using var app = await NewsroomApp.StartAsync(database, runJobs: false, clock: clock, services: audit.Register);
        using var office = await app.SignInAsync("operator");
        using var home = await app.SignInAsync("operator");
        using var script = await app.LoginAsync("operator");
        using var caller = await app.LoginAsync("operator");
        using var colleague = await app.SignInAsync("arsiparis");

        Assert.Equal(HttpStatusCode.NoContent, (await caller.PostAsync("/api/v1/auth/sign-out-everywhere", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await caller.GetAsync("/api/v1/items")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await script.GetAsync("/api/v1/items")).StatusCode);
        clock.Advance(TimeSpan.FromSeconds(61));
        Assert.False(await Accounts.DeskOpenAsync(office));
        Assert.False(await Accounts.DeskOpenAsync(home));
        Assert.True(await Accounts.DeskOpenAsync(colleague)); // only that person's
        Assert.Single(audit.Of(AuditActions.SignedOutEverywhere));
        using var again = await app.SignInAsync("operator");
        Assert.True(await Accounts.DeskOpenAsync(again));
    }

    [Fact]
    public async Task SignOutEverywhere_Desk_SignsThisSessionOut_AndTheOtherWithinAMinute()
    {
        var clock = new TestClock(DateTimeOffset.UtcNow);
        await using var database = await TestDatabase.SqliteAsync();
        await using var app = await NewsroomApp.StartAsync(database, runJobs: false, clock: clock);
        using var here = await app.SignInAsync("reporter2");
        using var there = await app.SignInAsync("reporter2");

        var response = await here.PostFormAsync("/akun", [], "/akun?handler=SignOutEverywhere");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/masuk", response.Headers.Location?.OriginalString);
        Assert.False(await Accounts.DeskOpenAsync(here));
        clock.Advance(TimeSpan.FromSeconds(61));
        Assert.False(await Accounts.DeskOpenAsync(there));
    }
}
