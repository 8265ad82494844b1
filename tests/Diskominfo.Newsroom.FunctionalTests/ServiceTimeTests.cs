using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ClosedXML.Excel;

namespace Diskominfo.Newsroom.FunctionalTests;

/// <summary>Service-time standards (mutu baku) measured from a history with known durations, on a clock the test moves.</summary>
public sealed class ServiceTimeTests
{
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
        var clock = new TestClock(new DateTimeOffset(2026, 10, 31, 18, 0, 0, TimeSpan.Zero));
        await using var database = await TestDatabase.SqliteAsync();
        await using var app = await NewsroomApp.StartAsync(database, runJobs: false, clock: clock);
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
        var october = await kasi.GetFromJsonAsync<JsonElement>("/api/v1/reports/service-times?from=2026-10-01&to=2026-10-31");
        Assert.Empty(october.GetProperty("steps").EnumerateArray());
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
