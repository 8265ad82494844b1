using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Diskominfo.Newsroom.FunctionalTests;

/// <summary>
/// Path traversal, as the internet tries it: <c>../</c>, <c>%2e%2e</c>, encoded slashes, backslashes, absolute paths and
/// NUL in every route that takes a file or a path segment (originals, documents, renditions, static files, the site's
/// logo and theme, feeds, articles, categories, the archive, the desk's pages about one thing), and in the names of
/// uploaded files (the API, the desk's photo form, the clipping batch). A route answers 404, the same as for nothing at
/// all, and shows nothing of the data folder or the server; an upload is stored inside the data folder under a name the
/// site chose, its bytes kept whole, and the name it is offered under again is a bare file name.
/// </summary>
public sealed class PathTraversalTests
{
    private const string Pdf =
        "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
        + "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n";

    /// <summary>What no answer may hold: a password file, the site's settings, the database, a key, a stack trace.</summary>
    private static readonly string[] NeverShown = ["root:", "SQLite format 3", "ConnectionStrings", "<KeyRing", "<key id=", "BEGIN PRIVATE KEY", "   at ", "Exception"];

    /// <summary>Traversals of one path segment, to put wherever a route takes a name.</summary>
    private static readonly string[] Climbs =
    [
        "..%2F..%2F..%2Fetc%2Fpasswd", "..%2f..%2fnewsroom.db", "%2e%2e%2f%2e%2e%2fnewsroom.db", "%2E%2E%2Fappsettings.json", "..%5C..%5Cnewsroom.db",
        "..%255c..%255cnewsroom.db", "%252e%252e%252fnewsroom.db", "%2Fetc%2Fpasswd", "C:%5CWindows%5Cwin.ini", "....%2F%2F....%2F%2Fnewsroom.db",
        "%c0%ae%c0%ae%c0%afnewsroom.db",
    ];

