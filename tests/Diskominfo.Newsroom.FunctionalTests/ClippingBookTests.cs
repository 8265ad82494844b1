using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Diskominfo.Newsroom.FunctionalTests;

/// <summary>
/// The monthly clipping book (issue 16 §4): the month's selected clippings (signed by the Kadis, published or archived)
/// grouped by koran, majalah and tabloid, each with its scan (a PDF scan's first page), headline, outlet, date, page and
/// tone; the summary per outlet and tone; the Kadis's signature block with his NIP.
/// </summary>
public sealed class ClippingBookTests
{
    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Postgres")]
    public async Task Book_GroupsTheMonthsSelectedClippings_WithScansSummaryAndTheKadissSignature(string provider)
    {
        await using var database = provider == "Postgres" ? await TestDatabase.PostgresAsync() : await TestDatabase.SqliteAsync();
        await using var app = await NewsroomApp.StartAsync(database);
        await database.ExecuteAsync(app, "UPDATE users_accounts SET \"Nip\" = '197501012000031001' WHERE \"UserName\" = 'kadis'");
        using var reporter = await app.LoginAsync("reporter");
        using var kasi = await app.LoginAsync("kasi");

        var bridge = await ClippingAsync(reporter, "Jembatan gantung Desa Raya rampung", "Harian Suara Raya", "koran", "positif", "2026-11-03", Scan(1200, 1800));
        var queue = await ClippingAsync(reporter, "Antrean BBM mengular", "Harian Suara Raya", "koran", "negatif", "2026-11-10", Scan(1000, 1500));
        var festival = await ClippingAsync(reporter, "Festival budaya memikat wisatawan", "Warta Kita", "majalah", "netral", "2026-11-12", Scan(900, 1200));
        var market = await ClippingAsync(reporter, "Pasar rakyat diresmikan Bupati", "Tabloid Raya", "tabloid", "positif", "2026-11-20", OnePagePdf("PASAR RAKYAT"), pdf: true);
        var draft = await ClippingAsync(reporter, "Kliping yang belum dipilih", "Harian Suara Raya", "koran", "positif", "2026-11-21", Scan(800, 800));
        var october = await ClippingAsync(reporter, "Kliping bulan lalu", "Harian Suara Raya", "koran", "positif", "2026-10-30", Scan(800, 800));
        foreach (var id in new[] { bridge, queue, festival, market, october })
        {
            Assert.Equal(HttpStatusCode.OK, (await Api.ActAsync(reporter, id, "submit")).StatusCode);
            await Api.SignAsync(app, id);
        }

        foreach (var id in new[] { bridge, queue, festival, market })
        {
            await Api.WaitForStatusAsync(kasi, id, "archived");
        }

        // Each clipping's scan got its print rendition when it was uploaded (images and the PDF's first page): the book
        // reads those, so it prints every scan even with the page-size originals out of its reach.
        var renditions = Path.Combine(app.DataDir, "media", "renditions");
        Assert.Equal(6, Directory.EnumerateFiles(renditions, "*-cetak1400.jpg", SearchOption.AllDirectories).Count());
        Directory.Move(Path.Combine(app.DataDir, "media", "originals"), Path.Combine(app.DataDir, "media", "originals-away"));
        using var archivist = await app.LoginAsync("arsiparis");
        var response = await archivist.GetAsync("/api/v1/reports/clipping-book.pdf?month=2026-11");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("buku-kliping-2026-11.pdf", response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName);
        var pdf = await response.Content.ReadAsByteArrayAsync();
        var text = Regex.Replace(await ArchiveSheetTests.PdfTextAsync(pdf), @"\s+", " ");

        Assert.Contains("BUKU KLIPING", text, StringComparison.Ordinal);
        Assert.Contains("Bulan November 2026", text, StringComparison.Ordinal);
        Assert.Contains("4 kliping terpilih: koran 2, majalah 1, tabloid 1", text, StringComparison.Ordinal);

        // The groups in order, each clipping with its facts.
        var koran = text.IndexOf("I. KORAN", StringComparison.Ordinal);
        var majalah = text.IndexOf("II. MAJALAH", StringComparison.Ordinal);
        var tabloid = text.IndexOf("III. TABLOID", StringComparison.Ordinal);
        Assert.True(koran > 0 && majalah > koran && tabloid > majalah, "the groups koran, majalah, tabloid in order");
        Assert.Contains("1. Jembatan gantung Desa Raya rampung", text, StringComparison.Ordinal);
        Assert.Contains("Harian Suara Raya (koran) · Selasa, 3 November 2026 · halaman 3 · nada positif", text, StringComparison.Ordinal);
        Assert.Contains("2. Antrean BBM mengular", text, StringComparison.Ordinal);
        Assert.Contains("3. Festival budaya memikat wisatawan", text, StringComparison.Ordinal);
        Assert.Contains("Tabloid Raya (tabloid) · Jumat, 20 November 2026 · halaman 3 · nada positif", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Kliping yang belum dipilih", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Kliping bulan lalu", text, StringComparison.Ordinal);

        // The summary per outlet and tone, then the signature block.
        Assert.Contains("REKAPITULASI KLIPING PER MEDIA DAN NADA", text, StringComparison.Ordinal);
        Assert.Contains("No Media Jenis Positif Netral Negatif Jumlah", text, StringComparison.Ordinal);
        Assert.Contains("1 Harian Suara Raya koran 1 0 1 2", text, StringComparison.Ordinal);
        Assert.Contains("2 Warta Kita majalah 0 1 0 1", text, StringComparison.Ordinal);
        Assert.Contains("3 Tabloid Raya tabloid 1 0 0 1", text, StringComparison.Ordinal);
        Assert.Matches("Jumlah 2 1 1 4|2 1 1 4 Jumlah", text); // the bold label may be read after the figures
        Assert.Contains("Mengetahui, Kepala Dinas Komunikasi dan Informatika", text, StringComparison.Ordinal);
        Assert.Contains("Ahmad Kepala Dinas NIP. 197501012000031001", text, StringComparison.Ordinal);

        // Every selected clipping's scan is in the book, the PDF scan as its first page rasterised.
        var images = (await ArchiveSheetTests.PopplerAsync("pdfimages", pdf, "-list"))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(2).ToList();
        Assert.Equal(4, images.Count);
        Assert.All(images, line => Assert.Contains(" jpeg ", line, StringComparison.Ordinal));
        var sizes = images.Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Select(c => (Width: int.Parse(c[3]), Height: int.Parse(c[4]))).ToList();
        Assert.Contains((933, 1400), sizes); // the 1200 x 1800 scan at the print size, its longest edge 1400 px
        Assert.All(sizes, size => Assert.True(Math.Max(size.Width, size.Height) <= 1400, $"a scan of {size.Width} x {size.Height} px"));
        Directory.Move(Path.Combine(app.DataDir, "media", "originals-away"), Path.Combine(app.DataDir, "media", "originals"));

        // The desk page gives the same book; bad months and other roles are refused.
        using var desk = await app.SignInAsync("kabid");
        var fromDesk = await desk.Http.GetAsync("/admin/laporan/buku-kliping?bulan=2026-11");
        Assert.Equal(HttpStatusCode.OK, fromDesk.StatusCode);
        Assert.Equal("application/pdf", fromDesk.Content.Headers.ContentType!.MediaType);
        var badDesk = await desk.Http.GetAsync("/admin/laporan/buku-kliping?bulan=November");
        Assert.Equal(HttpStatusCode.BadRequest, badDesk.StatusCode);
        Assert.Contains("Bulan harus ditulis tttt-bb", await badDesk.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await archivist.GetAsync("/api/v1/reports/clipping-book.pdf?month=2026-13")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reporter.GetAsync("/api/v1/reports/clipping-book.pdf?month=2026-11")).StatusCode);

