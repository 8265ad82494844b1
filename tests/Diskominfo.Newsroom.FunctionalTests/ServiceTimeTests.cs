using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ClosedXML.Excel;
using Diskominfo.Newsroom.Abstractions.Calendar;
using Diskominfo.Newsroom.Abstractions.Editorial;
using Microsoft.Extensions.DependencyInjection;

namespace Diskominfo.Newsroom.FunctionalTests;

/// <summary>
/// Service-time standards (mutu baku) measured from a history with known durations, on a clock the test moves. Standard
/// times count working time: each test runs inside office hours of a working day, or sets an every-day, all-day calendar.
/// </summary>
public sealed class ServiceTimeTests
{
    /// <summary>Every day, 00.00-24.00 WIB: working time is wall-clock time (days off still count as off).</summary>
    public static readonly IReadOnlyDictionary<string, string?> AlwaysOpen = new Dictionary<string, string?>
    {
        ["Newsroom:WorkingCalendar:WorkingDays"] = "1,2,3,4,5,6,7",
        ["Newsroom:WorkingCalendar:Opens"] = "00:00",
        ["Newsroom:WorkingCalendar:Closes"] = "24:00",
    };

    // Minutes spent at each step by three press releases: writing, Kasi, Kabid, Kadis.
    private static readonly int[][] Durations = [[20, 2, 7, 4], [10, 4, 3, 5], [12, 12, 5, 6]];

    [Fact]
    public async Task Report_FromKnownDurations_GivesCountMedianP90AndOverdue_OnScreenAndInExcel()
    {
        var clock = new TestClock(new DateTimeOffset(2026, 11, 2, 1, 0, 0, TimeSpan.Zero)); // Monday 08.00 WIB
        await using var database = await TestDatabase.SqliteAsync();
        await using var app = await NewsroomApp.StartAsync(database, runJobs: false, clock: clock);
        using var reporter = await app.LoginAsync("reporter");
        using var kasi = await app.LoginAsync("kasi");
        using var kabid = await app.LoginAsync("kabid");
        using var kadis = await app.LoginAsync("kadis");
        using var admin = await app.LoginAsync("admin");
        HttpClient[] actors = [reporter, kasi, kabid, kadis];
        string[] actions = ["submit", "approve", "approve", "approve"];

        for (var i = 0; i < Durations.Length; i++)
        {
            var id = await Api.CreatePressReleaseAsync(reporter, $"Berita {i}");
            for (var step = 0; step < 4; step++)
            {
                clock.Advance(TimeSpan.FromMinutes(Durations[i][step]));
                if (i == 2 && step == 2)
                {
                    // Five minutes at the Kabid so far, exactly his standard: the desk shows both, not yet late.
                    var desk = await kabid.GetFromJsonAsync<JsonElement>("/api/v1/desk");
                    var row = desk.EnumerateArray().Single();
                    Assert.Equal(id, row.GetProperty("id").GetGuid());
                    Assert.Equal(5, row.GetProperty("waitingMinutes").GetInt32());
                    Assert.Equal(5, row.GetProperty("standardMinutes").GetInt32());
                    Assert.False(row.GetProperty("overdue").GetBoolean());
                    Assert.Empty((await kasi.GetFromJsonAsync<JsonElement>("/api/v1/desk")).EnumerateArray());
                }

                Assert.Equal(HttpStatusCode.OK, (await Api.ActAsync(actors[step], id, actions[step])).StatusCode);
            }
        }

        var report = await kadis.GetFromJsonAsync<JsonElement>("/api/v1/reports/service-times?from=2026-11-01&to=2026-11-30");
        var steps = report.GetProperty("steps").EnumerateArray().ToDictionary(s => s.GetProperty("step").GetString()!);
        Assert.Equal(["reporter", "kasi", "kabid", "kadis"], report.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("step").GetString()));
        AssertRow(steps["reporter"], median: 12, p90: 18.4, standard: 15, overdue: 1);
        AssertRow(steps["kasi"], median: 4, p90: 10.4, standard: 5, overdue: 1);
        AssertRow(steps["kabid"], median: 5, p90: 6.6, standard: 5, overdue: 1);
        AssertRow(steps["kadis"], median: 5, p90: 5.8, standard: 5, overdue: 1);
        Assert.All(steps.Values, s => Assert.Equal("2026-11", s.GetProperty("month").GetString()));
        var overdue = report.GetProperty("overdue").EnumerateArray().ToList();
        Assert.Equal(4, overdue.Count);
        Assert.Equal(12, overdue.Single(o => o.GetProperty("step").GetString() == "kasi").GetProperty("minutes").GetDouble());