    [Fact]
    public async Task FileAndPathRoutes_WithTraversals_AnswerNotFoundAndShowNothing()
    {
        await using var database = await TestDatabase.SqliteAsync();
        await using var app = await NewsroomApp.StartAsync(database);
        using var writer = await app.LoginAsync("reporter");
        var item = await Api.CreatePressReleaseAsync(writer, "Foto untuk uji jalur berkas");
        var upload = await Api.UploadAsync(writer, item, Api.Jpeg(800, 600), "foto.jpg", "Foto");
        var media = (await upload.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("mediaId").GetGuid();
        using var admin = await app.SignInAsync("admin");
        using var owner = await app.SignInAsync("reporter");
        using var anonymous = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        // The owner may fetch his photo: the routes work, and what follows is refused for the path alone.
        Assert.Equal(HttpStatusCode.OK, (await owner.Http.GetAsync($"/media/{media:N}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await owner.Http.GetAsync($"/media/{media:N}/w480.jpg")).StatusCode);

        var paths = new List<string>();
        foreach (var climb in Climbs)
        {
            paths.AddRange(
            [
                $"/media/{climb}", $"/media/{media:N}%2F{climb}", $"/media/{media:N}/{climb}", $"/media/{media:N}/w480.{climb}", $"/media/{media:N}/{climb}.jpg",
                $"/_content/Diskominfo.Newsroom.Theme/{climb}", $"/css/{climb}", $"/situs/{climb}", $"/berita/{climb}", $"/kategori/{climb}",
                $"/kategori/{climb}/rss.xml", $"/arsip/{climb}/1", $"/galat/{climb}", $"/admin/pengguna/{climb}", $"/admin/naskah/{climb}/foto",
            ]);
        }

        // Unencoded, the way a careless client sends them (the client and the server resolve the dots: still nothing).
        paths.AddRange(
        [
            "/media/../newsroom.db", "/media/../../../../etc/passwd", $"/media/{media:N}/../../newsroom.db", "/_content/Diskominfo.Newsroom.Theme/../../appsettings.json",
            "/media/..\\..\\newsroom.db", $"/media/{media:N}/w480.jpg\\..\\..\\newsroom.db", "/newsroom.db", "/appsettings.json", "/keys/", "/media/originals/",
            "//etc/passwd", "/media//etc/passwd",
        ]);

        var wrong = new List<string>();
        var asked = 0;
        foreach (var path in paths)
        {
            foreach (var client in new[] { anonymous, admin.Http, owner.Http })
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("http://localhost" + path, UriKind.Absolute));
                using var response = await client.SendAsync(request);
                asked++;
                var body = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync());
                // The accounts page is the admin's: the others are turned away at the door (to sign in, or "not allowed").
                var expected = path.StartsWith("/admin/pengguna/", StringComparison.Ordinal) && client != admin.Http ? HttpStatusCode.Redirect : HttpStatusCode.NotFound;
                if (response.StatusCode != expected)
                {
                    wrong.Add($"{path}: {(int)response.StatusCode}");
                }

                wrong.AddRange(NeverShown.Where(s => body.Contains(s, StringComparison.Ordinal)).Select(s => $"{path}: shows {s}"));
            }
        }

        Assert.True(wrong.Count == 0, $"{wrong.Count} of {asked} answers were not the expected refusal:\n" + string.Join("\n", wrong.Distinct()));
        Assert.Equal(((Climbs.Length * 15) + 12) * 3, asked);

        // The photo is still there, whole.
        Assert.Equal(HttpStatusCode.OK, (await owner.Http.GetAsync($"/media/{media:N}")).StatusCode);
    }

    [Fact]
    public async Task Uploads_WithTraversalFileNames_AreStoredInsideTheDataFolderUnderTheSitesOwnName()
    {
        await using var database = await TestDatabase.SqliteAsync();
        await using var app = await NewsroomApp.StartAsync(database);
        using var writer = await app.LoginAsync("reporter");
        using var desk = await app.SignInAsync("reporter");
        var names = new[]
        {
            "../../../../etc/passwd", "..\\..\\..\\Windows\\win.ini", "%2e%2e%2f%2e%2e%2fjahat", "/etc/cron.d/jahat", "C:\\Windows\\System32\\jahat", "....//....//jahat",
            "..", "./.htaccess", "foto\0.php", "media/originals/../../newsroom.db", "\\\\server\\share\\jahat",
        };
        var outside = Path.GetDirectoryName(app.DataDir)!;
        static bool Planted(string path) => Path.GetFileName(path) is "passwd" or "win.ini" or ".htaccess" or "newsroom.db" || path.Contains("jahat", StringComparison.Ordinal);

        // Photos through the API and the desk's form, PDF scans to a clipping: each taken, none under the name given.
        var release = await Api.CreatePressReleaseAsync(writer, "Foto dengan nama berbahaya");
        var clipping = await CreateAsync(writer, new
        {
            type = "clipping", title = "Kliping dengan pindaian bernama jahat", outlet = "Koran Raya", mediaType = "koran", editionDate = "2026-11-20", tone = "netral",
        });
        var stored = new List<(Guid Media, byte[] Bytes, string Name)>();
        var hostile = 0;
        foreach (var name in names)
        {
            var photo = Api.Jpeg(320 + hostile, 240);
            stored.Add((await UploadRawAsync(writer, release, photo, name + ".jpg", "image/jpeg"), photo, name + ".jpg"));
            var pdf = Encoding.Latin1.GetBytes(Pdf + "% " + hostile + "\n");
            stored.Add((await UploadRawAsync(writer, clipping, pdf, name + ".pdf", "application/pdf"), pdf, name + ".pdf"));
            hostile += 2;
        }

        foreach (var name in names.Take(4))
        {
            var token = Regex.Match(await desk.Http.GetStringAsync($"/admin/naskah/{release}/foto"), "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
            using var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" }, { new StringContent("Foto"), "caption" } };
            var file = new ByteArrayContent(Api.Jpeg(300, 200));
            file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
            form.Add(file, "file", name + ".jpg");
            var response = await desk.Http.PostAsync($"/admin/naskah/{release}/foto", form);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{name}: {(int)response.StatusCode}");
            hostile++;
        }

        // The clipping batch names drafts after the files: the name is only text in a title.
        var batchPage = await desk.Http.GetStringAsync("/admin/kliping/unggah");
        var batchToken = Regex.Match(batchPage, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        using (var batch = new MultipartFormDataContent
        {
            { new StringContent(batchToken), "__RequestVerificationToken" }, { new StringContent("Koran Raya"), "Outlet" }, { new StringContent("koran"), "MediaType" },
            { new StringContent("2026-11-20"), "EditionDate" }, { new StringContent("netral"), "Tone" },
        })
        {
            foreach (var name in new[] { "../../../../tmp/jahat.pdf", "..\\..\\jahat.pdf" })
            {
                var scan = new ByteArrayContent(Encoding.Latin1.GetBytes(Pdf));
                scan.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
                batch.Add(scan, "Berkas", name);
                hostile++;
            }

            var response = await desk.Http.PostAsync("/admin/kliping/unggah", batch);
            var html = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {html}");
            Assert.Contains("2 dari 2 pindaian tersimpan", html, StringComparison.Ordinal);
        }

        // Inside the data folder only: originals under media/originals/yyyy/MM/, named by the site; nothing new beside the folder.
        Assert.DoesNotContain(Directory.EnumerateFileSystemEntries(outside), Planted);
        Assert.False(File.Exists("/etc/cron.d/jahat.jpg") || File.Exists("/tmp/jahat.pdf"));
        var originals = Path.Combine(app.DataDir, "media", "originals");
        var files = Directory.EnumerateFiles(app.DataDir, "*", SearchOption.AllDirectories).Where(f => f.StartsWith(originals, StringComparison.Ordinal)).ToList();
        Assert.Equal((names.Length * 2) + 4 + 2, files.Count);
        Assert.All(files, f => Assert.Matches(@"/media/originals/\d{4}/\d{2}/[0-9a-f]{32}\.(jpg|png|webp|pdf)$", f));
        Assert.DoesNotContain(Directory.EnumerateFileSystemEntries(app.DataDir, "*", SearchOption.AllDirectories),
            f => Planted(f) && f != Path.Combine(app.DataDir, "newsroom.db"));

        // Nothing lost: each file comes back whole, offered under a bare name.
        foreach (var (media, bytes, name) in stored)
        {
            var response = await desk.Http.GetAsync($"/media/{media:N}");
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{name}: {(int)response.StatusCode}");
            Assert.Equal(SHA256.HashData(bytes), SHA256.HashData(await response.Content.ReadAsByteArrayAsync()));
            if (response.Content.Headers.ContentDisposition is { } disposition)
            {
                var offered = disposition.FileNameStar ?? disposition.FileName!.Trim('"');
                Assert.True(offered.IndexOfAny(['/', '\\', '\0']) < 0 && !offered.StartsWith("..", StringComparison.Ordinal) && offered.EndsWith(".pdf", StringComparison.Ordinal),
                    $"{name} is offered as {offered}");
            }
        }

        Assert.Equal(names.Length * 2 + 4 + 2, hostile);
    }

    /// <summary>
    /// What the in-memory server cannot carry, on the real server (Kestrel), written byte for byte on the socket: a NUL in
    /// the path, raw backslashes and dots no client cleaned up, a request target that is no path at all.
    /// </summary>
    [Fact]
    public async Task RawRequestTargets_OnTheRealServer_AreRefusedOrFindNothing()
    {
        await using var database = await TestDatabase.SqliteAsync();
        await using var app = await NewsroomApp.StartAsync(database, runJobs: false, kestrel: true);
        var media = Guid.NewGuid().ToString("N");
        var targets = new (string Target, HttpStatusCode Expected)[]
        {
            ("/media/%00", HttpStatusCode.BadRequest), ($"/media/{media}%00", HttpStatusCode.BadRequest), ($"/media/{media}/w480.jpg%00.png", HttpStatusCode.BadRequest),
            ("/berita/x%00.html", HttpStatusCode.BadRequest), ("/_content/Diskominfo.Newsroom.Theme/%00", HttpStatusCode.BadRequest),
            ("../../../../etc/passwd", HttpStatusCode.BadRequest), ("..\\..\\newsroom.db", HttpStatusCode.BadRequest),
            ("/media/../newsroom.db", HttpStatusCode.NotFound), ("/media/../../../../etc/passwd", HttpStatusCode.NotFound), ("/../../appsettings.json", HttpStatusCode.NotFound),
            ("/media/..\\..\\newsroom.db", HttpStatusCode.NotFound), ($"/media/{media}/..\\..\\..\\newsroom.db", HttpStatusCode.NotFound),
            ("/_content/Diskominfo.Newsroom.Theme/..\\..\\appsettings.json", HttpStatusCode.NotFound), ("/css/..%2F..%2Fappsettings.json", HttpStatusCode.NotFound),
            ("/media/%2e%2e/%2e%2e/newsroom.db", HttpStatusCode.NotFound), ("/kategori/..%5C..%5Cnewsroom.db/rss.xml", HttpStatusCode.NotFound),
        };
        var wrong = new List<string>();
        foreach (var (target, expected) in targets)
        {
            var (status, body) = await RawGetAsync(app.BaseAddress, target);
            if (status != (int)expected)
            {
                wrong.Add($"{target}: {status}, expected {(int)expected}");
            }

            wrong.AddRange(NeverShown.Where(s => body.Contains(s, StringComparison.Ordinal)).Select(s => $"{target}: shows {s}"));
        }

        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
        Assert.Equal(16, targets.Length);
    }

    private static async Task<(int Status, string Body)> RawGetAsync(Uri site, string target)
    {
        using var tcp = new System.Net.Sockets.TcpClient();
        await tcp.ConnectAsync(site.Host, site.Port);
        await using var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.Latin1.GetBytes($"GET {target} HTTP/1.1\r\nHost: {site.Authority}\r\nConnection: close\r\n\r\n"));
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var answer = await reader.ReadToEndAsync();
        var status = Regex.Match(answer, @"^HTTP/1\.1 (\d{3})");
        Assert.True(status.Success, $"{target}: no status line in {answer}");
        return (int.Parse(status.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), answer);
    }

    private static async Task<Guid> CreateAsync(HttpClient client, object input)
    {
        var response = await client.PostAsJsonAsync("/api/v1/items", input);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>A multipart upload written by hand, so that the file name goes out as typed (NUL and all).</summary>
    private static async Task<Guid> UploadRawAsync(HttpClient client, Guid itemId, byte[] bytes, string name, string type)
    {
        const string Boundary = "batas-uji-jalur";
        using var body = new MemoryStream();
        body.Write(Encoding.UTF8.GetBytes($"--{Boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name.Replace("\"", "%22", StringComparison.Ordinal)}\"\r\nContent-Type: {type}\r\n\r\n"));
        body.Write(bytes);
        body.Write(Encoding.UTF8.GetBytes($"\r\n--{Boundary}--\r\n"));
        using var content = new ByteArrayContent(body.ToArray());
        content.Headers.ContentType = MediaTypeHeaderValue.Parse($"multipart/form-data; boundary={Boundary}");
        var response = await client.PostAsync($"/api/v1/items/{itemId}/media", content);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{name}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("mediaId").GetGuid();
    }
}
