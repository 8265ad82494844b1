using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Diskominfo.Newsroom.FunctionalTests;

/// <summary>
/// The office's working calendar end to end: the pre-filled 2026 days off and default hours, the admin's changes (API
/// and page, with refusals), and the desk counting a step's standard in working time across a weekend and a day off.
/// </summary>
public sealed class WorkingCalendarTests
{
    private static readonly string[] Monday = ["senin"];
    private static readonly string[] MondayToSaturday = ["senin", "2", "wednesday", "Kamis", "jumat", "saturday"];
    private static readonly string[] JustMonday = ["monday"];

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Postgres")]
    public async Task WorkingCalendar_DefaultsEditsAndDesk_CountWorkingTimeOnly(string provider)
    {
        // Friday 27 November 2026, 15.30 WIB.
        var clock = new TestClock(new DateTimeOffset(2026, 11, 27, 15, 30, 0, TimeSpan.FromHours(7)));
        await using var database = provider == "Sqlite" ? await TestDatabase.SqliteAsync() : await TestDatabase.PostgresAsync();
        await using var app = await NewsroomApp.StartAsync(database, runJobs: false, clock: clock);
        using var reporter = await app.LoginAsync("reporter");
        using var kasi = await app.LoginAsync("kasi");
        using var admin = await app.LoginAsync("admin");

        // The defaults: Monday to Friday 07.30-16.00 WIB and the 25 days off of the SKB for 2026.
        var calendar = await reporter.GetFromJsonAsync<JsonElement>("/api/v1/working-calendar?year=2026");
        Assert.Equal(["monday", "tuesday", "wednesday", "thursday", "friday"], calendar.GetProperty("workingDays").EnumerateArray().Select(d => d.GetString()));
        Assert.Equal("07:30", calendar.GetProperty("opens").GetString());
        Assert.Equal("16:00", calendar.GetProperty("closes").GetString());
        Assert.Equal("Asia/Jakarta", calendar.GetProperty("timeZone").GetString());
        var daysOff = calendar.GetProperty("daysOff").EnumerateArray().ToList();
        Assert.Equal(25, daysOff.Count);
        Assert.Equal(17, daysOff.Count(d => d.GetProperty("kind").GetString() == "holiday"));
        Assert.Equal(8, daysOff.Count(d => d.GetProperty("kind").GetString() == "cuti-bersama"));
        var independence = daysOff.Single(d => d.GetProperty("date").GetString() == "2026-08-17");
        Assert.Equal("Hari Proklamasi Kemerdekaan Republik Indonesia", independence.GetProperty("name").GetString());
        Assert.Equal("Kalender kerja kantor: Senin–Jumat 07.30–16.00 WIB; 25 hari libur nasional dan cuti bersama 2026", calendar.GetProperty("description").GetString());
        Assert.Empty((await reporter.GetFromJsonAsync<JsonElement>("/api/v1/working-calendar?year=2027")).GetProperty("daysOff").EnumerateArray());

        // Refusals: not an admin, a bad year, bad hours, a day off twice, a day that is not there.
        Assert.Equal(HttpStatusCode.Forbidden, (await kasi.PostAsJsonAsync("/api/v1/working-calendar/days-off", new { date = "2026-11-30", name = "Libur" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await reporter.GetAsync("/api/v1/working-calendar?year=duaribu")).StatusCode);
        var badHours = await admin.PutAsJsonAsync("/api/v1/working-calendar", new { workingDays = Monday, opens = "16:00", closes = "08:00", timeZone = "Asia/Jakarta" });
        Assert.Equal(HttpStatusCode.BadRequest, badHours.StatusCode);
        Assert.Contains("Jam tutup harus setelah jam buka", await badHours.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var twice = await admin.PostAsJsonAsync("/api/v1/working-calendar/days-off", new { date = "2026-08-17", name = "Lagi" });
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Contains("sudah tercatat", await twice.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync("/api/v1/working-calendar/days-off/2026-11-02")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsJsonAsync("/api/v1/working-calendar/days-off", new { date = "2026-11-31", name = "Tidak ada" })).StatusCode);

        // A one-hour standard for the Kasi; the item reaches him on Friday at 15.30: due Monday 08.00, not Friday 16.30.
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PutAsJsonAsync("/api/v1/settings/editorial/standards/press-release/kasi", new { amount = 1, unit = "hours" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PutAsJsonAsync("/api/v1/settings/editorial/standards/press-release/kasi", new { amount = 31, unit = "days" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PutAsJsonAsync("/api/v1/settings/editorial/standards/press-release/kasi", new { amount = 1, unit = "weeks" })).StatusCode);
        var settings = await admin.GetFromJsonAsync<JsonElement>("/api/v1/settings/editorial");
        var kasiStandard = settings.EnumerateArray().Single(t => t.GetProperty("type").GetString() == "press-release")
            .GetProperty("standards").EnumerateArray().Single(s => s.GetProperty("step").GetString() == "kasi");
        Assert.Equal(60, kasiStandard.GetProperty("minutes").GetInt32());
        Assert.Equal("hours", kasiStandard.GetProperty("unit").GetString());
        Assert.Equal("1 jam", kasiStandard.GetProperty("standard").GetString());

        var id = await Api.CreatePressReleaseAsync(reporter);
        Assert.Equal(HttpStatusCode.OK, (await Api.ActAsync(reporter, id, "submit")).StatusCode);
        var row = await DeskRowAsync(kasi, id);
        Assert.Equal(60, row.GetProperty("standardMinutes").GetInt32());
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 8, 0, 0, TimeSpan.FromHours(7)), row.GetProperty("dueAt").GetDateTimeOffset());

        // Monday 30 November made a cuti bersama (and renamed): the step is due Tuesday 08.00 instead; removed, Monday again.
        var added = await admin.PostAsJsonAsync("/api/v1/working-calendar/days-off", new { date = "2026-11-30", name = "Cuti bersama uji", kind = "cuti-bersama" });
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.FromHours(7)), (await DeskRowAsync(kasi, id)).GetProperty("dueAt").GetDateTimeOffset());
        var renamed = await admin.PutAsJsonAsync("/api/v1/working-calendar/days-off/2026-11-30", new { name = "Cuti bersama pengganti", kind = "cuti-bersama" });
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        Assert.Equal("Cuti bersama pengganti", (await renamed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("name").GetString());
        Assert.Contains("26 hari libur nasional dan cuti bersama 2026", (await reporter.GetFromJsonAsync<JsonElement>("/api/v1/working-calendar")).GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync("/api/v1/working-calendar/days-off/2026-11-30")).StatusCode);
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 8, 0, 0, TimeSpan.FromHours(7)), (await DeskRowAsync(kasi, id)).GetProperty("dueAt").GetDateTimeOffset());

        // Monday 07.55: 55 working minutes waited (30 on Friday, 25 this morning), not late; 08.05: 65 minutes, late.
        clock.Advance(new DateTimeOffset(2026, 11, 30, 7, 55, 0, TimeSpan.FromHours(7)) - clock.GetUtcNow());
        row = await DeskRowAsync(kasi, id);
        Assert.Equal(55, row.GetProperty("waitingMinutes").GetInt32());
        Assert.False(row.GetProperty("overdue").GetBoolean());
        clock.Advance(TimeSpan.FromMinutes(10));
        row = await DeskRowAsync(kasi, id);
        Assert.Equal(65, row.GetProperty("waitingMinutes").GetInt32());
        Assert.True(row.GetProperty("overdue").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, (await Api.ActAsync(kasi, id, "approve")).StatusCode);

        // The report counts the Kasi's 65 working minutes (not 64 hours and a half) and says which calendar it used.
        var report = await kasi.GetFromJsonAsync<JsonElement>("/api/v1/reports/service-times?from=2026-11-01&to=2026-11-30");
        var kasiRow = report.GetProperty("steps").EnumerateArray().Single(s => s.GetProperty("step").GetString() == "kasi");
        Assert.Equal(65, kasiRow.GetProperty("medianMinutes").GetDouble());
        Assert.Equal(60, kasiRow.GetProperty("standardMinutes").GetInt32());
        Assert.Equal(1, kasiRow.GetProperty("overdueCount").GetInt32());
        Assert.Equal("1 jam", kasiRow.GetProperty("standard").GetString());
        Assert.StartsWith("Kalender kerja kantor: Senin–Jumat 07.30–16.00 WIB", report.GetProperty("calendar").GetString(), StringComparison.Ordinal);

        // The admin moves the office to Monday-Saturday 08.00-15.00 WITA and replaces 2027's list: the database wins over the settings.
        var saved = await admin.PutAsJsonAsync("/api/v1/working-calendar?year=2027", new
        {
            workingDays = MondayToSaturday, opens = "08.00", closes = "15:00", timeZone = "Asia/Makassar",
            daysOff = new[] { new { date = "2027-01-01", name = "Tahun Baru 2027 Masehi", kind = "holiday" } },
        });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var now = await saved.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("database", now.GetProperty("source").GetString());
        Assert.Equal(6, now.GetProperty("workingDays").GetArrayLength());
        Assert.Equal("Kalender kerja kantor: Senin–Sabtu 08.00–15.00 WITA; 25 hari libur nasional dan cuti bersama 2026, 1 hari libur nasional dan cuti bersama 2027",
            now.GetProperty("description").GetString());
        var wrongYear = await admin.PutAsJsonAsync("/api/v1/working-calendar?year=2027", new
        {
            workingDays = JustMonday, opens = "08:00", closes = "15:00", timeZone = "Asia/Makassar",
            daysOff = new[] { new { date = "2026-01-01", name = "Salah tahun", kind = "holiday" } },
        });
        Assert.Equal(HttpStatusCode.BadRequest, wrongYear.StatusCode);

        // The admin's page: the list of the year and, in November, the warning while next year has none.
        using var desk = await app.SignInAsync("admin");
        var page = await desk.Http.GetStringAsync("/admin/pengaturan/hari-kerja?tahun=2026");
        Assert.Contains("Hari Proklamasi Kemerdekaan Republik Indonesia", page, StringComparison.Ordinal);
        Assert.DoesNotContain("belum diisi", page, StringComparison.Ordinal); // 2027 has a day now
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync("/api/v1/working-calendar/days-off/2027-01-01")).StatusCode);
        Assert.Contains("tahun 2027 belum diisi", await desk.Http.GetStringAsync("/admin/pengaturan/hari-kerja"), StringComparison.Ordinal);
        var added2027 = await desk.PostFormAsync("/admin/pengaturan/hari-kerja", new() { ["Date"] = "2027-01-01", ["Name"] = "Tahun Baru 2027", ["Kind"] = "holiday" },
            "/admin/pengaturan/hari-kerja?handler=add");
        Assert.Equal(HttpStatusCode.Redirect, added2027.StatusCode);
        Assert.Single((await reporter.GetFromJsonAsync<JsonElement>("/api/v1/working-calendar?year=2027")).GetProperty("daysOff").EnumerateArray());
        var refusedForm = await desk.PostFormAsync("/admin/pengaturan/hari-kerja", new() { ["Opens"] = "25:00", ["Closes"] = "16:00", ["TimeZone"] = "Asia/Jakarta" });
        Assert.Equal(HttpStatusCode.BadRequest, refusedForm.StatusCode);
        Assert.Contains("Pilih paling sedikit satu hari kerja", await refusedForm.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static async Task<JsonElement> DeskRowAsync(HttpClient client, Guid id)
        => (await client.GetFromJsonAsync<JsonElement>("/api/v1/desk")).EnumerateArray().Single(r => r.GetProperty("id").GetGuid() == id);
}
