using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using ClosedXML.Excel;

namespace Diskominfo.Newsroom.FunctionalTests;

/// <summary>
/// The adventorial spend (issue 16 §4): the costs summed per outlet, month, budget line (DPA) and PPTK against the
/// budgets the admin enters per year; the Excel export with the same totals; the desk's warning before an order passes
/// what remains of the budget (a warning: the order is still saved).
/// </summary>
public sealed class AdventorialSpendTests
{
    private const string LineA = "5.2.2.06.01";
    private const string LineB = "5.2.2.06.02";

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Postgres")]
    public async Task Spend_SumsPerOutletMonthLineAndPptk_AgainstTheYearsBudgets_ExportsThemAndWarnsTheDesk(string provider)
    {
        await using var database = provider == "Postgres" ? await TestDatabase.PostgresAsync() : await TestDatabase.SqliteAsync();
        await using var app = await NewsroomApp.StartAsync(database, runJobs: false);

        // The admin enters the budgets of 2026: the year's total and two budget lines of the DPA.
        using (var admin = await app.SignInAsync("admin"))
        {
            var refused = await admin.PostFormAsync("/admin/pengaturan/anggaran-adventorial?tahun=2026", new()
            {
                ["tahun"] = "2026", ["Total"] = "-5", ["Lines[0].Code"] = "", ["Lines[0].Amount"] = "1000",
            });
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            var refusedPage = await refused.Content.ReadAsStringAsync();
            Assert.Contains("Pagu harus berupa rupiah antara 0 dan 1 triliun.", refusedPage, StringComparison.Ordinal);
            Assert.Contains("Tulis kode rekening DPA untuk pagu ini.", refusedPage, StringComparison.Ordinal);

            var saved = await admin.PostFormAsync("/admin/pengaturan/anggaran-adventorial?tahun=2026", new()
            {
                ["tahun"] = "2026", ["Total"] = "100000000",
                ["Lines[0].Code"] = LineA, ["Lines[0].Amount"] = "30000000",
                ["Lines[1].Code"] = LineB, ["Lines[1].Amount"] = "50000000",
                ["Lines[2].Code"] = "", ["Lines[2].Amount"] = "",
            });
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
            var page = await admin.Http.GetStringAsync("/admin/pengaturan/anggaran-adventorial?tahun=2026");
            Assert.Contains($"value=\"{LineB}\"", page, StringComparison.Ordinal);
            Assert.Contains("value=\"100000000\"", page, StringComparison.Ordinal);
        }

        using var kasi = await app.LoginAsync("kasi");
        using var kasi2 = await app.LoginAsync("kasi2");
        using var kadis = await app.LoginAsync("kadis");
        var first = await AdventorialAsync(kasi, "Harian Suara Raya", 10_000_000m, LineA, "2026-03-10");
        await AdventorialAsync(kasi, "Harian Suara Raya", 15_000_000m, LineA, "2026-03-20");
        await AdventorialAsync(kasi, "Radar Raya", 20_000_000m, LineB, "2026-04-05");
        await AdventorialAsync(kasi2, "Radar Raya", 5_000_000m, $" {LineB.ToLowerInvariant()} ", "2026-04-07");
        await AdventorialAsync(kasi, "Radar Raya", 99_000_000m, LineB, "2025-12-30");
        var ordered = await kadis.PostAsJsonAsync("/api/v1/items", new
        {
            type = "adventorial", title = "Program Jalan Mulus", outlet = "Majalah Pembangunan", orderNote = "Tayang akhir tahun.",
        });
        Assert.Equal(HttpStatusCode.Created, ordered.StatusCode);
        var kasiId = (await Api.GetAsync(kasi, first)).GetProperty("owner").GetString();

        using var kabid = await app.LoginAsync("kabid");
        var spend = await kabid.GetFromJsonAsync<JsonElement>("/api/v1/reports/adventorial-spend?year=2026");
        Assert.Equal(2026, spend.GetProperty("year").GetInt32());
        Assert.Equal(100_000_000m, spend.GetProperty("budget").GetDecimal());
        Assert.Equal(50_000_000m, spend.GetProperty("spent").GetDecimal());
        Assert.Equal(50_000_000m, spend.GetProperty("remaining").GetDecimal());
        Assert.Equal(4, spend.GetProperty("orders").GetInt32());
        Assert.Equal(1, spend.GetProperty("unpriced").GetInt32());
        var lines = spend.GetProperty("budgetLines").EnumerateArray().ToDictionary(l => l.GetProperty("budgetLine").GetString()!);
        Assert.Equal(2, lines.Count);
        Assert.Equal((30_000_000m, 25_000_000m, 5_000_000m, 2), Figures(lines[LineA]));
        Assert.Equal((50_000_000m, 25_000_000m, 25_000_000m, 2), Figures(lines[LineB]));
        var outlets = spend.GetProperty("outlets").EnumerateArray().ToDictionary(o => o.GetProperty("outlet").GetString()!, o => o.GetProperty("spent").GetDecimal());
        Assert.Equal(new Dictionary<string, decimal> { ["Harian Suara Raya"] = 25_000_000m, ["Radar Raya"] = 25_000_000m }, outlets);
        var months = spend.GetProperty("months").EnumerateArray().Select(m => (m.GetProperty("month").GetString(), m.GetProperty("spent").GetDecimal())).ToList();
        Assert.Equal([("2026-03", 25_000_000m), ("2026-04", 25_000_000m)], months);
        var pptk = spend.GetProperty("pptk").EnumerateArray().ToList();
        Assert.Equal(2, pptk.Count);
        Assert.Equal(kasiId, pptk[0].GetProperty("userId").GetString());
        Assert.Equal((45_000_000m, 3), (pptk[0].GetProperty("spent").GetDecimal(), pptk[0].GetProperty("orders").GetInt32()));
        Assert.Equal(5_000_000m, pptk[1].GetProperty("spent").GetDecimal());
        var cross = spend.GetProperty("lines").EnumerateArray()
            .Select(l => $"{l.GetProperty("month").GetString()}|{l.GetProperty("outlet").GetString()}|{l.GetProperty("budgetLine").GetString()}|{l.GetProperty("pptk").GetString() == pptk[0].GetProperty("name").GetString()}|{l.GetProperty("spent").GetDecimal():0}|{l.GetProperty("orders").GetInt32()}")
            .ToList();
        Assert.Equal(
            [$"2026-03|Harian Suara Raya|{LineA}|True|25000000|2", $"2026-04|Radar Raya|{LineB}|True|20000000|1", $"2026-04|Radar Raya|{LineB.ToLowerInvariant()}|False|5000000|1"],
            cross);
        Assert.Equal(4, spend.GetProperty("items").GetArrayLength());

        // Another year has its own orders and no budget.
        var last = await kabid.GetFromJsonAsync<JsonElement>("/api/v1/reports/adventorial-spend?year=2025");
        Assert.Equal(99_000_000m, last.GetProperty("spent").GetDecimal());
        Assert.Equal(JsonValueKind.Null, last.GetProperty("budget").ValueKind);

        // The workbook carries the same totals.
        var xlsx = await kabid.GetAsync("/api/v1/reports/adventorial-spend.xlsx?year=2026");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal("belanja-adventorial-2026.xlsx", xlsx.Content.Headers.ContentDisposition!.FileNameStar ?? xlsx.Content.Headers.ContentDisposition.FileName);
        using (var workbook = new XLWorkbook(await xlsx.Content.ReadAsStreamAsync()))
        {
            var budget = workbook.Worksheet("Anggaran");
            Assert.Equal(LineA, budget.Cell(5, 1).GetString());
            Assert.Equal(5_000_000m, budget.Cell(5, 4).GetValue<decimal>());
            Assert.Equal("Jumlah", budget.Cell(7, 1).GetString());
            Assert.Equal(100_000_000m, budget.Cell(7, 2).GetValue<decimal>());
            Assert.Equal(50_000_000m, budget.Cell(7, 3).GetValue<decimal>());
            Assert.Equal(50_000_000m, budget.Cell(7, 4).GetValue<decimal>());
            var perPptk = workbook.Worksheet("Per PPTK");
            Assert.Equal(45_000_000m, perPptk.Cell(5, 2).GetValue<decimal>());
            Assert.Equal(50_000_000m, perPptk.Cell(7, 2).GetValue<decimal>());
            var detail = workbook.Worksheet("Rincian");
            Assert.Equal("Jumlah", detail.Cell(9, 1).GetString());
            Assert.Equal(50_000_000m, detail.Cell(9, 7).GetValue<decimal>());
        }

        // Who may read it, and bad years.
        using var reporter = await app.LoginAsync("reporter");
        Assert.Equal(HttpStatusCode.Forbidden, (await reporter.GetAsync("/api/v1/reports/adventorial-spend?year=2026")).StatusCode);
        var bad = await kabid.GetAsync("/api/v1/reports/adventorial-spend?year=dua-ribu");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("Tahun harus ditulis tttt", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await kabid.GetAsync("/api/v1/reports/adventorial-spend.xlsx?year=1999")).StatusCode);

