using System.Net;
using ClosedXML.Excel;

namespace Diskominfo.Newsroom.FunctionalTests;

/// <summary>Media monitoring figures: clippings per outlet, month and tone, on screen and in Excel.</summary>
public sealed class ClippingReportTests
{
    [Fact]
    public async Task Report_CountsClippingsPerOutletMonthAndTone_AndExportsTheSameToExcel()
    {
        await using var database = await TestDatabase.SqliteAsync();
        await using var app = await NewsroomApp.StartAsync(database);
        using var reporter = await app.LoginAsync("reporter");
        var archived = await SearchTests.ClippingAsync(reporter, "Pasar baru", "Harian Suara Raya", "koran", "positif", "Pasar baru dibuka.", "2026-10-05");
        await SearchTests.ClippingAsync(reporter, "Antrean BBM", "Harian Suara Raya", "koran", "negatif", "Antrean panjang.", "2026-11-03");
        await SearchTests.ClippingAsync(reporter, "Festival", "Radar Raya", "tabloid", "netral", "Festival digelar.", "2026-11-10");
        await SearchTests.ClippingAsync(reporter, "Jalan rusak", "Radar Raya", "tabloid", "negatif", "Jalan berlubang.", "2026-11-12");
        await SearchTests.ClippingAsync(reporter, "Tahun lalu", "Radar Raya", "tabloid", "positif", "Di luar periode.", "2025-12-30");
        Assert.Equal(HttpStatusCode.OK, (await Api.ActAsync(reporter, archived, "submit")).StatusCode);
        await Api.SignAsync(app, archived);
        using var kasi = await app.LoginAsync("kasi");
        await Api.WaitForStatusAsync(kasi, archived, "archived");

        using var desk = await app.SignInAsync("arsiparis");
        var page = System.Text.RegularExpressions.Regex.Replace(await desk.Http.GetStringAsync("/admin/kliping/laporan?Dari=2026-10&Sampai=2026-11"), @">\s+<", "><");
        Assert.Contains("4 kliping terbit 1 Oktober 2026 s.d. 30 November 2026", page, StringComparison.Ordinal);
        Assert.Contains("<tr><td>Harian Suara Raya</td><td>koran</td><td>1</td><td>0</td><td>1</td><td>2</td><td>1</td></tr>", page, StringComparison.Ordinal);
        Assert.Contains("<tr><td>Radar Raya</td><td>tabloid</td><td>0</td><td>1</td><td>1</td><td>2</td><td>0</td></tr>", page, StringComparison.Ordinal);
        Assert.Contains("<tr><td>November 2026</td><td>0</td><td>1</td><td>2</td><td>3</td></tr>", page, StringComparison.Ordinal);
        Assert.Contains("<tr><td>negatif</td><td>2</td><td>50,0%</td></tr>", page, StringComparison.Ordinal);

        var xlsx = await desk.Http.GetAsync("/admin/kliping/laporan?handler=xlsx&Dari=2026-10&Sampai=2026-11");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal("kliping-2026-10-2026-11.xlsx", xlsx.Content.Headers.ContentDisposition!.FileNameStar ?? xlsx.Content.Headers.ContentDisposition.FileName);
        using var workbook = new XLWorkbook(await xlsx.Content.ReadAsStreamAsync());
        var outlets = workbook.Worksheet("Per media");
        Assert.Equal("Harian Suara Raya", outlets.Cell(5, 1).GetString());
        Assert.Equal(2, outlets.Cell(5, 6).GetValue<int>());
        Assert.Equal(1, outlets.Cell(5, 7).GetValue<int>());
        Assert.Equal("Jumlah", outlets.Cell(7, 1).GetString());
        Assert.Equal(4, outlets.Cell(7, 6).GetValue<int>());
        var months = workbook.Worksheet("Per bulan");
        Assert.Equal("Oktober 2026", months.Cell(5, 1).GetString());
        Assert.Equal(3, months.Cell(6, 5).GetValue<int>());
        var tones = workbook.Worksheet("Per nada");
        Assert.Equal("negatif", tones.Cell(7, 1).GetString());
        Assert.Equal(0.5, tones.Cell(7, 3).GetValue<double>(), 3);

        var bad = await desk.Http.GetAsync("/admin/kliping/laporan?Dari=2026-13");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("gunakan TTTT-BB", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
