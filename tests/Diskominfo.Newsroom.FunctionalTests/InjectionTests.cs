using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Xml.Linq;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using ClosedXML.Excel;

namespace Diskominfo.Newsroom.FunctionalTests;

/// <summary>
/// Hostile text in every field that reaches a reader or a file: a press release, a clipping and an adventorial (title,
/// lead, body, captions, credits, outlet, topics, the adventorial's file, approval and return notes, a caption override),
/// written by a person whose full name is hostile, in a seksi whose name is, on a site whose identity is. Each output then
/// holds it harmlessly: HTML escaped (no script, no event handler, no javascript: link), JSON-LD that parses and is not
/// broken out of, feeds and sitemap that parse as XML, Excel cells that hold text and never a formula, and an archive
/// sheet PDF that carries the text. Control characters and bidirectional overrides are taken out when the text comes in.
/// </summary>
public sealed class InjectionTests
{
    private const string Script = "<script>alert('xss')</script>";
    private const string EndScript = "</script><script>alert(\"ld\")</script>";
    private const string Attribute = "\"'><img src=x onerror=alert(1)>";
    private const string Cdata = "]]><![CDATA[x]]>";
    private const string Formula = "=HYPERLINK(\"http://jahat.example/\",\"klik\")";
    private const string AtSum = "@SUM(1+1)*cmd|' /C calc'!A0";
    private const string Controls = "a\u0001b\u0007c\u001bd\u0000e\u007f";
    private const string Override = "\u202Egnp.exe\u202C\u2066x\u2069";
    private static readonly string LongWord = new('W', 4000);

    /// <summary>A search query shown back on the page, "/" and all (searched as literal text).</summary>
    private const string Reflected = "\"><img src=x onerror=alert(1)><svg onload=alert(2)> <script>alert(3)</script>";

    /// <summary>The text as it is kept: without the control characters and overrides (tabs and line breaks stay).</summary>
    private static string Kept(string text)
        => new([.. text.Where(c => c is '\t' or '\n' or '\r' || (!char.IsControl(c) && c is not (>= '\u202A' and <= '\u202E') && c is not (>= '\u2066' and <= '\u2069')))]);

    private static string Hostile(string start, int max)
    {
        var text = $"{start} {Script}{EndScript}{Attribute} {Cdata} {Controls} {Override} {AtSum}";
        return text.Length > max ? text[..max] : text;
    }