        // The desk page shows the same figures.
        using (var kabidDesk = await app.SignInAsync("kabid"))
        {
            var desk = Regex.Replace(await kabidDesk.Http.GetStringAsync("/admin/laporan/adventorial?tahun=2026"), @">\s+<", "><");
            Assert.Contains("pagu Rp 100.000.000, realisasi Rp 50.000.000, sisa Rp 50.000.000", desk, StringComparison.Ordinal);
            Assert.Contains($"<tr><td>{LineA}</td><td>Rp 30.000.000</td><td>Rp 25.000.000</td><td>Rp 5.000.000</td><td>2</td></tr>", desk, StringComparison.Ordinal);
        }

        // The desk: the PPTK's form says what remains without this order's own cost, and warns when the cost passes it.
        using var kasiDesk = await app.SignInAsync("kasi");
        var within = await kasiDesk.Http.GetStringAsync($"/admin/naskah/{first}/ubah");
        Assert.Contains($"Sisa pagu adventorial tahun 2026: Rp 60.000.000; kode rekening {LineA}: Rp 15.000.000.", within, StringComparison.Ordinal);
        Assert.Contains("id=\"budget-warning\" hidden", within, StringComparison.Ordinal);
        Assert.Contains("\"remaining\":15000000", System.Net.WebUtility.HtmlDecode(within), StringComparison.Ordinal);