        // The standard is the office's to set: three minutes for the Kasi makes his four-minute paraf late too.
        Assert.Equal(HttpStatusCode.Forbidden, (await kasi.PutAsJsonAsync("/api/v1/settings/editorial/standards/press-release/kasi", new { minutes = 3 })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PutAsJsonAsync("/api/v1/settings/editorial/standards/press-release/kasi", new { minutes = 0 })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PutAsJsonAsync("/api/v1/settings/editorial/standards/press-release/kasi", new { minutes = 3 })).StatusCode);
        var stricter = await kadis.GetFromJsonAsync<JsonElement>("/api/v1/reports/service-times?from=2026-11-01&to=2026-11-30");
        AssertRow(stricter.GetProperty("steps").EnumerateArray().Single(s => s.GetProperty("step").GetString() == "kasi"), median: 4, p90: 10.4, standard: 3, overdue: 2);

        // Outside the period: nothing.
        var october = await kadis.GetFromJsonAsync<JsonElement>("/api/v1/reports/service-times?from=2026-10-01&to=2026-10-31");
        Assert.Empty(october.GetProperty("steps").EnumerateArray());

        // The Excel file for the auditors carries the same figures.
        var xlsx = await kadis.GetAsync("/api/v1/reports/service-times.xlsx?from=2026-11-01&to=2026-11-30");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
        using var workbook = new XLWorkbook(await xlsx.Content.ReadAsStreamAsync());
        var summary = workbook.Worksheet("Ringkasan");
        var kasiRow = summary.RowsUsed().Single(r => r.Cell(3).GetString() == "Kepala Seksi");
        Assert.Equal(3, kasiRow.Cell(4).GetDouble());
        Assert.Equal(4, kasiRow.Cell(5).GetDouble());
        Assert.Equal(10.4, kasiRow.Cell(6).GetDouble());
        Assert.Equal(2, kasiRow.Cell(8).GetDouble());
        Assert.Equal(1 + 5, workbook.Worksheet("Melewati baku").RowsUsed().Count()); // the header, the 4 late steps and now the Kasi's 4 minutes

