using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Diskominfo.Newsroom.Harness;
using Microsoft.Extensions.DependencyInjection;

namespace Diskominfo.Newsroom.FunctionalTests;

/// <summary>
/// Photos sent in pieces with the tus 1.0.0 protocol (<c>/api/v1/uploads</c>) over a connection that drops: an 8 MB
/// camera JPEG cut off in the middle of a piece resumes from the offset the server kept and arrives whole; files and
/// callers that must be refused are, in Indonesian, without touching the item.
/// </summary>
public sealed class ResumableUploadTests
{
    private const string Tus = "1.0.0";

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Postgres")]
    public async Task Upload_CutMidPatch_ResumesFromHeadOffset_AttachesTheWholeFile_AndRefusesInIndonesian(string provider)
    {
        await using var database = provider == "Postgres" ? await TestDatabase.PostgresAsync() : await TestDatabase.SqliteAsync();
        var clock = new TestClock(DateTimeOffset.UtcNow);
        await using var app = await NewsroomApp.StartAsync(database, kestrel: true, clock: clock);
        await using var proxy = WeakLineProxy.Start(app.BaseAddress);
        using var reporter = await BearerAsync(proxy, "reporter");
        using var reporter2 = await BearerAsync(proxy, "reporter2");
        var item = await Api.CreatePressReleaseAsync(reporter, "Bupati Meninjau Banjir di Kecamatan Raya");

        // What the server supports.
        using var options = await reporter.SendAsync(new HttpRequestMessage(HttpMethod.Options, "/api/v1/uploads"));
        Assert.Equal(HttpStatusCode.NoContent, options.StatusCode);
        Assert.Equal(Tus, Header(options, "Tus-Version"));
        Assert.Equal("creation,termination", Header(options, "Tus-Extension"));
        Assert.Equal((25L * 1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture), Header(options, "Tus-Max-Size"));

        // An 8 MB photo in pieces of 2 MB; the connection drops 1 MB into the second piece.
        var photo = FieldPhotos.Noisy(8 * 1024 * 1024, seed: 7);
        var upload = await CreateAsync(reporter, item, photo.Length, "banjir.jpg", "Warga mengungsi ke balai desa", "Humas Diskominfo");
        const int piece = 2 * 1024 * 1024;
        Assert.Equal(piece, await PatchAsync(reporter, upload, 0, photo.AsMemory(0, piece)));
        proxy.CutAfter(1024 * 1024);
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => PatchAsync(reporter, upload, piece, photo.AsMemory(piece, piece)));
        Assert.Equal(1, proxy.Cuts);

        // The server kept what it had read before the cut (what was still in its buffers is lost with the connection);
        // the rest goes from there.
        var offset = await HeadOffsetAsync(reporter, upload);
        Assert.InRange(offset, piece, piece + (1024 * 1024));
        HttpResponseMessage? last = null;
        var conflicts = 0;
        while (offset < photo.Length)
        {
            last?.Dispose();
            last = await SendPatchAsync(reporter, upload, offset, photo.AsMemory((int)offset, (int)Math.Min(piece, photo.Length - offset)));
            if (last.StatusCode == HttpStatusCode.Conflict && ++conflicts <= 20)
            {
                // On a loaded machine the server may notice the cut late: until it does, the cut request still holds the
                // upload (or has stored a little more). A client asks for the position again and goes on from there, as
                // tus clients do; the answer says why in Indonesian.
                var why = await last.Content.ReadAsStringAsync();
                Assert.True(why.Contains("sedang menerima data", StringComparison.Ordinal) || why.Contains("tidak sesuai", StringComparison.Ordinal), why);
                await Task.Delay(250);
                offset = await HeadOffsetAsync(reporter, upload);
                continue;
            }

            Assert.Equal(HttpStatusCode.NoContent, last.StatusCode);
            offset = long.Parse(Header(last, "Upload-Offset")!, System.Globalization.CultureInfo.InvariantCulture);
        }

