using System.Net;

namespace Diskominfo.Newsroom.FunctionalTests;

/// <summary>The desk's pages for publish-later, the trail check, the service-time report and the chain settings.</summary>
public sealed class DeskToolsPageTests
{
    [Fact]
    public async Task DeskPages_ScheduleShowTrailReportAndSettings_WorkAndRefuseClearly()
    {
        await using var database = await TestDatabase.SqliteAsync();
        await using var app = await NewsroomApp.StartAsync(database, runJobs: false);
        using var reporter = await app.LoginAsync("reporter");
        using var kasi = await app.LoginAsync("kasi");
        using var kabid = await app.LoginAsync("kabid");
        var id = await Api.CreatePressReleaseAsync(reporter);
        await Api.ActAsync(reporter, id, "submit");
        await Api.ActAsync(kasi, id, "approve");
        await Api.ActAsync(kabid, id, "approve");

        // The Kadis sets the time on the item page (WIB), sees it, and sees the trail is intact.
        using var kadis = await app.SignInAsync("kadis");
        var item = $"/admin/naskah/{id}";
        var page = await kadis.Http.GetStringAsync(item);
        Assert.Contains("Atur waktu terbit", page, StringComparison.Ordinal);
        Assert.Contains("rantai hash cocok", page, StringComparison.Ordinal);
        var bad = await kadis.PostFormAsync(item, new() { ["PublishAt"] = "besok pagi" }, $"{item}/alur?handler=schedule");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("tidak dikenali", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var day = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(7)).AddDays(30);
        var local = $"{day:yyyy-MM-dd}T08:30";
        var scheduled = await kadis.PostFormAsync(item, new() { ["PublishAt"] = local }, $"{item}/alur?handler=schedule");
        Assert.Equal(HttpStatusCode.Redirect, scheduled.StatusCode);
        Assert.Contains(day.ToString("d MMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("id-ID")) + " 08.30 WIB", await kadis.Http.GetStringAsync(item), StringComparison.Ordinal);
        var schedule = (await Api.GetAsync(reporter, id)).GetProperty("history").EnumerateArray().Last();
        Assert.Equal("scheduled", schedule.GetProperty("action").GetString());

        // A reporter has no schedule form, and the server refuses him anyway.
        using var reporterDesk = await app.SignInAsync("reporter");
        Assert.DoesNotContain("Atur waktu terbit", await reporterDesk.Http.GetStringAsync(item), StringComparison.Ordinal);
        var refused = await reporterDesk.PostFormAsync("/admin/naskah/baru", new() { ["PublishAt"] = local }, $"{item}/alur?handler=schedule");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);

        // The report page and its Excel download, for the Kadis; not for the reporter.
        var report = await kadis.Http.GetAsync("/admin/laporan/waktu-layanan");
        Assert.Equal(HttpStatusCode.OK, report.StatusCode);
        var html = await report.Content.ReadAsStringAsync();
        Assert.Contains("Kepala Seksi", html, StringComparison.Ordinal);
        Assert.Contains("Unduh Excel", html, StringComparison.Ordinal);
        var xlsx = await kadis.Http.GetAsync("/admin/laporan/waktu-layanan?handler=xlsx");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Forbidden, (await reporterDesk.Http.GetAsync("/admin/laporan/waktu-layanan")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await kadis.Http.GetAsync("/admin/laporan/waktu-layanan?From=2026-13-01")).StatusCode);

        // The admin changes the clipping chain and the Kasi's standard on the settings page; others may not open it.
        using (var doorRefusal = await kadis.Http.GetAsync("/admin/pengaturan/alur"))
        {
            Assert.Equal(HttpStatusCode.Redirect, doorRefusal.StatusCode);
            Assert.StartsWith("/ditolak", doorRefusal.Headers.Location?.OriginalString, StringComparison.Ordinal);
        }
        using var admin = await app.SignInAsync("admin");
        Assert.Contains("Alur dan waktu baku", await admin.Http.GetStringAsync("/admin"), StringComparison.Ordinal);
        var saved = await admin.PostFormAsync("/admin/pengaturan/alur", new()
        {
            ["Type"] = "clipping",
            ["Chain[0]"] = "kasi",
            ["Chain[1]"] = "kadis",
            ["Chain[2]"] = "",
            ["Correction[0]"] = "kadis",
            ["Minutes[kasi]"] = "7",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        using var adminApi = await app.LoginAsync("admin");
        var settings = await adminApi.GetStringAsync("/api/v1/settings/editorial");
        Assert.Contains("\"type\":\"clipping\",\"chain\":[\"kasi\",\"kadis\"],\"correctionChain\":[\"kadis\"]", settings, StringComparison.Ordinal);
        var invalid = await admin.PostFormAsync("/admin/pengaturan/alur", new() { ["Type"] = "clipping", ["Chain[0]"] = "kasi", ["Chain[1]"] = "kasi" });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Contains("tidak boleh muncul dua kali", await invalid.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // A refusal of the last field undoes the fields saved before it: the chain stays as it was.
        var partly = await admin.PostFormAsync("/admin/pengaturan/alur", new()
        {
            ["Type"] = "clipping", ["Chain[0]"] = "kadis", ["Correction[0]"] = "kadis", ["Minutes[kasi]"] = "0",
        });
        Assert.Equal(HttpStatusCode.BadRequest, partly.StatusCode);
        Assert.Contains("\"type\":\"clipping\",\"chain\":[\"kasi\",\"kadis\"]", await adminApi.GetStringAsync("/api/v1/settings/editorial"), StringComparison.Ordinal);
    }
}