        // Bad input and the wrong people get clear refusals.
        var badDate = await kadis.GetAsync("/api/v1/reports/service-times?from=kemarin");
        Assert.Equal(HttpStatusCode.BadRequest, badDate.StatusCode);
        Assert.Contains("TTTT-BB-HH", await badDate.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await reporter.GetAsync("/api/v1/reports/service-times")).StatusCode);
    }

    [Fact]
    public async Task Report_CountsAStepByItsWibDay_EvenInTheHoursWhenUtcIsStillTheDayBefore()
    {
        // 1 November 2026, 01.00 WIB is still 31 October in UTC: the step belongs to November in the office's report.
        // (A Sunday night: the calendar here is open every day, all day.)
        var clock = new TestClock(new DateTimeOffset(2026, 10, 31, 18, 0, 0, TimeSpan.Zero));
        await using var database = await TestDatabase.SqliteAsync();
        await using var app = await NewsroomApp.StartAsync(database, runJobs: false, clock: clock, extraSettings: AlwaysOpen);
        using var reporter = await app.LoginAsync("reporter");
        using var kasi = await app.LoginAsync("kasi");
        var id = await Api.CreatePressReleaseAsync(reporter);
        clock.Advance(TimeSpan.FromMinutes(10));
        await Api.ActAsync(reporter, id, "submit");
        clock.Advance(TimeSpan.FromMinutes(3));
        Assert.Equal(HttpStatusCode.OK, (await Api.ActAsync(kasi, id, "approve")).StatusCode);

        var november = await kasi.GetFromJsonAsync<JsonElement>("/api/v1/reports/service-times?from=2026-11-01&to=2026-11-30");
        var kasiRow = november.GetProperty("steps").EnumerateArray().Single(s => s.GetProperty("step").GetString() == "kasi");
        Assert.Equal("2026-11", kasiRow.GetProperty("month").GetString());
        Assert.Equal(3, kasiRow.GetProperty("medianMinutes").GetDouble());
        Assert.StartsWith("Kalender kerja kantor: setiap hari 00.00–24.00 WIB", november.GetProperty("calendar").GetString(), StringComparison.Ordinal);
        var october = await kasi.GetFromJsonAsync<JsonElement>("/api/v1/reports/service-times?from=2026-10-01&to=2026-10-31");
        Assert.Empty(october.GetProperty("steps").EnumerateArray());
    }

    [Fact]
    public async Task Report_ListsEveryServiceTimeSource_AfterTheItems_InWorkingTime_OnScreenAndInExcel()
    {
        // Monday 7 December 2026, 12.00 WIB; office hours 07.30-16.00.
        var now = new DateTimeOffset(2026, 12, 7, 12, 0, 0, TimeSpan.FromHours(7));
        var clock = new TestClock(now);
        await using var database = await TestDatabase.SqliteAsync();
        await using var app = await NewsroomApp.StartAsync(database, runJobs: false, clock: clock,
            services: s => s.AddSingleton<IServiceTimeSource>(new InvitationFlow(now)));
        using var kabid = await app.LoginAsync("kabid");

        var report = await kabid.GetFromJsonAsync<JsonElement>("/api/v1/reports/service-times?from=2026-12-01&to=2026-12-31");
        // The site's own flows (Koordinasi, Peliputan) come too; the test's is the one to measure.
        var flows = report.GetProperty("flows").EnumerateArray().ToList();
        Assert.Contains(flows, f => f.GetProperty("flow").GetString() == "coordination");
        Assert.Contains(flows, f => f.GetProperty("flow").GetString() == "coverage");
        var flow = Assert.Single(flows, f => f.GetProperty("flow").GetString() == "invitation");
        Assert.Equal("Koordinasi (uji)", flow.GetProperty("label").GetString());
        var steps = flow.GetProperty("steps").EnumerateArray().ToList();
        Assert.Equal(["register", "approve"], steps.Select(s => s.GetProperty("step").GetString()));

        // Registering (standard 30 minutes): 20 and 50 working minutes, one over; one open since 11.00 (60 minutes, overdue).
        var register = steps[0];
        Assert.Equal(2, register.GetProperty("count").GetInt32());
        Assert.Equal(35, register.GetProperty("averageMinutes").GetDouble());
        Assert.Equal(50, register.GetProperty("longestMinutes").GetDouble());
        Assert.Equal(1, register.GetProperty("overdueCount").GetInt32());
        Assert.Equal(1, register.GetProperty("openCount").GetInt32());
        Assert.Equal(1, register.GetProperty("openOverdueCount").GetInt32());

        // Approving (standard 1 working day = 510 minutes): from Friday 15.00 to Monday 09.00 is 2.5 working hours, not 66 hours.
        var approve = steps[1];
        Assert.Equal("1 hari kerja", approve.GetProperty("standard").GetString());
        Assert.Equal(510, approve.GetProperty("standardMinutes").GetInt32());
        Assert.Equal(150, approve.GetProperty("longestMinutes").GetDouble());
        Assert.Equal(0, approve.GetProperty("overdueCount").GetInt32());
        Assert.Equal(0, approve.GetProperty("openCount").GetInt32());

        var late = flow.GetProperty("overdue").EnumerateArray().ToList();
        Assert.Equal(["Undangan terbuka", "Undangan lambat"], late.Select(o => o.GetProperty("title").GetString()));
        Assert.Equal(JsonValueKind.Null, late[0].GetProperty("end").ValueKind);

        var page = WebUtility.HtmlDecode(await (await app.SignInAsync("kabid")).Http.GetStringAsync("/admin/laporan/waktu-layanan?From=2026-12-01&To=2026-12-31"));
        Assert.Contains("Koordinasi (uji)", page, StringComparison.Ordinal);
        Assert.Contains("Undangan lambat", page, StringComparison.Ordinal);
        Assert.Contains("Kalender kerja kantor: Senin–Jumat 07.30–16.00 WIB", page, StringComparison.Ordinal);

        var xlsx = await kabid.GetAsync("/api/v1/reports/service-times.xlsx?from=2026-12-01&to=2026-12-31");
        using var workbook = new XLWorkbook(await xlsx.Content.ReadAsStreamAsync());
        Assert.StartsWith("Dihitung dalam waktu kerja. Kalender kerja kantor:", workbook.Worksheet("Ringkasan").Cell(3, 1).GetString(), StringComparison.Ordinal);
        var others = workbook.Worksheet("Alur lain");
        Assert.Contains(others.RowsUsed(), r => r.Cell(1).GetString() == "Koordinasi (uji)");
        var registerRow = others.RowsUsed().First(r => r.Cell(1).GetString() == "Pencatatan undangan");
        Assert.Equal(2, registerRow.Cell(3).GetDouble());
        Assert.Equal(50, registerRow.Cell(5).GetDouble());
        Assert.Equal(1, registerRow.Cell(8).GetDouble());
    }

    /// <summary>A flow of another module, as a test double: two steps and their passages at known working times.</summary>
    private sealed class InvitationFlow(DateTimeOffset now) : IServiceTimeSource
    {
        public string Flow => "invitation";

        public string FlowLabel => "Koordinasi (uji)";

        public Task<IReadOnlyList<ServiceTimeStep>> StepsAsync(CancellationToken cancellationToken)
            => Task.FromResult<IReadOnlyList<ServiceTimeStep>>(
            [
                new("register", "Pencatatan undangan", StandardTime.FromMinutes(30)),
                new("approve", "Persetujuan Kadis", StandardTime.FromDays(1)),
            ]);

        public Task<IReadOnlyList<ServiceTimeSpan>> SpansAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
            => Task.FromResult<IReadOnlyList<ServiceTimeSpan>>(
            [
                new("register", "1", "Undangan cepat", now.AddHours(-3), now.AddHours(-3).AddMinutes(20), null, "/admin/undangan/1"),
                new("register", "2", "Undangan lambat", now.AddHours(-2), now.AddHours(-2).AddMinutes(50), null, "/admin/undangan/2"),
                new("register", "3", "Undangan terbuka", now.AddHours(-1), null, null, "/admin/undangan/3"),
                new("approve", "1", "Undangan cepat", now.AddDays(-3).AddHours(3), now.AddHours(-3), null, "/admin/undangan/1"), // Friday 15.00 to Monday 09.00
            ]);
    }

    private static void AssertRow(JsonElement row, double median, double p90, int standard, int overdue)
    {
        Assert.Equal(3, row.GetProperty("count").GetInt32());
        Assert.Equal(median, row.GetProperty("medianMinutes").GetDouble());
        Assert.Equal(p90, row.GetProperty("p90Minutes").GetDouble());
        Assert.Equal(standard, row.GetProperty("standardMinutes").GetInt32());
        Assert.Equal(overdue, row.GetProperty("overdueCount").GetInt32());
    }
}
