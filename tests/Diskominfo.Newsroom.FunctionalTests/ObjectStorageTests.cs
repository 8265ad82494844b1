using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Diskominfo.Newsroom.Harness;
using NetVips;

namespace Diskominfo.Newsroom.FunctionalTests;

/// <summary>
/// The files in an S3-compatible object store (issue 17 §1, <c>Newsroom:Storage:Provider=S3</c>), against a real
/// <c>s3rver</c> started for each test and looked at behind the site's back with AWSSDK.S3: originals, renditions made
/// once, resumable uploads whose pieces reach two nodes, letters, clipping scans read by tesseract, deletion, a backup
/// and its restore into another bucket, and a start refused on bad settings.
/// </summary>
public sealed class ObjectStorageTests
{
    private static readonly byte[] Pdf = Encoding.Latin1.GetBytes(DocumentTests.MinimalPdf);

    [Fact]
    public async Task Photo_OriginalInTheBucketNotOnDisk_RenditionsMadeOnceAndServed_RangesAndTags_DeleteRemovesTheObject()
    {
        await using var s3 = await ObjectStore.StartAsync();
        await using var database = await TestDatabase.SqliteAsync();
        await using var app = await NewsroomApp.StartAsync(database, extraSettings: Settings(s3));
        using var reporter = await app.LoginAsync("reporter");
        using var bucket = Client(s3);
        var item = await Api.CreatePressReleaseAsync(reporter, title: "Jembatan Gantung Desa Raya Diresmikan");
        var photo = Api.Jpeg(1600, 900);
        var upload = await Api.UploadAsync(reporter, item, photo, "jembatan.jpg");
        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        var media = (await upload.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("mediaId").GetGuid();

        // The original is an object under the data folder's layout, and nowhere in the data folder.
        var originalKey = Assert.Single(await KeysAsync(bucket, s3, "media/originals/"));
        Assert.Matches($"^media/originals/\\d{{4}}/\\d{{2}}/{media:N}\\.jpg$", originalKey);
        Assert.Equal(Sha(photo), Sha(await ObjectAsync(bucket, s3, originalKey)));
        Assert.False(Directory.Exists(Path.Combine(app.DataDir, "media")), "the original was written to the data folder");

        // Served to staff whole, by ranges, with its tag; this node keeps a copy in its cache.
        var original = await reporter.GetAsync($"/media/{media:N}");
        Assert.Equal(HttpStatusCode.OK, original.StatusCode);
        Assert.Equal(photo, await original.Content.ReadAsByteArrayAsync());
        Assert.Equal($"\"{Sha(photo).ToLowerInvariant()}\"", original.Headers.ETag?.Tag);
        using (var range = new HttpRequestMessage(HttpMethod.Get, $"/media/{media:N}"))
        {
            range.Headers.Range = new RangeHeaderValue(100, 199);
            var part = await reporter.SendAsync(range);
            Assert.Equal(HttpStatusCode.PartialContent, part.StatusCode);
            Assert.Equal(photo.AsSpan(100, 100).ToArray(), await part.Content.ReadAsByteArrayAsync());
        }

        Assert.True(File.Exists(Path.Combine(app.DataDir, "cache", "files", originalKey)), "no node-local copy of the original");

        // Four readers ask for the same rendition at once: one object, the same bytes for all, a real JPEG of the size.
        var renditions = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => reporter.GetAsync($"/media/{media:N}/w480.jpg")));
        Assert.All(renditions, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var bytes = await Task.WhenAll(renditions.Select(r => r.Content.ReadAsByteArrayAsync()));
        Assert.All(bytes, b => Assert.Equal(bytes[0], b));
        using (var image = Image.NewFromBuffer(bytes[0]))
        {
            Assert.Equal((480, 270), (image.Width, image.Height));
            Assert.Equal("jpegload_buffer", (string)image.Get("vips-loader"));
        }

        var webp = await reporter.GetAsync($"/media/{media:N}/w800.webp");
        Assert.Equal("image/webp", webp.Content.Headers.ContentType?.MediaType);
        using (var image = Image.NewFromBuffer(await webp.Content.ReadAsByteArrayAsync()))
        {
            Assert.Equal((800, 450), (image.Width, image.Height));
            Assert.Equal("webpload_buffer", (string)image.Get("vips-loader"));
        }

        var renditionKeys = await KeysAsync(bucket, s3, "media/renditions/");
        var w480 = Assert.Single(renditionKeys, k => k.EndsWith($"{media:N}-w480.jpg", StringComparison.Ordinal));
        Assert.Single(renditionKeys, k => k.EndsWith($"{media:N}-w800.webp", StringComparison.Ordinal));
        Assert.Equal(bytes[0], await ObjectAsync(bucket, s3, w480));
        var made = (await bucket.GetObjectMetadataAsync(s3.Bucket, w480)).LastModified;
        await Task.Delay(1100);
        Assert.Equal(bytes[0], await reporter.GetByteArrayAsync($"/media/{media:N}/w480.jpg"));
        Assert.Equal(made, (await bucket.GetObjectMetadataAsync(s3.Bucket, w480)).LastModified);

        // Deleting the upload removes its object (and this node's copy).
        Assert.Equal(HttpStatusCode.NoContent, (await reporter.DeleteAsync($"/api/v1/items/{item}/media/{media}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await reporter.DeleteAsync($"/api/v1/media/{media}")).StatusCode);
        Assert.Empty(await KeysAsync(bucket, s3, "media/originals/"));
        Assert.False(File.Exists(Path.Combine(app.DataDir, "cache", "files", originalKey)), "the node-local copy outlived the file");
        Assert.Equal(HttpStatusCode.NotFound, (await reporter.GetAsync($"/media/{media:N}")).StatusCode);
    }

    [Fact]
    public async Task ResumableUpload_PiecesAlternatingBetweenTwoNodes_KeptInTheBucket_AssembledWhole()
    {
        await using var s3 = await ObjectStore.StartAsync();
        await using var database = await TestDatabase.PostgresAsync();
        await using var nodeA = await NewsroomApp.StartAsync(database, extraSettings: Settings(s3));

        // Node B: the same database, the same keys (so A's token is valid on B); a data folder of its own would do too.
        var dataB = Directory.CreateTempSubdirectory("newsroom-test-").FullName;
        SiteProcess.CopyFolder(nodeA.DataDir.TrimEnd('/') + "-keys", dataB + "-keys");
        await using var nodeB = await NewsroomApp.StartAsync(database, dataDir: dataB, extraSettings: Settings(s3));
        using var onA = await nodeA.LoginAsync("reporter");
        using var onB = nodeB.CreateClient();
        onB.DefaultRequestHeaders.Authorization = onA.DefaultRequestHeaders.Authorization;
        using var bucket = Client(s3);
        var item = await Api.CreatePressReleaseAsync(onA, "Warga Gotong Royong Membersihkan Sungai");

        var photo = FieldPhotos.Noisy(3 * 1024 * 1024, seed: 17);
        var upload = await TusCreateAsync(onA, item, photo.Length);
        var id = Guid.Parse(upload.Split('/').Last()).ToString("N");
        const int piece = 1024 * 1024;
        Assert.Equal(piece, await TusPatchAsync(onA, upload, 0, photo.AsMemory(0, piece)));

        // The piece is an object of its own; nothing of it is on either node's disk.
        Assert.Single(await KeysAsync(bucket, s3, $"uploads/partial/{id}/"));
        Assert.Single(await KeysAsync(bucket, s3, $"uploads/partial/{id}.json"));
        Assert.False(Directory.Exists(Path.Combine(nodeA.DataDir, "uploads")));
        Assert.False(Directory.Exists(Path.Combine(dataB, "uploads")));

        // Node B knows the offset, refuses a wrong one, and takes the next piece; A the last, which completes it.
        Assert.Equal(piece, await TusHeadAsync(onB, upload));
        using (var wrong = await TusSendPatchAsync(onB, upload, 0, photo.AsMemory(0, 10)))
        {
            Assert.Equal(HttpStatusCode.Conflict, wrong.StatusCode);
        }

        Assert.Equal(2 * piece, await TusPatchAsync(onB, upload, piece, photo.AsMemory(piece, piece)));
        Assert.Equal(2 * piece, await TusHeadAsync(onA, upload));
        using var last = await TusSendPatchAsync(onA, upload, 2 * piece, photo.AsMemory(2 * piece));
        Assert.Equal(HttpStatusCode.NoContent, last.StatusCode);
        Assert.Equal("attached", Header(last, "Upload-Result"));
        var media = Guid.Parse(Header(last, "Upload-Media-Id")!);

        // The pieces are gone, the original is whole in the bucket, and both nodes serve it.
        Assert.Empty(await KeysAsync(bucket, s3, $"uploads/partial/{id}/"));
        var key = Assert.Single(await KeysAsync(bucket, s3, "media/originals/"), k => k.Contains($"{media:N}", StringComparison.Ordinal));
        Assert.Equal(Sha(photo), Sha(await ObjectAsync(bucket, s3, key)));
        Assert.Equal(Sha(photo), Sha(await onB.GetByteArrayAsync($"/media/{media:N}")));
        Assert.Equal(Sha(photo), Sha(await onA.GetByteArrayAsync($"/media/{media:N}")));
        Assert.Equal(HttpStatusCode.OK, (await onB.GetAsync($"/media/{media:N}/kecil.jpg")).StatusCode);
    }

    [Fact]
    public async Task Letter_AndClippingScan_InTheBucket_DownloadedAndReadByTesseract()
    {
        await using var s3 = await ObjectStore.StartAsync();
        await using var database = await TestDatabase.SqliteAsync();
        await using var app = await NewsroomApp.StartAsync(database, extraSettings: Settings(s3));
        using var reporter = await app.LoginAsync("reporter");
        using var bucket = Client(s3);

        // A coordination letter: an object under coordination/letters/, downloaded (never inline) from the store.
        using (var registered = await reporter.PostAsync("/api/v1/activities", Invitation("Rapat koordinasi Hari Jadi", DateTimeOffset.UtcNow.AddDays(2))))
        {
            var body = await registered.Content.ReadAsStringAsync();
            Assert.True(registered.StatusCode == HttpStatusCode.Created, body);
            var activity = JsonDocument.Parse(body).RootElement.GetProperty("id").GetGuid();
            var letter = Assert.Single(await KeysAsync(bucket, s3, "coordination/letters/"));
            Assert.EndsWith($"{activity:N}.pdf", letter, StringComparison.Ordinal);
            Assert.Equal(Pdf, await ObjectAsync(bucket, s3, letter));
            Assert.False(Directory.Exists(Path.Combine(app.DataDir, "coordination")));
            var download = await reporter.GetAsync($"/api/v1/activities/{activity}/letter");
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
            Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync());
            Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        }

        // A clipping's PDF scan: stored in the bucket, rasterised by poppler and read by tesseract from this node's copy.
        if (!File.Exists("/usr/bin/tesseract") || !File.Exists("/usr/bin/pdftoppm"))
        {
            Assert.True(!string.Equals(System.Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase), "tesseract and poppler are required under CI");
            return;
        }

        using var desk = await app.SignInAsync("reporter");
        var form = await desk.Http.GetStringAsync("/admin/kliping/unggah");
        var token = Regex.Match(form, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent("Harian Suara Raya"), "Outlet" },
            { new StringContent("koran"), "MediaType" },
            { new StringContent("2026-11-20"), "EditionDate" },
            { new StringContent("positif"), "Tone" },
        };
        var scan = new ByteArrayContent(ClippingBookTests.OnePagePdf("PEMBANGUNAN JEMBATAN\nGANTUNG DESA RAYA"));
        scan.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        content.Add(scan, "Berkas", "halaman.pdf");
        var batch = await desk.Http.PostAsync("/admin/kliping/unggah", content);
        Assert.Equal(HttpStatusCode.OK, batch.StatusCode);
        var clipping = Guid.Parse(Regex.Match(await batch.Content.ReadAsStringAsync(), "href=\"/admin/naskah/([0-9a-f-]{36})\"").Groups[1].Value);
        Assert.Single(await KeysAsync(bucket, s3, "media/originals/"), k => k.EndsWith(".pdf", StringComparison.Ordinal));
        var deadline = DateTime.UtcNow.AddSeconds(120);
        var text = "";
        while (DateTime.UtcNow < deadline && !text.Contains("JEMBATAN", StringComparison.OrdinalIgnoreCase))
        {
            await Task.Delay(250);
            text = (await Api.GetAsync(reporter, clipping)).GetProperty("clipping").GetProperty("text").GetString() ?? "";
        }

        Assert.Contains("JEMBATAN", text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Backup_CarriesTheBucketsFiles_RestorePutsThemIntoAnEmptyBucket()
    {
        await using var s3 = await ObjectStore.StartAsync();
        await using var database = await TestDatabase.SqliteAsync();
        var backup = BackupWorld.TempPath("newsroom-backup-");
        var second = BackupWorld.TempPath("newsroom-restored-");
        try
        {
            byte[] photo;
            Guid media;
            string key;
            await using (var app = await NewsroomApp.StartAsync(database, extraSettings: Settings(s3)))
            {
                using var reporter = await app.LoginAsync("reporter");
                var item = await Api.CreatePressReleaseAsync(reporter, "Pasar Rakyat Dibuka Kembali");
                photo = Api.Jpeg(1200, 800);
                var upload = await Api.UploadAsync(reporter, item, photo, "pasar.jpg");
                media = (await upload.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("mediaId").GetGuid();
                Assert.Equal(HttpStatusCode.OK, (await reporter.GetAsync($"/media/{media:N}/kecil.jpg")).StatusCode);
                using var bucket = Client(s3);
                key = Assert.Single(await KeysAsync(bucket, s3, "media/originals/"));

                var (exit, text) = await BackupWorld.RunAsync(app.DataDir, WithStore(BackupWorld.Node(app.DataDir, database), s3), "backup", "--to", backup);
                Assert.True(exit == 0, text);
            }

            // The backup holds the original from the bucket under the data folder's layout; no rendition, no cached copy.
            Assert.Equal(Sha(photo).ToLowerInvariant(), BackupWorld.Hashes(Path.Combine(backup, "data"))[key]);
            Assert.DoesNotContain(BackupWorld.Hashes(backup).Keys, k => k.Contains("renditions", StringComparison.Ordinal) || k.StartsWith("data/cache/", StringComparison.Ordinal));

            // Restored onto a fresh node with an empty bucket of its own: the file goes into that bucket, not to the disk.
            await using var s3b = await ObjectStore.StartAsync();
            var restoreEnvironment = WithStore(BackupWorld.Node(second, database, $"Data Source={Path.Combine(second, "newsroom.db")}"), s3b);
            var (restoreExit, restored) = await BackupWorld.RunAsync(second, restoreEnvironment, "restore", "--from", backup);
            Assert.True(restoreExit == 0, restored);
            Assert.Contains("penyimpanan berkas S3", restored, StringComparison.Ordinal);
            using (var bucketB = Client(s3b))
            {
                Assert.Equal(Sha(photo), Sha(await ObjectAsync(bucketB, s3b, key)));
            }

            Assert.False(Directory.Exists(Path.Combine(second, "media")), "the restore wrote the files to the data folder");

            // A second restore into that bucket, now holding the site's files, is refused before anything is written.
            var third = BackupWorld.TempPath("newsroom-restored-");
            var (refusedExit, refused) = await BackupWorld.RunAsync(third, WithStore(BackupWorld.Node(third, database, $"Data Source={Path.Combine(third, "newsroom.db")}"), s3b), "restore", "--from", backup);
            BackupWorld.Delete(third, third + "-keys");
            Assert.True(refusedExit == 1, refused);
            Assert.Contains("sudah memuat berkas situs", refused, StringComparison.Ordinal);

            // The restored node serves the photo from its bucket.
            await using var restoredDatabase = await TestDatabase.SqliteAsync();
            await using var node = await NewsroomApp.StartAsync(restoredDatabase, dataDir: second, extraSettings: Settings(s3b));
            using var staff = await node.LoginAsync("reporter");
            Assert.Equal(photo, await staff.GetByteArrayAsync($"/media/{media:N}"));
        }
        finally
        {
            BackupWorld.Delete(backup, second, second + "-keys");
        }
    }

    [Fact]
    public async Task BadStorageSettings_RefuseToStart_InIndonesian()
    {
        var dataDir = BackupWorld.TempPath("newsroom-refused-");
        try
        {
            await using var database = await TestDatabase.SqliteAsync();
            var node = BackupWorld.Node(dataDir, database);
            node["Newsroom__Storage__Provider"] = "S3";
            node["Newsroom__Storage__S3__ServiceUrl"] = "http://127.0.0.1:9";
            await using (var run = SiteRun.Start(dataDir, node))
            {
                Assert.Equal(1, await run.ExitCodeAsync(TimeSpan.FromMinutes(2)));
                Assert.Contains("Newsroom:Storage:S3:Bucket", run.Output, StringComparison.Ordinal);
                Assert.Contains("Situs tidak dijalankan", run.Output, StringComparison.Ordinal);
            }

            // Complete settings, but nothing answers there.
            node["Newsroom__Storage__S3__Bucket"] = "newsroom";
            node["Newsroom__Storage__S3__AccessKey"] = "x";
            node["Newsroom__Storage__S3__SecretKey"] = "y";
            await using (var run = SiteRun.Start(dataDir, node))
            {
                Assert.Equal(1, await run.ExitCodeAsync(TimeSpan.FromMinutes(2)));
                Assert.Contains("penyimpanan berkas S3 (http://127.0.0.1:9, bucket 'newsroom') tidak dapat dipakai", run.Output, StringComparison.Ordinal);
            }
        }
        finally
        {
            BackupWorld.Delete(dataDir, dataDir + "-keys");
        }
    }

    private static Dictionary<string, string?> Settings(S3Server s3) => s3.SiteSettings().ToDictionary(s => s.Key, s => (string?)s.Value);

    /// <summary>A node's environment with the object store's settings added (as environment variables).</summary>
    private static Dictionary<string, string> WithStore(Dictionary<string, string> node, S3Server s3)
    {
        foreach (var (name, value) in s3.SiteSettings())
        {
            node[name.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        return node;
    }

    private static AmazonS3Client Client(S3Server s3) => new(
        new BasicAWSCredentials(S3Server.AccessKey, S3Server.SecretKey),
        new AmazonS3Config
        {
            ServiceURL = s3.ServiceUrl.ToString().TrimEnd('/'),
            ForcePathStyle = true,
            AuthenticationRegion = "us-east-1",
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        });

    private static async Task<List<string>> KeysAsync(AmazonS3Client client, S3Server s3, string prefix)
    {
        var response = await client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = s3.Bucket, Prefix = prefix });
        return [.. (response.S3Objects ?? []).Select(o => o.Key)];
    }

    private static async Task<byte[]> ObjectAsync(AmazonS3Client client, S3Server s3, string key)
    {
        using var response = await client.GetObjectAsync(s3.Bucket, key);
        using var memory = new MemoryStream();
        await response.ResponseStream.CopyToAsync(memory);
        return memory.ToArray();
    }

    private static string Sha(byte[] bytes) => Convert.ToHexString(SHA256.HashData(bytes));

    private static MultipartFormDataContent Invitation(string title, DateTimeOffset start)
    {
        var wib = TimeSpan.FromHours(7);
        var form = new MultipartFormDataContent
        {
            { new StringContent(title), "title" },
            { new StringContent("Pemkab Contoh"), "organizer" },
            { new StringContent("Aula Kantor Bupati"), "place" },
            { new StringContent(start.ToOffset(wib).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture)), "start" },
            { new StringContent(start.AddHours(2).ToString("yyyy-MM-dd'T'HH:mmzzz", CultureInfo.InvariantCulture)), "end" },
            { new StringContent("Bu Rina, 0812-0000-0000"), "contact" },
            { new StringContent("005/123/PEM/2026"), "letterNumber" },
            { new StringContent(DateTimeOffset.UtcNow.ToOffset(wib).AddDays(-2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), "letterDate" },
        };
        var file = new ByteArrayContent(Pdf);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "letter", "undangan.pdf");
        return form;
    }

    private static async Task<string> TusCreateAsync(HttpClient client, Guid item, long length)
    {
        static string B64(string value) => Convert.ToBase64String(Encoding.UTF8.GetBytes(value));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/uploads");
        request.Headers.Add("Tus-Resumable", "1.0.0");
        request.Headers.Add("Upload-Length", length.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add("Upload-Metadata", $"itemId {B64(item.ToString())},filename {B64("sungai.jpg")}");
        using var created = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return created.Headers.Location!.OriginalString;
    }

    private static async Task<HttpResponseMessage> TusSendPatchAsync(HttpClient client, string url, long offset, ReadOnlyMemory<byte> piece)
    {
        var request = new HttpRequestMessage(HttpMethod.Patch, url) { Content = new ReadOnlyMemoryContent(piece) };
        request.Headers.Add("Tus-Resumable", "1.0.0");
        request.Headers.Add("Upload-Offset", offset.ToString(CultureInfo.InvariantCulture));
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/offset+octet-stream");
        return await client.SendAsync(request);
    }

    private static async Task<long> TusPatchAsync(HttpClient client, string url, long offset, ReadOnlyMemory<byte> piece)
    {
        using var response = await TusSendPatchAsync(client, url, offset, piece);
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        return long.Parse(Header(response, "Upload-Offset")!, CultureInfo.InvariantCulture);
    }

    private static async Task<long> TusHeadAsync(HttpClient client, string url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Head, url);
        request.Headers.Add("Tus-Resumable", "1.0.0");
        using var head = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        return long.Parse(Header(head, "Upload-Offset")!, CultureInfo.InvariantCulture);
    }

    private static string? Header(HttpResponseMessage response, string name)
        => response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault()
            : response.Content.Headers.TryGetValues(name, out var content) ? content.FirstOrDefault() : null;
}