        var over = await AdventorialAsync(kasi, "Harian Suara Raya", 20_000_000m, LineA, "2026-06-01");
        var warned = await kasiDesk.Http.GetStringAsync($"/admin/naskah/{over}/ubah");
        Assert.Contains($"Peringatan: biaya Rp 20.000.000 melebihi sisa pagu kode rekening {LineA} (Rp 5.000.000). Adventorial tetap dapat disimpan", warned, StringComparison.Ordinal);

        // Saving past the budget is not refused: the order counts, and the line is now overspent.
        var saved2 = await kasi.PutAsJsonAsync($"/api/v1/items/{over}", new
        {
            title = "Adventorial Harian Suara Raya", lead = "Capaian pembangunan.", body = "Isi adventorial.", category = "pembangunan",
            outlet = "Harian Suara Raya", cost = 21_000_000m, budgetLine = LineA, publicationDate = "2026-06-01",
        });
        Assert.Equal(HttpStatusCode.OK, saved2.StatusCode);
        var after = await kabid.GetFromJsonAsync<JsonElement>("/api/v1/reports/adventorial-spend?year=2026");
        var overspent = after.GetProperty("budgetLines").EnumerateArray().Single(l => l.GetProperty("budgetLine").GetString() == LineA);
        Assert.Equal(-16_000_000m, overspent.GetProperty("remaining").GetDecimal());

        // The Kadis's order form (no cost yet) shows what remains of the year.
        using var kadisDesk = await app.SignInAsync("kadis");
        var orderForm = await kadisDesk.Http.GetStringAsync("/admin/naskah/baru?jenis=adventorial");
        Assert.Contains("Sisa pagu adventorial tahun 2026: Rp 29.000.000.", orderForm, StringComparison.Ordinal);
    }

    private static (decimal, decimal, decimal, int) Figures(JsonElement line)
        => (line.GetProperty("budget").GetDecimal(), line.GetProperty("spent").GetDecimal(), line.GetProperty("remaining").GetDecimal(), line.GetProperty("orders").GetInt32());

    private static async Task<Guid> AdventorialAsync(HttpClient client, string outlet, decimal cost, string budgetLine, string publicationDate)
    {
        var response = await client.PostAsJsonAsync("/api/v1/items", new
        {
            type = "adventorial", title = $"Adventorial {outlet}", lead = "Capaian pembangunan.", body = "Isi adventorial.", category = "pembangunan",
            outlet, cost, budgetLine, hspkReference = "HSPK 2026", contractNumber = "027/ADV/2026", publicationDate,
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }
}