    [Fact]
    public async Task HostileText_InEveryField_IsHarmlessInHtmlJsonLdFeedsExcelAndPdf()
    {
        await using var database = await TestDatabase.SqliteAsync();
        await using var app = await NewsroomApp.StartAsync(database);
        using var admin = await app.LoginAsync("admin");
        using var kasi = await app.LoginAsync("kasi");
        using var kabid = await app.LoginAsync("kabid");
        using var kadis = await app.LoginAsync("kadis");
        using var operatorClient = await app.LoginAsync("operator");
        using var anonymous = app.CreateClient();

        // The office: a seksi, a person and a site identity with hostile names.
        var sectionName = Hostile("Seksi", 100).TrimEnd();
        var renamed = await admin.PutAsJsonAsync($"/api/v1/org/sections/{Office.SeksiMedia}", new { name = sectionName });
        Assert.True(renamed.IsSuccessStatusCode, await renamed.Content.ReadAsStringAsync());
        var fullName = Hostile(Formula, 200);
        var (_, writer) = await Office.CreateAccountAsync(app, "penulis.jahat", fullName, ["reporter"], Office.SeksiMedia);
        using var adminDesk = await app.SignInAsync("admin");
        var siteName = Hostile("Kab", 100);
        var publisher = Hostile("Diskominfo", 200);
        // The form is multipart, as the browser sends it (it carries the logo): a NUL reaches the page and is taken out.
        var identityFields = new Dictionary<string, string>
        {
            ["Name"] = siteName, ["Publisher"] = publisher, ["Address"] = Hostile("Jl. Raya", 300), ["Phone"] = "(0274) 123456",
            ["Email"] = "humas@contoh.go.id", ["BrandColor"] = "#0b4f8a",
        };
        var identity = await PostMultipartAsync(adminDesk, "/admin/pengaturan/situs", identityFields);
        Assert.True(identity.StatusCode == HttpStatusCode.Redirect, $"{identity.StatusCode}: {await identity.Content.ReadAsStringAsync()}");

        // Url-encoded, the framework cannot read a form with a NUL at all: a plain 400 with the Indonesian error page, nothing saved.
        var encoded = await adminDesk.PostFormAsync("/admin/pengaturan/situs", new(identityFields) { ["Name"] = "Tidak tersimpan\0" });
        Assert.Equal(HttpStatusCode.BadRequest, encoded.StatusCode);
        Assert.Contains("Permintaan tidak valid", await encoded.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // A press release: every field hostile, a photo with a hostile caption and credit, a caption override, notes.
        var title = Hostile(Formula, 300);
        var lead = Hostile(AtSum, 1000);
        var body = $"Paragraf {Script} dan {Attribute}.\n\n<img src=x onerror=alert(2)>\n\n[klik](javascript:alert(3)) [tautan](\"onmouseover=alert(4))\n\n"
                   + $"{Cdata} {Controls} {Override}\n\n{LongWord}\n\n{Formula}";
        var release = await CreateAsync(writer, new
        {
            type = "press-release", title, lead, body, category = "pembangunan", eventDate = "2026-11-20", eventPlace = Hostile("Balai", 200),
        });
        await UploadAsync(writer, release, Hostile(Formula, 1000), Hostile(AtSum, 200));
        Assert.Equal(HttpStatusCode.NoContent, (await operatorClient.PutAsJsonAsync($"/api/v1/items/{release}/captions/facebook", new { text = Hostile(Formula, 1500) })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Api.ActAsync(writer, release, "submit")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Api.ActAsync(kasi, release, "return", Hostile("Perbaiki", 500))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Api.ActAsync(writer, release, "submit")).StatusCode);
        foreach (var approver in new[] { kasi, kabid, kadis })
        {
            Assert.Equal(HttpStatusCode.OK, (await Api.ActAsync(approver, release, "approve", Hostile("Setuju", 500))).StatusCode);
        }

        // A clipping and an adventorial, every text field hostile; the outlets open with formulas.
        var clipping = await CreateAsync(writer, new
        {
            type = "clipping", title = Hostile("Kliping", 300), outlet = Hostile(Formula, 200), mediaType = "koran", editionDate = "2026-11-20",
            page = Hostile("3", 20), headline = Hostile("Judul", 300), text = body, tone = "negatif", topics = new[] { Hostile(AtSum, 60), Hostile("=1+1", 60) },
        });
        await UploadAsync(writer, clipping, Hostile("Pindaian", 1000), Hostile("-2+3", 200));
        var adventorial = await CreateAsync(writer, new
        {
            type = "adventorial", title = Hostile("Adventorial", 300), lead, body, category = "pembangunan", outlet = Hostile(AtSum, 200), cost = 1_500_000m,
            budgetLine = Hostile("+2.16", 100), hspkReference = Hostile("-HSPK", 100), contractNumber = Hostile("=027", 100), publicationDate = "2026-11-25",
        });
        Assert.Equal(HttpStatusCode.OK, (await Api.ActAsync(writer, clipping, "submit")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Api.ActAsync(writer, adventorial, "submit")).StatusCode);
        foreach (var approver in new[] { kasi, kabid, kadis })
        {
            Assert.Equal(HttpStatusCode.OK, (await Api.ActAsync(approver, clipping, "approve", Hostile("Dipilih", 500))).StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, (await Api.ActAsync(kabid, adventorial, "approve", Hostile("Berkas", 500))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Api.ActAsync(kadis, adventorial, "approve", Hostile("Tayang", 500))).StatusCode);
        var items = new Dictionary<string, JsonElement>();
        foreach (var (name, id) in new[] { ("siaran pers", release), ("kliping", clipping), ("adventorial", adventorial) })
        {
            items[name] = await Api.WaitForStatusAsync(writer, id, "archived");
        }

        // What was kept: the text as typed, without control characters and overrides.
        Assert.Equal(Kept(title).Trim(), items["siaran pers"].GetProperty("title").GetString());
        Assert.DoesNotContain('\u202E', items["siaran pers"].ToString());
        Assert.DoesNotContain("\\u0001", items["siaran pers"].ToString(), StringComparison.Ordinal);

        // ---- HTML: the public site ----
        var releasePath = items["siaran pers"].GetProperty("url").GetString()!;
        var adventorialPath = items["adventorial"].GetProperty("url").GetString()!;
        var checkedPages = 0;
        foreach (var path in new[] { "/", releasePath, adventorialPath, "/kategori/pembangunan", "/arsip", ArchiveMonth(items["siaran pers"]), "/cari?q=paragraf", "/galat/404", "/cari?q=" + Uri.EscapeDataString(Reflected) })
        {
            using var response = await anonymous.GetAsync(path);
            Assert.True(response.StatusCode == (path.StartsWith("/galat", StringComparison.Ordinal) ? HttpStatusCode.NotFound : HttpStatusCode.OK), $"{path}: {(int)response.StatusCode}");
            AssertHarmless(path, await response.Content.ReadAsStringAsync());
            checkedPages++;
        }

        var article = await anonymous.GetStringAsync(releasePath);
        var document = new HtmlParser().ParseDocument(article);
        Assert.Contains(Script, document.QuerySelector("h1")!.TextContent, StringComparison.Ordinal); // shown as text, not dropped
        Assert.Contains(Kept(siteName).Trim(), document.Title, StringComparison.Ordinal);
        Assert.Contains(document.QuerySelectorAll("article a, main a"), a => a.TextContent == "klik"); // the link's text stays; its target does not
        Assert.Empty(document.QuerySelectorAll("a[href^='javascript' i]"));

        // JSON-LD: parses, says what the page says, and holds no "<" that could close its script element.
        var jsonLd = Assert.Single(document.QuerySelectorAll("script[type='application/ld+json']")).TextContent;
        Assert.DoesNotContain("<", jsonLd, StringComparison.Ordinal);
        var ld = JsonDocument.Parse(jsonLd).RootElement;
        Assert.StartsWith(Formula, ld.GetProperty("headline").GetString(), StringComparison.Ordinal);
        Assert.Equal(Kept(lead).Trim(), ld.GetProperty("description").GetString());
        Assert.Equal(Kept(publisher).Trim(), ld.GetProperty("publisher").GetProperty("name").GetString());

        // ---- feeds and sitemap: XML, with the titles as text ----
        foreach (var path in new[] { "/rss.xml", "/atom.xml", "/kategori/pembangunan/rss.xml", "/kategori/pembangunan/atom.xml", "/sitemap.xml" })
        {
            var response = await anonymous.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode}");
            var xml = XDocument.Parse(await response.Content.ReadAsStringAsync());
            var texts = xml.Descendants().Where(e => !e.HasElements).Select(e => e.Value).ToList();
            Assert.Contains(texts, t => t.Contains(Script, StringComparison.Ordinal) && t.Contains(Cdata, StringComparison.Ordinal));
        }

        // ---- the desk's pages, where staff read the same text ----
        using var kasiDesk = await app.SignInAsync("kasi");
        using var writerDesk = await SignInAsync(app, "penulis.jahat");
        var deskPages = new List<(DeskClient Client, string Path)>
        {
            (kasiDesk, "/admin"), (kasiDesk, "/admin/kliping?bulan=2026-11"), (kasiDesk, "/admin/kliping/laporan?dari=2026-11&sampai=2026-11"),
            (kasiDesk, "/admin/cari?q=paragraf"), (kasiDesk, "/admin/cari?q=" + Uri.EscapeDataString(Reflected)), (kasiDesk, "/admin/organisasi"), (kasiDesk, "/admin/plh"), (writerDesk, "/admin/kotak-masuk"),
            (writerDesk, "/admin"), (adminDesk, "/admin/pengguna"), (adminDesk, "/admin/audit"), (adminDesk, "/admin/pengaturan/situs"),
            (adminDesk, "/admin/laporan/waktu-layanan"), (adminDesk, $"/admin/naskah/{release}/takarir"),
        };
        foreach (var id in new[] { release, clipping, adventorial })
        {
            deskPages.Add((kasiDesk, $"/admin/naskah/{id}"));
        }

        foreach (var (client, path) in deskPages)
        {
            var response = await client.Http.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode}");
            AssertHarmless(path, await response.Content.ReadAsStringAsync());
            checkedPages++;
        }

        // ---- Excel: text, never formulas ----
        var report = await WorkbookAsync(kasiDesk.Http, "/admin/kliping/laporan?handler=Xlsx&dari=2026-11&sampai=2026-11");
        AssertTextOnly("clipping report", report, Kept(Hostile(Formula, 200)).Trim());
        var audit = await WorkbookAsync(admin, "/api/v1/audit/export.xlsx");
        AssertTextOnly("audit log", audit, Kept(fullName).Trim());

        // ---- PDF: the archive sheets, with the text in them ----
        foreach (var (name, id) in new[] { ("siaran pers", release), ("kliping", clipping), ("adventorial", adventorial) })
        {
            var started = DateTime.UtcNow;
            var response = await kasi.GetAsync($"/api/v1/items/{id}/archive-sheet.pdf");
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{name}: {(int)response.StatusCode}");
            Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(30), $"the archive sheet of the {name} took {DateTime.UtcNow - started}");
            var pdf = await response.Content.ReadAsByteArrayAsync();
            Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(pdf, 0, 4));
            if (await PdfTextAsync(pdf) is { } text)
            {
                Assert.Contains("alert('xss')", text, StringComparison.Ordinal);
                Assert.Contains("HYPERLINK", text, StringComparison.Ordinal);
                Assert.Contains("WWWWWWWWWW", text, StringComparison.Ordinal); // the long word, cut into lines
            }
        }

        Assert.Equal(9 + 17, checkedPages);
    }

    [Fact]
    public async Task ServiceTimeWorkbook_TitleLikeAFormula_IsText()
    {
        var clock = new TestClock(new DateTimeOffset(2026, 11, 2, 1, 0, 0, TimeSpan.Zero));
        await using var database = await TestDatabase.SqliteAsync();
        await using var app = await NewsroomApp.StartAsync(database, runJobs: false, clock: clock);
        using var reporter = await app.LoginAsync("reporter");
        using var kasi = await app.LoginAsync("kasi");
        var title = Hostile(Formula, 300);
        var id = await Api.CreatePressReleaseAsync(reporter, title);
        Assert.Equal(HttpStatusCode.OK, (await Api.ActAsync(reporter, id, "submit")).StatusCode);
        clock.Advance(TimeSpan.FromMinutes(45)); // the Kasi's step is late
        Assert.Equal(HttpStatusCode.OK, (await Api.ActAsync(kasi, id, "approve")).StatusCode);

        var workbook = await WorkbookAsync(kasi, "/api/v1/reports/service-times.xlsx?from=2026-11-01&to=2026-11-30");
        AssertTextOnly("service times", workbook, Kept(title).Trim());
    }

    /// <summary>No markup that runs: no script but the JSON-LD, no event handler, no javascript: address, no injected image; no overrides.</summary>
    private static void AssertHarmless(string path, string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        var scripts = document.QuerySelectorAll("script").Where(s => s.GetAttribute("type") != "application/ld+json").ToList();
        Assert.True(scripts.All(s => s.HasAttribute("src") && s.GetAttribute("src")!.StartsWith('/')), $"{path}: a script element: {string.Join(" ", scripts.Select(s => s.OuterHtml))}");
        var handlers = document.All.SelectMany(e => e.Attributes.Where(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)).Select(a => $"<{e.LocalName} {a.Name}>")).ToList();
        Assert.True(handlers.Count == 0, $"{path}: event handlers {string.Join(", ", handlers)}");
        var addresses = document.All.SelectMany(e => e.Attributes.Where(a => a.Name is "href" or "src" or "action" or "formaction")
            .Where(a => a.Value.TrimStart().StartsWith("javascript", StringComparison.OrdinalIgnoreCase))).ToList();
        Assert.True(addresses.Count == 0, $"{path}: javascript: addresses");
        Assert.Empty(document.QuerySelectorAll("img[src='x']"));
        Assert.DoesNotContain("alert(", string.Join(" ", scripts.Select(s => s.TextContent)), StringComparison.Ordinal);

        // JSON-LD holds the text as data: it parses, and no "<" in it could close its script element.
        foreach (var ld in document.QuerySelectorAll("script[type='application/ld+json']"))
        {
            Assert.DoesNotContain("<", ld.TextContent, StringComparison.Ordinal);
            using var parsed = JsonDocument.Parse(ld.TextContent);
        }
        foreach (var unwanted in new[] { "\u202E", "&#x202E;", "\u0001", "&#x1;" })
        {
            var at = html.IndexOf(unwanted, StringComparison.OrdinalIgnoreCase);
            Assert.True(at < 0, $"{path}: {unwanted} kept in ...{html[Math.Max(0, at - 300)..Math.Min(html.Length, at + 60)]}");
        }
    }

    /// <summary>Every cell holds a value, none a formula; <paramref name="expected"/> is there as text, quoted so that editing keeps it text.</summary>
    private static void AssertTextOnly(string name, XLWorkbook workbook, string expected)
    {
        var cells = workbook.Worksheets.SelectMany(s => s.CellsUsed()).ToList();
        Assert.All(cells, c => Assert.False(c.HasFormula, $"{name}: {c.Address} holds the formula {c.FormulaA1}"));
        var cell = cells.FirstOrDefault(c => c.GetString() == expected);
        Assert.True(cell is not null, $"{name}: no cell holds {expected}; cells: {string.Join(" | ", cells.Select(c => c.GetString()).Take(60))}");
        Assert.Equal(XLDataType.Text, cell.DataType);
        Assert.True(cell.Style.IncludeQuotePrefix, $"{name}: {cell.Address} is not quoted");
        Assert.All(cells.Where(c => c.DataType == XLDataType.Text && c.GetString() is [var first, ..] && first is '=' or '+' or '-' or '@'),
            c => Assert.True(c.Style.IncludeQuotePrefix, $"{name}: {c.Address} ({c.GetString()}) is not quoted"));
    }

    private static async Task<XLWorkbook> WorkbookAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode}");
        return new XLWorkbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
    }

    private static string ArchiveMonth(JsonElement item)
    {
        var at = item.GetProperty("publishedAt").GetDateTimeOffset().ToOffset(TimeSpan.FromHours(7));
        return $"/arsip/{at.Year}/{at.Month}";
    }

    private static async Task<Guid> CreateAsync(HttpClient client, object input)
    {
        var response = await client.PostAsJsonAsync("/api/v1/items", input);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static async Task UploadAsync(HttpClient client, Guid itemId, string caption, string credit)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Api.Jpeg(1200, 800));
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("image/jpeg");
        form.Add(file, "file", "foto\u202Egpj.exe");
        form.Add(new StringContent(caption), "caption");
        form.Add(new StringContent(credit), "credit");
        var response = await client.PostAsync($"/api/v1/items/{itemId}/media", form);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    private static async Task<HttpResponseMessage> PostMultipartAsync(DeskClient desk, string path, Dictionary<string, string> fields)
    {
        var page = await desk.Http.GetStringAsync(path);
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        using var content = new MultipartFormDataContent();
        foreach (var (key, value) in fields.Append(new("__RequestVerificationToken", token)))
        {
            content.Add(new StringContent(value), key);
        }

        return await desk.Http.PostAsync(path, content);
    }

    /// <summary>A desk session of an account made in the test (its password is the one <see cref="Office.CreateAccountAsync"/> chose).</summary>
    private static async Task<DeskClient> SignInAsync(NewsroomApp app, string userName)
    {
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var desk = new DeskClient(client);
        var response = await desk.PostFormAsync("/masuk", new() { ["UserName"] = userName, ["Password"] = NewsroomApp.Password + "-" + userName });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return desk;
    }

    /// <summary>The PDF's text (poppler's pdftotext); null where it is not installed, except under CI, where it must be.</summary>
    private static async Task<string?> PdfTextAsync(byte[] pdf)
    {
        if (!File.Exists("/usr/bin/pdftotext") && !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return await ArchiveSheetTests.PdfTextAsync(pdf);
    }
}
