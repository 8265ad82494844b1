using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Diskominfo.Newsroom.Abstractions.Media;
using Diskominfo.Newsroom.Infrastructure.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Diskominfo.Newsroom.FunctionalTests;

/// <summary>
/// Oversized and malformed input is refused before the work it would cost: bodies over their endpoint's limit with
/// and without a length (413, nothing saved), a batch over its count, text fields over their length (400 per field,
/// on PostgreSQL too, where a column would overflow), malformed JSON (400, never 500), and OCR and PDF work bounded
/// in number and time.
/// </summary>
public sealed class OversizedInputTests
{
    private static readonly Dictionary<string, string?> SmallUploads = new() { ["Newsroom:Media:MaxBytes"] = "200000" };

    [Fact]
    public async Task PhotoUpload_BodyOverTheLimitWithContentLength_413BeforeItIsRead_DraftKept()
    {
        await using var database = await TestDatabase.SqliteAsync();
        await using var app = await NewsroomApp.StartAsync(database, runJobs: false, extraSettings: SmallUploads, services: TestBodyMeter.AddTo);
        var meter = app.Services.GetRequiredService<TestBodyMeter>();
        using var reporter = await app.LoginAsync("reporter");
        var id = await Api.CreatePressReleaseAsync(reporter);
        Assert.Equal(HttpStatusCode.Created, (await Api.UploadAsync(reporter, id, Api.Jpeg(400, 300), "baik.jpg")).StatusCode);

        // The endpoint takes the file limit plus 1 MB of form; 8 MB announced is refused on its header alone.
        using var body = new LargeMultipart(8 * 1024 * 1024, sendLength: true);
        var response = await reporter.PostAsync($"/api/v1/items/{id}/media", body);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("terlalu besar", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("MB", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, meter.LastRead);
        var item = await Api.GetAsync(reporter, id);
        Assert.Equal(1, item.GetProperty("photos").GetArrayLength());
        Assert.Equal("Bupati Resmikan Jembatan Raya", item.GetProperty("title").GetString());
    }

    [Fact]
    public async Task PhotoUpload_ChunkedBodyOverTheLimit_CutAt413_DraftKept()
    {
        await using var database = await TestDatabase.SqliteAsync();
        await using var app = await NewsroomApp.StartAsync(database, runJobs: false, extraSettings: SmallUploads, services: TestBodyMeter.AddTo);
        var meter = app.Services.GetRequiredService<TestBodyMeter>();
        using var reporter = await app.LoginAsync("reporter");
        var id = await Api.CreatePressReleaseAsync(reporter);

        using var body = new LargeMultipart(8 * 1024 * 1024, sendLength: false);
        using var streaming = Unbuffered(app, reporter);
        var response = await streaming.PostAsync($"/api/v1/items/{id}/media", body);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("terlalu besar", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.InRange(meter.LastRead, 1, 200_000 + (1024 * 1024) + (64 * 1024)); // cut at the limit, not read to the end
        Assert.Equal(0, (await Api.GetAsync(reporter, id)).GetProperty("photos").GetArrayLength());

        // Within the request limit but over the file limit: cut at the file's limit and said of the file, nothing kept.
        var big = await Api.UploadAsync(reporter, id, new byte[300_000], "besar.jpg");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, big.StatusCode);
        Assert.Contains("paling besar 195 KB per berkas", (await big.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.InRange(meter.LastRead, 200_000, 200_000 + (64 * 1024));
        Assert.Equal(0, (await Api.GetAsync(reporter, id)).GetProperty("photos").GetArrayLength());
    }

    [Fact]
    public async Task DeskUploadPage_BodyOverTheLimit_413PageInIndonesian_DraftKept()
    {
        await using var database = await TestDatabase.SqliteAsync();
        await using var app = await NewsroomApp.StartAsync(database, runJobs: false, services: TestBodyMeter.AddTo);
        var meter = app.Services.GetRequiredService<TestBodyMeter>();
        using var reporter = await app.LoginAsync("reporter");
        var id = await Api.CreatePressReleaseAsync(reporter);
        using var desk = await app.SignInAsync("reporter");
        var token = Token(await desk.Http.GetStringAsync($"/admin/naskah/{id}/foto"));

        // The page takes 25 MB and its form: 40 MB announced is refused at once, with the page's explanation.
        using var body = new LargeMultipart(40L * 1024 * 1024, sendLength: true, fileField: "File", fields: new Dictionary<string, string> { ["__RequestVerificationToken"] = token });
        var response = await desk.Http.PostAsync($"/admin/naskah/{id}/foto", body);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Berkas terlalu besar", html, StringComparison.Ordinal);
        Assert.Contains("paling besar 26 MB", html, StringComparison.Ordinal);
        Assert.Equal(0, meter.LastRead);
        Assert.Equal(0, (await Api.GetAsync(reporter, id)).GetProperty("photos").GetArrayLength());
    }

    [Fact]
    public async Task ClippingBatch_41Files_RefusedBeforeAnyDraft_AndABatchOverItsTotal413()
    {
        await using var database = await TestDatabase.SqliteAsync();
        await using var app = await NewsroomApp.StartAsync(database, runJobs: false, services: TestBodyMeter.AddTo);
        var meter = app.Services.GetRequiredService<TestBodyMeter>();
        using var reporter = await app.LoginAsync("reporter");
        using var desk = await app.SignInAsync("reporter");
        var token = Token(await desk.Http.GetStringAsync("/admin/kliping/unggah"));
        var before = (await reporter.GetFromJsonAsync<JsonElement>("/api/v1/items")).GetArrayLength();

        using var batch = BatchForm(token);
        var jpeg = Api.Jpeg(200, 150);
        for (var i = 1; i <= 41; i++)
        {
            var file = new ByteArrayContent(jpeg);
            file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
            batch.Add(file, "Berkas", $"halaman-{i}.jpg");
        }

        var refused = await desk.Http.PostAsync("/admin/kliping/unggah", batch);
        Assert.True(refused.StatusCode == HttpStatusCode.BadRequest, $"{refused.StatusCode}: {await refused.Content.ReadAsStringAsync()}");
        Assert.Contains("Paling banyak 40 pindaian", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, (await reporter.GetFromJsonAsync<JsonElement>("/api/v1/items")).GetArrayLength());

        // Far more files than a form may hold: refused while the form is read, before the page runs.
        using var flood = BatchForm(token);
        for (var i = 1; i <= 100; i++)
        {
            flood.Add(new ByteArrayContent([0xFF, 0xD8, 0xFF]), "Berkas", $"h{i}.jpg");
        }

        var flooded = await desk.Http.PostAsync("/admin/kliping/unggah", flood);
        Assert.Equal(HttpStatusCode.BadRequest, flooded.StatusCode);
        Assert.Contains("terlalu banyak isian atau berkas", await flooded.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Over the batch's total (200 MB), announced: refused on the header, nothing read, nothing saved.
        using var huge = new LargeMultipart(300L * 1024 * 1024, sendLength: true, fileField: "Berkas", fields: new Dictionary<string, string> { ["__RequestVerificationToken"] = token });
        var tooLarge = await desk.Http.PostAsync("/admin/kliping/unggah", huge);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        Assert.Contains("paling besar 201 MB", await tooLarge.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, meter.LastRead);
        Assert.Equal(before, (await reporter.GetFromJsonAsync<JsonElement>("/api/v1/items")).GetArrayLength());
    }

    [Fact]
    public async Task TextFields_OverTheirLength_400PerField_Sqlite() => await TextFieldsAsync(TestDatabase.SqliteAsync);

    [Fact]
    public async Task TextFields_OverTheirLength_400PerField_Postgres() => await TextFieldsAsync(TestDatabase.PostgresAsync);

    private static async Task TextFieldsAsync(Func<Task<TestDatabase>> databaseFactory)
    {
        await using var database = await databaseFactory();
        await using var app = await NewsroomApp.StartAsync(database, runJobs: false);
        using var reporter = await app.LoginAsync("reporter");
        using var kasi = await app.LoginAsync("kasi");
        using var operatorClient = await app.LoginAsync("operator");
        var before = (await reporter.GetFromJsonAsync<JsonElement>("/api/v1/items")).GetArrayLength();

        async Task<JsonElement> RefusedAsync(HttpResponseMessage response)
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        }

        var release = await RefusedAsync(await reporter.PostAsJsonAsync("/api/v1/items", new
        {
            type = "press-release", title = new string('j', 301), lead = new string('l', 1001), body = new string('b', 100_001),
            category = new string('k', 5000), eventPlace = new string('t', 201), videoUrl = "https://video.example/" + new string('v', 500),
        }));
        foreach (var field in new[] { "title", "lead", "body", "category", "eventPlace", "videoUrl" })
        {
            Assert.True(release.TryGetProperty(field, out var messages), $"no error for {field}: {release}");
            Assert.True(messages[0].GetString()!.Length < 300, $"{field}: the refusal repeats what was sent");
        }

        var clipping = await RefusedAsync(await reporter.PostAsJsonAsync("/api/v1/items", new
        {
            type = "clipping", title = "Kliping", outlet = new string('o', 201), mediaType = "koran", editionDate = "2026-11-20", tone = "netral",
            page = new string('1', 21), headline = new string('h', 301), text = new string('x', 100_001), topics = Enumerable.Repeat("topik", 21).ToArray(),
        }));
        foreach (var field in new[] { "outlet", "page", "headline", "text", "topics" })
        {
            Assert.True(clipping.TryGetProperty(field, out _), $"no error for {field}: {clipping}");
        }

        var longTopic = await RefusedAsync(await reporter.PostAsJsonAsync("/api/v1/items", new
        {
            type = "clipping", title = "Kliping", outlet = "Radar Raya", mediaType = "koran", editionDate = "2026-11-20", tone = "netral", topics = new[] { new string('t', 61) },
        }));
        Assert.Contains("60 karakter", longTopic.GetProperty("topics")[0].GetString(), StringComparison.Ordinal);

        var adventorial = await RefusedAsync(await kasi.PostAsJsonAsync("/api/v1/items", new
        {
            type = "adventorial", title = "Adventorial", lead = "Teras.", body = "Isi.", category = "pembangunan", outlet = "Majalah Raya",
            budgetLine = new string('d', 201), hspkReference = new string('h', 201), contractNumber = new string('c', 101),
        }));
        foreach (var field in new[] { "budgetLine", "hspkReference", "contractNumber" })
        {
            Assert.True(adventorial.TryGetProperty(field, out _), $"no error for {field}: {adventorial}");
        }

        Assert.Equal(before, (await reporter.GetFromJsonAsync<JsonElement>("/api/v1/items")).GetArrayLength());

        // An approver's note, an operator's caption: said per field, the item unchanged.
        var id = await Api.CreatePressReleaseAsync(reporter);
        Assert.Equal(HttpStatusCode.OK, (await Api.ActAsync(reporter, id, "submit")).StatusCode);
        Assert.Contains("2000 karakter", (await RefusedAsync(await Api.ActAsync(kasi, id, "return", new string('n', 2001)))).GetProperty("note")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("5000 karakter", (await RefusedAsync(await operatorClient.PutAsJsonAsync($"/api/v1/items/{id}/captions/facebook", new { text = new string('f', 5001) })))
            .GetProperty("text")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal("submitted", (await Api.GetAsync(reporter, id)).GetProperty("status").GetString());

        // A long note within its limit goes through, though the inbox keeps only the first thousand characters of it.
        Assert.Equal(HttpStatusCode.OK, (await Api.ActAsync(kasi, id, "return", "Mohon diperbaiki: " + new string('n', 1900))).StatusCode);
        Assert.Equal("returned", (await Api.GetAsync(reporter, id)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task JsonBodies_TooLargeOrMalformed_413Or400_Never500()
    {
        await using var database = await TestDatabase.SqliteAsync();
        await using var app = await NewsroomApp.StartAsync(database, runJobs: false);
        using var reporter = await app.LoginAsync("reporter");
        var huge = "{\"type\":\"clipping\",\"title\":\"" + new string('x', 3 * 1024 * 1024) + "\"}";

        using (var announced = new StringContent(huge, Encoding.UTF8, "application/json"))
        {
            var response = await reporter.PostAsync("/api/v1/items", announced);
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
            Assert.Contains("paling besar 2 MB", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        using (var chunked = new StreamContent(new NonSeekableStream(Encoding.UTF8.GetBytes(huge))))
        {
            chunked.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using var streaming = Unbuffered(app, reporter);
            var response = await streaming.PostAsync("/api/v1/items", chunked);
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
            Assert.Contains("paling besar 2 MB", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        foreach (var malformed in new[] { "{\"type\":\"clipping\",", "[1,2,3]", "{\"title\": 5, \"type\": []}", "\u0000\u0001", "{\"type\":\"clipping\",\"editionDate\":\"2026-13-45\"}" })
        {
            using var content = new StringContent(malformed, Encoding.UTF8, "application/json");
            var response = await reporter.PostAsync("/api/v1/items", content);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains("tidak dapat dibaca", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Ocr_ASlowPage_KilledAtItsTimeLimit_AndPagesReadOneAtATime()
    {
        var tools = Directory.CreateTempSubdirectory("newsroom-fake-tesseract-").FullName;
        var script = FakeTesseract(tools);
        await using var database = await TestDatabase.SqliteAsync();
        await using var app = await NewsroomApp.StartAsync(database, runJobs: false, extraSettings: new Dictionary<string, string?>
        {
            ["Newsroom:Ocr:Command"] = script,
            ["Newsroom:Ocr:Timeout"] = "00:00:01",
            ["Newsroom:Ocr:Workers"] = "1",
        });
        using var reporter = await app.LoginAsync("reporter");
        var media = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            var id = await SearchTests.ClippingAsync(reporter, $"Kliping {i}", "Radar Raya", "koran", "netral", "Teks.");
            var upload = await Api.UploadAsync(reporter, id, Api.Jpeg(300, 200), $"pindaian{i}.jpg");
            media.Add((await upload.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("mediaId").GetGuid());
        }

        var clock = Stopwatch.StartNew();
        var texts = await Task.WhenAll(media.Select(async mediaId =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            var recognizer = scope.ServiceProvider.GetRequiredService<ITextRecognizer>();
            Assert.True(recognizer.IsAvailable);
            return await recognizer.RecognizeAsync(mediaId, CancellationToken.None);
        }));
        clock.Stop();

        // Each page gave up at its second, none at once with another: three seconds in all, not one, not thirty.
        Assert.All(texts, Assert.Null);
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(2.7), TimeSpan.FromSeconds(25));
        var starts = File.ReadAllLines(Path.Combine(tools, "starts")).Select(l => double.Parse(l, System.Globalization.CultureInfo.InvariantCulture)).Order().ToList();
        Assert.Equal(3, starts.Count);
        Assert.All(starts.Zip(starts.Skip(1)), pair => Assert.True(pair.Second - pair.First > 0.9, $"two pages at once: {string.Join(", ", starts)}"));

        // Killed with its children: no tesseract (nor its sleep) is left running.
        foreach (var pid in File.ReadAllLines(Path.Combine(tools, "pids")).Select(int.Parse))
        {
            Assert.False(Directory.Exists($"/proc/{pid}") && !File.ReadAllText($"/proc/{pid}/stat").Contains(") Z ", StringComparison.Ordinal), $"process {pid} still runs");
        }

        Directory.Delete(tools, recursive: true);
    }

    [Fact]
    public async Task OcrQueue_Full_ABatchIsSavedWithoutOcr_AndSaysSo()
    {
        var tools = Directory.CreateTempSubdirectory("newsroom-fake-tesseract-").FullName;
        await using var database = await TestDatabase.SqliteAsync();

        // No job server: what is queued stays queued, so the queue fills.
        await using var app = await NewsroomApp.StartAsync(database, runJobs: false, extraSettings: new Dictionary<string, string?>
        {
            ["Newsroom:Ocr:Command"] = FakeTesseract(tools),
            ["Newsroom:Ocr:QueueLimit"] = "1",
        });
        using var desk = await app.SignInAsync("reporter");
        var token = Token(await desk.Http.GetStringAsync("/admin/kliping/unggah"));
        using var batch = BatchForm(token);
        for (var i = 1; i <= 3; i++)
        {
            var file = new ByteArrayContent(Api.Jpeg(300, 200));
            file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
            batch.Add(file, "Berkas", $"halaman-{i}.jpg");
        }

        var response = await desk.Http.PostAsync("/admin/kliping/unggah", batch);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("3 dari 3 pindaian tersimpan", html, StringComparison.Ordinal);
        Assert.Equal(1, Regex.Count(html, "teks sedang dikenali"));
        Assert.Equal(2, Regex.Count(html, "antrean pengenalan teks \\(OCR\\) sedang penuh"));
        Directory.Delete(tools, recursive: true);
    }

    [Fact]
    public async Task BoundedWork_ForPdfRendering_RefusesBeyondItsLine_AndAnswersAtItsTimeLimit()
    {
        using var work = new BoundedWork(concurrency: 1, queueLimit: 0, timeLimit: TimeSpan.FromMilliseconds(300));
        using var release = new ManualResetEventSlim();
        var first = work.RunAsync(() => release.Wait(TimeSpan.FromSeconds(30)), "Sibuk.", CancellationToken.None);

        // One at a time and nobody waiting: a second is refused at once.
        await Assert.ThrowsAsync<ServerBusyException>(() => work.RunAsync(() => true, "Sibuk.", CancellationToken.None));

        // The first passes its time limit: answered busy, while it still holds its slot until it ends.
        Assert.Equal("Sibuk.", (await Assert.ThrowsAsync<ServerBusyException>(() => first)).Message);
        await Assert.ThrowsAsync<ServerBusyException>(() => work.RunAsync(() => true, "Sibuk.", CancellationToken.None));
        release.Set();
        var done = false;
        for (var i = 0; i < 50 && !done; i++)
        {
            await Task.Delay(50);
            try
            {
                done = await work.RunAsync(() => true, "Sibuk.", CancellationToken.None);
            }
            catch (ServerBusyException)
            {
            }
        }

        Assert.True(done);
    }

    /// <summary>
    /// A client with <paramref name="signedIn"/>'s token that sends a body as it comes: the factory's own clients buffer
    /// a body (to send it again on a redirect) and so always give it a length.
    /// </summary>
    private static HttpClient Unbuffered(NewsroomApp app, HttpClient signedIn)
    {
        var client = new HttpClient(app.Server.CreateHandler()) { BaseAddress = app.Server.BaseAddress };
        client.DefaultRequestHeaders.Authorization = signedIn.DefaultRequestHeaders.Authorization;
        return client;
    }

    private static string Token(string html)
        => Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;

    private static MultipartFormDataContent BatchForm(string token) => new()
    {
        { new StringContent(token), "__RequestVerificationToken" },
        { new StringContent("Harian Suara Raya"), "Outlet" },
        { new StringContent("koran"), "MediaType" },
        { new StringContent("2026-11-20"), "EditionDate" },
        { new StringContent("netral"), "Tone" },
    };

    /// <summary>A tesseract that knows Indonesian and then takes thirty seconds (in a child process) for any page.</summary>
    private static string FakeTesseract(string directory)
    {
        var script = Path.Combine(directory, "tesseract");
        File.WriteAllText(script, $"""
            #!/bin/sh
            if [ "$1" = "--list-langs" ]; then echo "List of available languages (2):"; echo eng; echo ind; exit 0; fi
            date +%s.%N >> "{directory}/starts"
            echo $$ >> "{directory}/pids"
            sleep 30 &
            echo $! >> "{directory}/pids"
            wait
            echo "tidak pernah"
            """.Replace("\r\n", "\n", StringComparison.Ordinal));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return script;
    }

    /// <summary>A body whose length is not known in advance: sent chunked.</summary>
    private sealed class NonSeekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