        Assert.Equal("attached", Header(last!, "Upload-Result"));
        var mediaId = Guid.Parse(Header(last!, "Upload-Media-Id")!);
        last!.Dispose();
        var attached = (await Api.GetAsync(reporter, item)).GetProperty("photos").EnumerateArray().Single();
        Assert.Equal(mediaId, attached.GetProperty("mediaId").GetGuid());
        Assert.Equal("Warga mengungsi ke balai desa", attached.GetProperty("caption").GetString());
        Assert.Equal("Humas Diskominfo", attached.GetProperty("credit").GetString());
        var stored = await reporter.GetByteArrayAsync(attached.GetProperty("url").GetString());
        Assert.Equal(Convert.ToHexString(SHA256.HashData(photo)), Convert.ToHexString(SHA256.HashData(stored)));

        // The result stays readable; a finished upload is not written again.
        using (var head = await SendAsync(reporter, HttpMethod.Head, upload))
        {
            Assert.Equal("attached", Header(head, "Upload-Result"));
            Assert.Equal(photo.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), Header(head, "Upload-Offset"));
        }

        // Too large: refused at creation with 413.
        using (var tooLarge = await SendAsync(reporter, HttpMethod.Post, "/api/v1/uploads", ("Upload-Length", "26214401"), ("Upload-Metadata", Metadata(item, "besar.jpg"))))
        {
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
            Assert.Contains("terlalu besar", await DetailAsync(tooLarge), StringComparison.Ordinal);
        }

        // Without the protocol's version: 412.
        using (var noVersion = await reporter.PostAsync("/api/v1/uploads", null))
        {
            Assert.Equal(HttpStatusCode.PreconditionFailed, noVersion.StatusCode);
            Assert.Contains("Tus-Resumable", await DetailAsync(noVersion), StringComparison.Ordinal);
        }

        // A text file: every byte arrives, then the check refuses it with the reason; the item keeps its one photo.
        var text = Encoding.UTF8.GetBytes("<html><body>bukan foto</body></html>");
        var textUpload = await CreateAsync(reporter, item, text.Length, "catatan.jpg", null, null);
        using (var refused = await SendPatchAsync(reporter, textUpload, 0, text))
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains("bukan foto JPEG", await DetailAsync(refused), StringComparison.Ordinal);
            Assert.Equal("refused", Header(refused, "Upload-Result"));
        }

        // Another person's upload: neither read nor continued nor ended by anyone else.
        var other = await CreateAsync(reporter, item, 1000, "lain.jpg", null, null);
        using (var head = await SendAsync(reporter2, HttpMethod.Head, other))
        {
            Assert.Equal(HttpStatusCode.Forbidden, head.StatusCode);
        }

        using (var patch = await SendPatchAsync(reporter2, other, 0, new byte[10]))
        {
            Assert.Equal(HttpStatusCode.Forbidden, patch.StatusCode);
            Assert.Contains("milik pengguna lain", await DetailAsync(patch), StringComparison.Ordinal);
        }

        using (var delete = await SendAsync(reporter2, HttpMethod.Delete, other))
        {
            Assert.Equal(HttpStatusCode.Forbidden, delete.StatusCode);
        }

        // Its creator ends it: gone.
        using (var delete = await SendAsync(reporter, HttpMethod.Delete, other))
        {
            Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        }

        using (var gone = await SendAsync(reporter, HttpMethod.Head, other))
        {
            Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        }

        // An item the uploader may not edit: refused at creation (another reporter's draft) ...
        using (var notEditable = await SendAsync(reporter2, HttpMethod.Post, "/api/v1/uploads", ("Upload-Length", "1000"), ("Upload-Metadata", Metadata(item, "x.jpg"))))
        {
            Assert.True(notEditable.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound, $"got {notEditable.StatusCode}");
            Assert.False(string.IsNullOrWhiteSpace(await DetailAsync(notEditable)));
        }

        // ... and at completion (submitted meanwhile, the draft is no longer the writer's to change).
        var small = Api.Jpeg(800, 600);
        var late = await CreateAsync(reporter, item, small.Length, "terlambat.jpg", null, null);
        Assert.Equal(HttpStatusCode.OK, (await Api.ActAsync(reporter, item, "submit")).StatusCode);
        using (var closed = await SendPatchAsync(reporter, late, 0, small))
        {
            Assert.True(closed.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Conflict, $"got {closed.StatusCode}");
            Assert.Equal("refused", Header(closed, "Upload-Result"));
            Assert.False(string.IsNullOrWhiteSpace(await DetailAsync(closed)));
        }

        Assert.Equal(1, (await Api.GetAsync(reporter, item)).GetProperty("photos").GetArrayLength());

        // Partial uploads live under the data folder's uploads/partial: a finished one's bytes are gone at once (they are
        // the photo now), an unfinished one stays until it expires after 24 hours, when the hourly sweep removes it.
        var partial = Path.Combine(app.DataDir, "uploads", "partial");
        var second = await Api.CreatePressReleaseAsync(reporter, "Posko Pengungsian Dibuka di Balai Desa");
        var unfinished = await CreateAsync(reporter, second, 5000, "separuh.jpg", null, null);
        var waiting = Assert.Single(Directory.EnumerateFiles(partial, "*.part"));
        Assert.EndsWith($"{Guid.Parse(unfinished.Split('/')[^1]):N}.part", waiting, StringComparison.Ordinal);
        var sweep = app.Services.GetRequiredService<Hangfire.IRecurringJobManager>();
        sweep.Trigger("media-partial-upload-sweep");
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.NotEmpty(Directory.EnumerateFiles(partial, "*.part"));
        clock.Advance(TimeSpan.FromHours(24) + TimeSpan.FromMinutes(1));
        sweep.Trigger("media-partial-upload-sweep");
        for (var i = 0; i < 60 && Directory.EnumerateFiles(partial).Any(); i++)
        {
            await Task.Delay(500);
        }

        Assert.Empty(Directory.EnumerateFiles(partial));
    }

    private static async Task<HttpClient> BearerAsync(WeakLineProxy proxy, string userName)
    {
        var client = new HttpClient { BaseAddress = proxy.Address, Timeout = TimeSpan.FromSeconds(60) };
        var login = await client.PostAsJsonAsync("/api/v1/auth/login", new { userName, password = NewsroomApp.Password });
        login.EnsureSuccessStatusCode();
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static string Metadata(Guid item, string fileName, string? caption = null, string? credit = null)
    {
        static string B64(string value) => Convert.ToBase64String(Encoding.UTF8.GetBytes(value));
        var pairs = new List<string> { $"itemId {B64(item.ToString())}", $"filename {B64(fileName)}" };
        if (caption is not null)
        {
            pairs.Add($"caption {B64(caption)}");
        }

        if (credit is not null)
        {
            pairs.Add($"credit {B64(credit)}");
        }

        return string.Join(",", pairs);
    }

    private static async Task<string> CreateAsync(HttpClient client, Guid item, long length, string fileName, string? caption, string? credit)
    {
        using var created = await SendAsync(client, HttpMethod.Post, "/api/v1/uploads",
            ("Upload-Length", length.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("Upload-Metadata", Metadata(item, fileName, caption, credit)));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(Tus, Header(created, "Tus-Resumable"));
        return created.Headers.Location!.OriginalString;
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string url, params (string Name, string Value)[] headers)
    {
        var request = new HttpRequestMessage(method, url);
        request.Headers.Add("Tus-Resumable", Tus);
        foreach (var (name, value) in headers)
        {
            request.Headers.Add(name, value);
        }

        return await client.SendAsync(request);
    }

    private static async Task<HttpResponseMessage> SendPatchAsync(HttpClient client, string url, long offset, ReadOnlyMemory<byte> piece)
    {
        var request = new HttpRequestMessage(HttpMethod.Patch, url) { Content = new ReadOnlyMemoryContent(piece) };
        request.Headers.Add("Tus-Resumable", Tus);
        request.Headers.Add("Upload-Offset", offset.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/offset+octet-stream");
        return await client.SendAsync(request);
    }

    private static async Task<long> PatchAsync(HttpClient client, string url, long offset, ReadOnlyMemory<byte> piece)
    {
        using var response = await SendPatchAsync(client, url, offset, piece);
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        return long.Parse(Header(response, "Upload-Offset")!, System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<long> HeadOffsetAsync(HttpClient client, string url)
    {
        using var head = await SendAsync(client, HttpMethod.Head, url);
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal("no-store", head.Headers.CacheControl?.ToString());
        return long.Parse(Header(head, "Upload-Offset")!, System.Globalization.CultureInfo.InvariantCulture);
    }

    private static string? Header(HttpResponseMessage response, string name)
        => response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault()
            : response.Content.Headers.TryGetValues(name, out var content) ? content.FirstOrDefault() : null;

    private static async Task<string> DetailAsync(HttpResponseMessage response)
        => (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString() ?? "";
}
