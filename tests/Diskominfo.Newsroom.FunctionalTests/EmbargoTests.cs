using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Diskominfo.Newsroom.Abstractions.Audit;
using Diskominfo.Newsroom.Abstractions.Calendar;
using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.FakeGraph;
using Microsoft.Extensions.DependencyInjection;

namespace Diskominfo.Newsroom.FunctionalTests;

/// <summary>
/// The embargo: a press release's "not before" time holds every channel (website, Facebook, Instagram) even after the
/// signature, whatever the publication time; only the Kadis lifts it, and then it goes out at once. Real job server and
/// the fake Graph API, on SQLite and PostgreSQL.
/// </summary>
public sealed class EmbargoTests
{
    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Postgres")]
    public async Task Embargo_HoldsEveryChannelPastTheSignature_AndOnlyTheKadisLiftsIt(string provider)
    {
        await using var database = provider == "Sqlite" ? await TestDatabase.SqliteAsync() : await TestDatabase.PostgresAsync();
        await using var graph = await FakeGraphServer.StartAsync();
        var audit = new AuditRecorder();
        await using var app = await NewsroomApp.StartAsync(database, graph, services: audit.Register);
        using var reporter = await app.LoginAsync("reporter");
        using var kasi = await app.LoginAsync("kasi");
        using var kabid = await app.LoginAsync("kabid");
        using var kadis = await app.LoginAsync("kadis");
        using var operatorClient = await app.LoginAsync("operator");

        // 1. The writer sets a short embargo while the item is in the chain; the Kadis signs with no publication time.
        var held = await ItemInChainAsync(reporter, "Berita di bawah embargo");
        Assert.Equal(HttpStatusCode.BadRequest, (await reporter.PutAsJsonAsync($"/api/v1/items/{held}/embargo", new { notBefore = "besok" })).StatusCode);
        var past = await reporter.PutAsJsonAsync($"/api/v1/items/{held}/embargo", new { notBefore = DateTimeOffset.UtcNow.AddMinutes(-5) });
        Assert.Equal(HttpStatusCode.BadRequest, past.StatusCode);
        var embargo = DateTimeOffset.UtcNow.AddSeconds(15);
        embargo = embargo.AddTicks(-(embargo.Ticks % TimeSpan.TicksPerMillisecond));
        var wib = IndonesianClock(embargo); // WIB input without an offset
        var set = await reporter.PutAsJsonAsync($"/api/v1/items/{held}/embargo", new { notBefore = wib });
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        Assert.Equal(embargo, (await set.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("embargoUntil").GetDateTimeOffset());
        Assert.Equal(embargo, (await Api.GetAsync(reporter, held)).GetProperty("embargoUntil").GetDateTimeOffset());

        // Nobody but the Kadis lifts it or brings it earlier.
        var refused = await reporter.DeleteAsync($"/api/v1/items/{held}/embargo");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("Hanya Kepala Dinas yang dapat mencabut embargo", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var earlier = await kasi.PutAsJsonAsync($"/api/v1/items/{held}/embargo", new { notBefore = embargo.AddSeconds(-1) });
        Assert.Equal(HttpStatusCode.Forbidden, earlier.StatusCode);
        Assert.Contains("memajukan", await earlier.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await Api.ActAsync(kasi, held, "approve");
        await Api.ActAsync(kabid, held, "approve");
        Assert.Equal(HttpStatusCode.OK, (await Api.ActAsync(kadis, held, "approve")).StatusCode);
        var desk = await (await app.SignInAsync("kadis")).Http.GetStringAsync($"/admin/naskah/{held}");
        Assert.Contains("Embargo sampai", desk, StringComparison.Ordinal);

        // Signed, publishAt null: nothing goes out on any channel before the embargo, even when the operator says "now".
        Assert.Equal(HttpStatusCode.OK, (await operatorClient.PostAsJsonAsync($"/api/v1/items/{held}/schedule", new { publishAt = (DateTimeOffset?)null })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await operatorClient.DeleteAsync($"/api/v1/items/{held}/embargo")).StatusCode);
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.True(DateTimeOffset.UtcNow < embargo, "the machine was too slow to look before the embargo ended");
        var waiting = await Api.GetAsync(reporter, held);
        Assert.Equal("signed", waiting.GetProperty("status").GetString());
        Assert.All(waiting.GetProperty("publications").EnumerateArray(), p => Assert.Equal("pending", p.GetProperty("status").GetString()));
        Assert.DoesNotContain(graph.Requests, r => r.StartsWith("POST", StringComparison.Ordinal));

        var live = await Api.WaitForStatusAsync(reporter, held, "archived", seconds: 90);
        foreach (var channel in new[] { "website", "facebook", "instagram" })
        {
            var publication = Publications.Of(live, channel);
            Assert.Equal("published", publication.GetProperty("status").GetString());
            Assert.True(publication.GetProperty("completedAt").GetDateTimeOffset() >= embargo, $"{channel} published before the embargo {embargo:O}");
        }

        // 2. An embargo an hour ahead, set by the Kasi; after the signature the Kadis lifts it: out at once.
        var lifted = await ItemInChainAsync(reporter, "Berita yang embargonya dicabut");
        using (var kasiDesk = await app.SignInAsync("kasi"))
        {
            var page = $"/admin/naskah/{lifted}";
            var form = await kasiDesk.PostFormAsync(page, new() { ["NotBefore"] = IndonesianClock(DateTimeOffset.UtcNow.AddHours(1))[..16] }, $"{page}/alur?handler=embargo");
            Assert.Equal(HttpStatusCode.Redirect, form.StatusCode);
            Assert.Equal(HttpStatusCode.BadRequest, (await kasiDesk.PostFormAsync(page, new() { ["NotBefore"] = "besok" }, $"{page}/alur?handler=embargo")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await kasiDesk.PostFormAsync(page, [], $"{page}/alur?handler=liftembargo")).StatusCode);
        }

        Assert.Equal(JsonValueKind.String, (await Api.GetAsync(reporter, lifted)).GetProperty("embargoUntil").ValueKind);
        await Api.ActAsync(kasi, lifted, "approve");
        await Api.ActAsync(kabid, lifted, "approve");
        await Api.ActAsync(kadis, lifted, "approve");
        Assert.Equal(HttpStatusCode.Forbidden, (await kabid.DeleteAsync($"/api/v1/items/{lifted}/embargo")).StatusCode);
        var later = await kadis.PutAsJsonAsync($"/api/v1/items/{lifted}/embargo", new { notBefore = DateTimeOffset.UtcNow.AddHours(2) });
        Assert.Equal(HttpStatusCode.Conflict, later.StatusCode); // after the signature it only comes earlier
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.All((await Api.GetAsync(reporter, lifted)).GetProperty("publications").EnumerateArray(), p => Assert.Equal("pending", p.GetProperty("status").GetString()));

        // The calendar shows the embargo to staff who see the item's work, not to another reporter.
        var until = (await Api.GetAsync(reporter, lifted)).GetProperty("embargoUntil").GetDateTimeOffset();
        Assert.Contains(await EmbargoEntriesAsync(app, "kabid", until), e => e.Id == $"embargo:{lifted}" && e.Start == until);
        Assert.Contains(await EmbargoEntriesAsync(app, "reporter", until), e => e.Id == $"embargo:{lifted}");
        Assert.Empty(await EmbargoEntriesAsync(app, "reporter2", until));

        var liftedAt = DateTimeOffset.UtcNow;
        var lift = await kadis.DeleteAsync($"/api/v1/items/{lifted}/embargo");
        Assert.Equal(HttpStatusCode.OK, lift.StatusCode);
        Assert.Equal(JsonValueKind.Null, (await lift.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("embargoUntil").ValueKind);
        var out1 = await Publications.WaitAsync(reporter, lifted, "website", "published", seconds: 20);
        Assert.True(out1.GetProperty("completedAt").GetDateTimeOffset() - liftedAt < TimeSpan.FromSeconds(15), "the lifted item did not go out promptly");
        await Api.WaitForStatusAsync(reporter, lifted, "archived", seconds: 60);

        // The audit log: set twice, lifted once, each naming who.
        Assert.Equal(2, audit.Of(AuditActions.EmbargoSet).Count);
        var liftEntry = Assert.Single(audit.Of(AuditActions.EmbargoLifted));
        Assert.Equal(lifted.ToString(), liftEntry.TargetId);
        Assert.Contains("dicabut", liftEntry.Summary, StringComparison.Ordinal);
    }

    private static async Task<Guid> ItemInChainAsync(HttpClient reporter, string title)
    {
        var id = await Api.CreatePressReleaseAsync(reporter, title: title);
        Assert.Equal(HttpStatusCode.Created, (await Api.UploadAsync(reporter, id, Api.Jpeg(), "foto.jpg")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Api.ActAsync(reporter, id, "submit")).StatusCode);
        return id;
    }

    /// <summary>"2026-12-03T09:00:05.123": the instant as a WIB clock reading, as the desk's form sends it.</summary>
    private static string IndonesianClock(DateTimeOffset at)
        => at.ToOffset(TimeSpan.FromHours(7)).ToString("yyyy-MM-dd'T'HH:mm:ss.fff", System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<IReadOnlyList<CalendarEntry>> EmbargoEntriesAsync(NewsroomApp app, string userName, DateTimeOffset around)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var role = userName.TrimEnd('2', '3');
        var user = (await scope.ServiceProvider.GetRequiredService<IUserDirectory>().ListInRoleAsync(role, CancellationToken.None)).Single(u => u.UserName == userName);
        var actor = new Actor(user.Id, userName, user.DisplayName, (user.Roles ?? []).ToHashSet());
        var source = scope.ServiceProvider.GetServices<ICalendarSource>().Single(s => s.Kinds.Contains(CalendarKinds.Embargo));
        return await source.ListAsync(actor, around.AddHours(-1), around.AddHours(1), CancellationToken.None);
    }
}
