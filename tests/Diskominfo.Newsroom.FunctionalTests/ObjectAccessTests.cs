using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ClosedXML.Excel;

namespace Diskominfo.Newsroom.FunctionalTests;

/// <summary>
/// A reporter never sees another person's unpublished work, through any door: another reporter's draft, returned and
/// in-review items, a clipping and an adventorial with their documents, and a published item whose correction is being
/// written. Each door answers 404, the same 404 as for an item that does not exist (not a 403, which would tell that it
/// exists), and nothing of the content is in any answer. Seksi colleagues are no exception: the seksi's Kasi reviews the
/// drafts, not its reporters. The approvers keep seeing all work, the writer his own, and a reporter acting as Plh Kasi
/// the item awaiting his step.
/// </summary>
public sealed class ObjectAccessTests
{
    private const string Pdf =
        "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
        + "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n";

    [Fact]
    public Task Reporter_OnAnotherPersonsUnpublishedWork_GetsNotFoundAtEveryDoorAndNothingOfIt_Sqlite() => EveryDoorAsync(TestDatabase.SqliteAsync);

    [Fact]
    public Task Reporter_OnAnotherPersonsUnpublishedWork_GetsNotFoundAtEveryDoorAndNothingOfIt_Postgres() => EveryDoorAsync(TestDatabase.PostgresAsync);

    /// <summary>Words that appear only in the owner's unpublished work: none may show in any answer to the others.</summary>
    private sealed class Secrets
    {
        private readonly string _tag = Guid.NewGuid().ToString("N")[..8];

        public string Word(string name) => $"Rahasia{name}{_tag}";

        public IEnumerable<string> All => Used;

        public List<string> Used { get; } = [];

        public string Use(string name)
        {
            var word = Word(name);
            Used.Add(word);
            return word;
        }
    }