        // A month without selected clippings still prints, and says so.
        var empty = Regex.Replace(await ArchiveSheetTests.PdfTextAsync(await archivist.GetByteArrayAsync("/api/v1/reports/clipping-book.pdf?month=2026-12")), @"\s+", " ");
        Assert.Contains("Tidak ada kliping terpilih pada bulan ini.", empty, StringComparison.Ordinal);
        Assert.Contains("NIP. 197501012000031001", empty, StringComparison.Ordinal);
        _ = draft;
    }

    internal static async Task<Guid> ClippingAsync(HttpClient client, string title, string outlet, string mediaType, string tone, string editionDate, byte[] scan, bool pdf = false)
    {
        var id = await SearchTests.ClippingAsync(client, title, outlet, mediaType, tone, $"{title}.", editionDate);
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(scan);
        file.Headers.ContentType = new MediaTypeHeaderValue(pdf ? "application/pdf" : "image/jpeg");
        form.Add(file, "file", pdf ? "pindaian.pdf" : "pindaian.jpg");
        form.Add(new StringContent("Pindaian halaman"), "caption");
        var response = await client.PostAsync($"/api/v1/items/{id}/media", form);
        Assert.True(response.IsSuccessStatusCode, $"scan upload answered {response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return id;
    }

    /// <summary>A newspaper page's scan: grey columns of "text" on paper, a JPEG of the size asked.</summary>
    internal static byte[] Scan(int width, int height, int seed = 1)
    {
        using var paper = NetVips.Image.Black(width, height).NewFromImage(238, 234, 222).Cast(NetVips.Enums.BandFormat.Uchar);
        using var noise = NetVips.Image.Gaussnoise(width, height, mean: 128, sigma: 60, seed: seed);
        using var ink = (noise > 200).Ifthenelse(paper.NewFromImage(40, 40, 40), paper);
        return ink.JpegsaveBuffer(q: 85);
    }

    /// <summary>A one-page PDF scan with <paramref name="text"/> in large type.</summary>
    internal static byte[] OnePagePdf(params string[] pages)
    {
        Infrastructure.Pdf.PdfSetup.Initialize(null);
        using var document = new PdfDocument();
        foreach (var text in pages)
        {
            var page = document.AddPage();
            using var g = XGraphics.FromPdfPage(page);
            var font = new XFont(Infrastructure.Pdf.PdfSetup.Family, 28, XFontStyleEx.Bold);
            var y = 80.0;
            foreach (var line in text.Split('\n'))
            {
                g.DrawString(line, font, XBrushes.Black, new XPoint(60, y), XStringFormats.TopLeft);
                y += 44;
            }
        }

        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return output.ToArray();
    }
}