    private static async Task EveryDoorAsync(Func<Task<TestDatabase>> databaseFactory)
    {
        await using var database = await databaseFactory();
        await using var app = await NewsroomApp.StartAsync(database);
        using var owner = await app.LoginAsync("reporter");
        using var kasi = await app.LoginAsync("kasi");
        using var colleague = await app.LoginAsync("reporter2"); // the same seksi as the owner
        using var stranger = await app.LoginAsync("reporter3"); // another seksi
        using var colleagueDesk = await app.SignInAsync("reporter2");
        using var anonymous = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var secret = new Secrets();

        // The owner's work: a draft with a photo, a returned item, one in review, a clipping with its scan, an adventorial with its file.
        var draft = await CreateAsync(owner, new
        {
            type = "press-release", title = secret.Use("Judul"), lead = secret.Use("Teras") + " teras.", body = secret.Use("Isi") + " isi.", category = "pembangunan",
        });
        var photo = await UploadAsync(owner, draft, Api.Jpeg(800, 600), "foto.jpg", "image/jpeg", secret.Use("Keterangan"), secret.Use("Fotografer"));
        var returned = await CreateAsync(owner, new { type = "press-release", title = secret.Use("Dikembalikan"), lead = "Teras.", body = "Isi.", category = "umum" });
        Assert.Equal(HttpStatusCode.OK, (await Api.ActAsync(owner, returned, "submit")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Api.ActAsync(kasi, returned, "return", secret.Use("CatatanKasi"))).StatusCode);
        var review = await CreateAsync(owner, new { type = "press-release", title = secret.Use("Ditinjau"), lead = "Teras.", body = "Isi.", category = "umum" });
        Assert.Equal(HttpStatusCode.OK, (await Api.ActAsync(owner, review, "submit")).StatusCode);
        var clipping = await CreateAsync(owner, new
        {
            type = "clipping", title = secret.Use("Kliping"), outlet = secret.Use("Koran"), mediaType = "koran", editionDate = "2026-11-20", tone = "negatif",
            text = secret.Use("TeksKliping"), topics = new[] { secret.Use("Topik") },
        });
        var scan = await UploadAsync(owner, clipping, Encoding.Latin1.GetBytes(Pdf), "halaman.pdf", "application/pdf", secret.Use("Pindaian"), null);
        var adventorial = await CreateAsync(owner, new
        {
            type = "adventorial", title = secret.Use("Adventorial"), lead = "Teras.", body = "Isi.", category = "pembangunan", outlet = secret.Use("Majalah"),
            cost = 987_654_321m, budgetLine = secret.Use("Dpa"), hspkReference = secret.Use("Hspk"), contractNumber = secret.Use("Kontrak"),
        });
        var contract = await UploadAsync(owner, adventorial, Encoding.Latin1.GetBytes(Pdf), "kontrak.pdf", "application/pdf", secret.Use("Berkas"), null);
        var unpublished = new[] { draft, returned, review, clipping, adventorial };

        // A published item of the owner, whose correction he is now writing, with a new photo.
        var published = await Api.CreatePressReleaseAsync(owner, "Jembatan Raya diresmikan", body: "Jembatan sepanjang 120 meter.");
        var livePhoto = await UploadAsync(owner, published, Api.Jpeg(800, 600), "jembatan.jpg", "image/jpeg", "Jembatan Raya", "Humas");
        Assert.Equal(HttpStatusCode.OK, (await Api.ActAsync(owner, published, "submit")).StatusCode);
        await Api.SignAsync(app, published);
        await Api.WaitForStatusAsync(owner, published, "archived");
        Assert.Equal(HttpStatusCode.OK, (await Api.ActAsync(owner, published, "correction", secret.Use("AlasanRalat"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await owner.PutAsJsonAsync($"/api/v1/items/{published}", new
        {
            title = secret.Use("JudulRalat"), lead = "Teras.", body = secret.Use("IsiRalat"), category = "pembangunan",
        })).StatusCode);
        var correctionPhoto = await UploadAsync(owner, published, Api.Jpeg(640, 480), "ralat.jpg", "image/jpeg", secret.Use("KeteranganRalat"), null);

        // The approvers keep seeing all the work; the search index has taken it in.
        foreach (var id in unpublished.Append(published))
        {
            Assert.Equal(HttpStatusCode.OK, (await kasi.GetAsync($"/api/v1/items/{id}")).StatusCode);
        }

        await SearchTests.SearchUntilAsync(kasi, $"?q={secret.Word("IsiRalat")}", r => r.GetProperty("total").GetInt32() == 1);
        Assert.Equal(1, (await SearchTests.SearchUntilAsync(kasi, $"?q={secret.Word("Isi")}", r => r.GetProperty("total").GetInt32() == 1)).GetProperty("total").GetInt32());

        // ---- every door, for a colleague of the same seksi, a reporter of another seksi, and (where open) a stranger ----
        var answers = new List<(string Door, HttpStatusCode Status, string Text)>();
        async Task<HttpStatusCode> Ask(string door, HttpClient client, HttpRequestMessage request)
        {
            using var response = await client.SendAsync(request);
            answers.Add((door, response.StatusCode, await TextOfAsync(response)));
            return response.StatusCode;
        }

        Task<HttpStatusCode> Get(string door, HttpClient client, string path) => Ask(door, client, new HttpRequestMessage(HttpMethod.Get, path));
        Task<HttpStatusCode> Send(string door, HttpClient client, HttpMethod method, string path, object? json)
            => Ask(door, client, new HttpRequestMessage(method, path) { Content = json is null ? null : JsonContent.Create(json) });

        var token = await TokenAsync(colleagueDesk.Http);
        Task<HttpStatusCode> Post(string door, string path, Dictionary<string, string> form)
            => Ask(door, colleagueDesk.Http, new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(new Dictionary<string, string>(form) { ["__RequestVerificationToken"] = token }) });

        async Task<string> kasiSearchAsync()
        {
            using var kasiPage = await app.SignInAsync("kasi");
            return await kasiPage.Http.GetStringAsync("/admin/cari?q=rahasia*");
        }

        var notFound = new List<string>();
        void Expect404(string door, HttpStatusCode status)
        {
            if (status != HttpStatusCode.NotFound)
            {
                notFound.Add($"{door}: {(int)status}");
            }
        }

        foreach (var reporter in new[] { colleague, stranger })
        {
            foreach (var id in unpublished)
            {
                Expect404($"item {id}", await Get("item", reporter, $"/api/v1/items/{id}"));
                Expect404("history/verify", await Get("history", reporter, $"/api/v1/items/{id}/history/verify"));
                Expect404("captions", await Get("captions", reporter, $"/api/v1/items/{id}/captions"));
                Expect404("archive sheet", await Get("sheet", reporter, $"/api/v1/items/{id}/archive-sheet.pdf"));
                Expect404("edit", await Send("edit", reporter, HttpMethod.Put, $"/api/v1/items/{id}", new { title = "Diubah", lead = "T.", body = "I.", category = "umum" }));
                Expect404("caption change", await Send("caption change", reporter, HttpMethod.Put, $"/api/v1/items/{id}/captions/facebook", new { text = "x" }));
                foreach (var action in new[] { "submit", "approve", "return", "reject", "assign", "correction" })
                {
                    Expect404(action, await Send(action, reporter, HttpMethod.Post, $"/api/v1/items/{id}/{action}", new { note = "Catatan." }));
                }

                Expect404("schedule", await Send("schedule", reporter, HttpMethod.Post, $"/api/v1/items/{id}/schedule", new { publishAt = DateTimeOffset.UtcNow.AddDays(3) }));
                using var upload = new MultipartFormDataContent { { new ByteArrayContent(Api.Jpeg(64, 64)), "file", "x.jpg" } };
                Expect404("upload", await Ask("upload", reporter, new HttpRequestMessage(HttpMethod.Post, $"/api/v1/items/{id}/media") { Content = upload }));
            }

            // The published item mid-correction: its public shape, with the published text, not the correction's.
            var shown = await reporter.GetAsync($"/api/v1/items/{published}");
            Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
            var text = await shown.Content.ReadAsStringAsync();
            answers.Add(("published item", shown.StatusCode, text));
            Assert.Contains("Jembatan Raya diresmikan", text, StringComparison.Ordinal);
            Assert.DoesNotContain("\"history\"", text, StringComparison.Ordinal);
            Expect404("published: history/verify", await Get("history", reporter, $"/api/v1/items/{published}/history/verify"));
            Expect404("published: archive sheet", await Get("sheet", reporter, $"/api/v1/items/{published}/archive-sheet.pdf"));
            Expect404("published: captions", await Get("captions", reporter, $"/api/v1/items/{published}/captions"));
            Expect404("photo focus", await Send("focus", reporter, HttpMethod.Put, $"/api/v1/media/{photo}/focus", new { x = 0.5, y = 0.5 }));

            // Lists, desk, inbox and search carry nothing of it: no hit, no snippet, no facet value.
            await Get("list", reporter, "/api/v1/items");
            await Get("desk", reporter, "/api/v1/desk");
            await Get("inbox", reporter, "/api/v1/inbox");
            foreach (var word in secret.Used)
            {
                var found = await SearchTests.SearchAsync(reporter, $"?q={word}");
                answers.Add(("search " + word, HttpStatusCode.OK, found.ToString()));
                Assert.True(found.GetProperty("total").GetInt32() == 0, $"the search for {word} found {found}");
            }

            await Get("search all", reporter, "/api/v1/search?pageSize=100");
            await Get("search outlet", reporter, $"/api/v1/search?outlet={secret.Word("Koran")}");
        }

        // The files: originals, documents and renditions of unpublished photos, for the colleague and for strangers.
        foreach (var client in new[] { colleagueDesk.Http, anonymous })
        {
            foreach (var file in new[] { photo, scan, contract, correctionPhoto, livePhoto })
            {
                Expect404($"original {file}", await Get("original", client, $"/media/{file:N}"));
            }

            foreach (var file in new[] { photo, correctionPhoto })
            {
                foreach (var kind in new[] { "w480.jpg", "w1200.webp", "kecil.jpg", "bagikan.jpg", "instagram.jpg", "facebook.jpg" })
                {
                    Expect404($"rendition {file} {kind}", await Get("rendition", client, $"/media/{file:N}/{kind}"));
                }
            }

            // What is published stays public: the live photo's rendition.
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/media/{livePhoto:N}/w480.jpg")).StatusCode);
        }

        // The desk's pages about the item, and its forms.
        foreach (var id in unpublished.Append(published))
        {
            var pages = id == published ? new[] { "", "/ubah", "/takarir" } : ["", "/ubah", "/foto", "/takarir"];
            foreach (var page in pages)
            {
                Expect404($"page /admin/naskah/{id}{page}", await Get("page", colleagueDesk.Http, $"/admin/naskah/{id}{page}"));
            }
        }

        foreach (var id in unpublished)
        {
            Expect404("form: approve", await Post("form approve", $"/admin/naskah/{id}/alur?handler=Approve", new() { ["Note"] = "x" }));
            Expect404("form: edit", await Post("form edit", $"/admin/naskah/{id}/ubah", new() { ["Form.Title"] = "x" }));
            Expect404("form: upload", await Post("form upload", $"/admin/naskah/{id}/foto", new()));
            Expect404("form: caption", await Post("form caption", $"/admin/naskah/{id}/takarir?handler=Save", new() { ["Channel"] = "facebook", ["Text"] = "x" }));
        }

        Expect404("focus page", await Get("focus", colleagueDesk.Http, $"/admin/media/{photo}/fokus"));
        Expect404("focus form", await Post("focus form", $"/admin/media/{photo}/fokus", new() { ["X"] = "50", ["Y"] = "50" }));
        await Get("desk page", colleagueDesk.Http, "/admin");
        await Get("inbox page", colleagueDesk.Http, "/admin/kotak-masuk");
        await Get("clippings", colleagueDesk.Http, "/admin/kliping?bulan=2026-11");
        await Get("clipping report", colleagueDesk.Http, "/admin/kliping/laporan?dari=2026-01&sampai=2026-12");
        await Get("clipping workbook", colleagueDesk.Http, "/admin/kliping/laporan?handler=Xlsx&dari=2026-01&sampai=2026-12");
        // (By a prefix of every secret word: the page shows the query typed, which must not be a secret word itself.)
        Assert.Contains("Tidak ada naskah yang cocok", await colleagueDesk.Http.GetStringAsync("/admin/cari?q=rahasia*"), StringComparison.Ordinal);
        await Get("search page", colleagueDesk.Http, "/admin/cari?q=rahasia*");
        Assert.Contains(secret.Word("Judul"), await kasiSearchAsync(), StringComparison.Ordinal);
        await Get("search page facets", colleagueDesk.Http, "/admin/cari?type=clipping");

        Assert.True(notFound.Count == 0, "doors that did not answer 404:\n" + string.Join("\n", notFound));
        var leaks = answers.SelectMany(a => secret.Used.Concat(["987654321", "987.654.321"]).Where(w => a.Text.Contains(w, StringComparison.Ordinal)).Select(w => $"{a.Door} ({(int)a.Status}) shows {w}")).ToList();
        Assert.True(leaks.Count == 0, "content leaked:\n" + string.Join("\n", leaks));
        Assert.True(answers.Count > 200, $"only {answers.Count} answers were looked at");

        // The same 404 for another's draft as for no item at all: nothing tells that it exists.
        var hidden = await (await colleague.GetAsync($"/api/v1/items/{draft}")).Content.ReadAsStringAsync();
        var missing = await (await colleague.GetAsync($"/api/v1/items/{Guid.NewGuid()}")).Content.ReadAsStringAsync();
        Assert.Equal(Normalize(missing), Normalize(hidden));

        // The owner sees all of his, the approvers too.
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync($"/api/v1/items/{draft}/history/verify")).StatusCode);
        using var ownerDesk = await app.SignInAsync("reporter");
        Assert.Equal(HttpStatusCode.OK, (await ownerDesk.Http.GetAsync($"/media/{photo:N}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ownerDesk.Http.GetAsync($"/media/{correctionPhoto:N}/w480.jpg")).StatusCode);
        Assert.Contains(secret.Word("IsiRalat"), await owner.GetStringAsync($"/api/v1/items/{published}"), StringComparison.Ordinal);
        using var kasiDesk = await app.SignInAsync("kasi");
        Assert.Equal(HttpStatusCode.OK, (await kasiDesk.Http.GetAsync($"/media/{scan:N}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await kasiDesk.Http.GetAsync($"/admin/naskah/{draft}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await kasi.GetAsync($"/api/v1/items/{published}/archive-sheet.pdf")).StatusCode);
        Assert.Contains(secret.Word("Keterangan"), await kasi.GetStringAsync($"/api/v1/items/{draft}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReporterActingAsPlhKasi_SeesTheItemAwaitingHisStep_AndNothingOnceItMovesOn()
    {
        await using var database = await TestDatabase.SqliteAsync();
        await using var app = await NewsroomApp.StartAsync(database, runJobs: false);
        using var kadis = await app.LoginAsync("kadis");
        using var writer = await app.LoginAsync("reporter3"); // Seksi Komunikasi
        using var plh = await app.LoginAsync("reporter2"); // a reporter of Seksi Media, appointed Plh Kasi of Seksi Komunikasi
        var today = Office.Today();
        await Office.AppointAsync(kadis, "kasi", Office.SeksiKomunikasi, await Office.UserIdAsync(app, "reporter2"), today, today, "800/9/2026");

        var draft = await Api.CreatePressReleaseAsync(writer, "Draf Seksi Komunikasi");
        Assert.Equal(HttpStatusCode.NotFound, (await plh.GetAsync($"/api/v1/items/{draft}")).StatusCode); // not yet his to act on

        Assert.Equal(HttpStatusCode.OK, (await Api.ActAsync(writer, draft, "submit")).StatusCode);
        Assert.True((await Office.DeskAsync(plh)).Lists(draft));
        var shown = await plh.GetFromJsonAsync<JsonElement>($"/api/v1/items/{draft}");
        Assert.Equal("Draf Seksi Komunikasi", shown.GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.OK, (await plh.GetAsync($"/api/v1/items/{draft}/history/verify")).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await Api.ActAsync(plh, draft, "approve")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await plh.GetAsync($"/api/v1/items/{draft}")).StatusCode); // the Kabid's now
    }

    private static string Normalize(string problem) => System.Text.RegularExpressions.Regex.Replace(problem, "\"traceId\":\"[^\"]*\"", "");

    private static async Task<Guid> CreateAsync(HttpClient client, object input)
    {
        var response = await client.PostAsJsonAsync("/api/v1/items", input);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static async Task<Guid> UploadAsync(HttpClient client, Guid itemId, byte[] bytes, string name, string type, string? caption, string? credit)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(type);
        form.Add(file, "file", name);
        if (caption is not null)
        {
            form.Add(new StringContent(caption), "caption");
        }

        if (credit is not null)
        {
            form.Add(new StringContent(credit), "credit");
        }

        var response = await client.PostAsync($"/api/v1/items/{itemId}/media", form);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("mediaId").GetGuid();
    }

    /// <summary>An answer as text: a workbook's cells, otherwise the body as UTF-8.</summary>
    private static async Task<string> TextOfAsync(HttpResponseMessage response)
    {
        var bytes = await response.Content.ReadAsByteArrayAsync();
        if (response.Content.Headers.ContentType?.MediaType?.Contains("spreadsheetml", StringComparison.Ordinal) == true)
        {
            using var workbook = new XLWorkbook(new MemoryStream(bytes));
            return string.Join("\n", workbook.Worksheets.SelectMany(s => s.CellsUsed()).Select(c => c.GetString()));
        }

        return Encoding.UTF8.GetString(bytes);
    }

    private static async Task<string> TokenAsync(HttpClient client)
    {
        var page = await client.GetStringAsync("/akun");
        return System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
    }
}
