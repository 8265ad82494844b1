using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Diskominfo.Newsroom.Abstractions.Calendar;
using Diskominfo.Newsroom.Abstractions.Coordination;
using Diskominfo.Newsroom.Abstractions.Editorial;
using Diskominfo.Newsroom.Abstractions.Results;
using Diskominfo.Newsroom.Abstractions.Security;
using Microsoft.Extensions.DependencyInjection;

namespace Diskominfo.Newsroom.FunctionalTests;

/// <summary>
/// The SOP Peliputan Pemberitaan through the API on a clock the test moves (the working calendar counts from a Monday
/// 09.00 WIB): disposition, assignment, report with photos, the Kasi's check and the head's approval, the press release
/// from the report through its chain, overdue assignments of both kinds, the monthly bulletin, and the flow's sources
/// for the service-time report and the calendar.
/// </summary>
public sealed class CoverageTests
{
    private const string Bridge = "Peresmian Jembatan Sungai Raya";
    private const string Market = "Kunjungan Bupati ke Pasar Induk";
    private const string ReleaseTitle = "Jembatan Sungai Raya Resmi Dibuka untuk Warga";
    private static readonly string[] UnknownUser = ["tidak-ada"];

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Postgres")]
    public async Task Assignment_FromDispositionToPublishedPressRelease_OverdueBulletinAndSources(string provider)
    {
        var clock = new TestClock(new DateTimeOffset(2026, 11, 16, 2, 0, 0, TimeSpan.Zero)); // Monday 16 November 2026, 09.00 WIB
        await using var database = provider == "Postgres" ? await TestDatabase.PostgresAsync() : await TestDatabase.SqliteAsync();
        await using var app = await NewsroomApp.StartAsync(database, clock: clock);

        // Real invitations through the Coordination chain: two on the schedule, one only proposed by the Kasi.
        using var activities = new CoverageActivities(app, clock);
        var bridge = await activities.AddAsync(Bridge, "Kecamatan Raya", clock.GetUtcNow().AddDays(1));
        var market = await activities.AddAsync(Market, "Pasar Induk", clock.GetUtcNow().AddDays(2));
        var proposed = await activities.AddAsync("Rapat Koordinasi Camat", "Aula Setda", clock.GetUtcNow().AddDays(3), ActivityStatuses.Proposed);
        using var kadis = await app.LoginAsync("kadis");
        using var kabid = await app.LoginAsync("kabid");
        using var kasi = await app.LoginAsync("kasi");
        using var kasi2 = await app.LoginAsync("kasi2");
        using var reporter = await app.LoginAsync("reporter");
        using var reporter2 = await app.LoginAsync("reporter2");
        using var reporter3 = await app.LoginAsync("reporter3");
        var reporterId = (await Org.UserAsync(app, "reporter")).Id;
        var reporter2Id = (await Org.UserAsync(app, "reporter2")).Id;
        var reporter3Id = (await Org.UserAsync(app, "reporter3")).Id;

        // Disposition by the Kadis (the setting's default lets the Kabid too); a reporter may not; not on the schedule: 409.
        var a = await DispositionAsync(kadis, bridge.Id, Office.SeksiMedia, "Liput peresmian, siapkan siaran pers.");
        Assert.Equal("dispositioned", a.GetProperty("status").GetString());
        var id = a.GetProperty("id").GetGuid();
        var b = (await DispositionAsync(kabid, market.Id, Office.SeksiKomunikasi, null)).GetProperty("id").GetGuid();
        await AssertProblemAsync(await PostAsync(reporter, "", new { activityId = bridge.Id, sectionId = Office.SeksiMedia }), HttpStatusCode.Forbidden);
        await AssertProblemAsync(await PostAsync(kadis, "", new { activityId = proposed.Id, sectionId = Office.SeksiMedia }), HttpStatusCode.Conflict, "jadwal kegiatan");
        await AssertProblemAsync(await PostAsync(kadis, "", new { activityId = bridge.Id, sectionId = Office.SeksiMedia }), HttpStatusCode.Conflict, "sudah ditugaskan");
        await AssertProblemAsync(await PostAsync(kadis, "", new { activityId = Guid.NewGuid(), sectionId = Office.SeksiMedia }), HttpStatusCode.NotFound, "Kegiatan");
        await AssertProblemAsync(await PostAsync(kadis, "", new { activityId = bridge.Id, sectionId = Guid.NewGuid() }), HttpStatusCode.BadRequest, "Seksi");
        Assert.Contains(await InboxAsync(kasi), e => e.GetProperty("link").GetString() == $"/admin/liputan/{id}" && e.GetProperty("message").GetString()!.Contains(Bridge, StringComparison.Ordinal));

        // The Kasi of that seksi assigns; another seksi's Kasi may not; an unknown account is refused.
        await AssertProblemAsync(await PostAsync(kasi2, $"/{id}/assign", new { reporterIds = new[] { reporterId }, photographerId = reporter2Id }), HttpStatusCode.Forbidden);
        await AssertProblemAsync(await PostAsync(kasi, $"/{id}/assign", new { reporterIds = UnknownUser, photographerId = reporter2Id }), HttpStatusCode.BadRequest, "tidak dikenal");
        var assigned = await OkAsync(await PostAsync(kasi, $"/{id}/assign", new { reporterIds = new[] { reporterId }, photographerId = reporter2Id, note = "Berangkat pukul 08.00." }));
        Assert.Equal("assigned", assigned.GetProperty("status").GetString());
        Assert.False(assigned.GetProperty("overdue").GetBoolean());
        Assert.Equal(2, assigned.GetProperty("assignees").GetArrayLength());
        await OkAsync(await PostAsync(kasi2, $"/{b}/assign", new { reporterIds = new[] { reporter3Id }, photographerId = reporter3Id }));
        foreach (var assignee in new[] { reporter, reporter2 })
        {
            var line = Assert.Single(await InboxAsync(assignee), e => e.GetProperty("link").GetString() == $"/admin/liputan/{id}");
            Assert.Contains("Kecamatan Raya", line.GetProperty("message").GetString(), StringComparison.Ordinal);
        }

        // The reporter sees his own assignment only.
        var mine = await reporter.GetFromJsonAsync<JsonElement>("/api/v1/assignments?mine=true");
        Assert.Equal([id], mine.EnumerateArray().Select(x => x.GetProperty("id").GetGuid()));
        Assert.Equal(HttpStatusCode.NotFound, (await reporter.GetAsync($"/api/v1/assignments/{b}")).StatusCode);
        await AssertProblemAsync(await kasi.GetAsync("/api/v1/assignments?status=entah"), HttpStatusCode.BadRequest, "Status");

        // The report: a video link that is not https and a text file as a photo are refused; then two real photos.
        await AssertProblemAsync(await ReportAsync(reporter, id, "Jembatan diresmikan.", "http://video.example/v", [Api.Jpeg(800, 600)]), HttpStatusCode.BadRequest, "https");
        await AssertProblemAsync(await ReportAsync(reporter, id, "Jembatan diresmikan.", null, [Encoding.UTF8.GetBytes("bukan foto, hanya teks")]), HttpStatusCode.BadRequest, "foto1.jpg");
        await AssertProblemAsync(await ReportAsync(reporter3, id, "Bukan tugas saya.", null, []), HttpStatusCode.NotFound);
        var reported = await OkAsync(await ReportAsync(
            reporter, id, "Bupati meresmikan Jembatan Sungai Raya sepanjang 120 meter.\n\nWarga dua kecamatan kini terhubung.", "https://video.example/jembatan", [Api.Jpeg(1600, 900), Api.Jpeg(1200, 900)]));
        Assert.Equal("reported", reported.GetProperty("status").GetString());
        var photoIds = reported.GetProperty("report").GetProperty("photos").EnumerateArray().Select(p => p.GetProperty("id").GetGuid()).ToArray();
        Assert.Equal(2, photoIds.Length);
        Assert.Equal(HttpStatusCode.OK, (await reporter.GetAsync(reported.GetProperty("report").GetProperty("photos")[0].GetProperty("url").GetString())).StatusCode);

        // The Kasi checks and forwards; the head who dispositioned (the Kadis) approves, not the Kabid.
        await AssertProblemAsync(await PostAsync(reporter, $"/{id}/report/forward", new { note = "" }), HttpStatusCode.Forbidden);
        await AssertProblemAsync(await PostAsync(kasi, $"/{id}/report/approve", new { note = "" }), HttpStatusCode.Forbidden);
        await OkAsync(await PostAsync(kasi, $"/{id}/report/forward", new { note = "Laporan lengkap." }));
        await AssertProblemAsync(await PostAsync(kabid, $"/{id}/report/approve", new { note = "" }), HttpStatusCode.Forbidden);
        await AssertProblemAsync(await PostAsync(kadis, $"/{id}/report/return", new { note = "" }), HttpStatusCode.BadRequest, "pengembalian");
        var approved = await OkAsync(await PostAsync(kadis, $"/{id}/report/approve", new { note = "Disahkan." }));
        Assert.Equal("approved", approved.GetProperty("status").GetString());

        // The press release from the report: a draft of the reporter with both photos, linked both ways.
        await AssertProblemAsync(await PostAsync(reporter, $"/{id}/press-release", new { photoIds = new[] { Guid.NewGuid() } }), HttpStatusCode.BadRequest, "bukan foto");
        var created = await PostAsync(reporter, $"/{id}/press-release", new { photoIds, category = "pembangunan" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var itemId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("itemId").GetGuid();
        await AssertProblemAsync(await PostAsync(reporter, $"/{id}/press-release", new { photoIds }), HttpStatusCode.Conflict, "sudah dibuat");
        var item = await Api.GetAsync(reporter, itemId);
        Assert.Equal("draft", item.GetProperty("status").GetString());
        Assert.Equal(2, item.GetProperty("photos").GetArrayLength());
        Assert.Equal(Bridge, item.GetProperty("title").GetString());
        var linked = await GetAsync(reporter, id);
        Assert.Equal(itemId, linked.GetProperty("pressReleaseId").GetGuid());
        Assert.Equal("draft", linked.GetProperty("pressReleaseStatus").GetString());
        using (var desk = await app.SignInAsync("reporter"))
        {
            var page = await desk.Http.GetStringAsync($"/admin/naskah/{itemId}");
            Assert.Contains($"Penugasan liputan: {Bridge}", page, StringComparison.Ordinal);
            Assert.Contains($"/admin/liputan/{id}", page, StringComparison.Ordinal);
        }

        // Ten days later: covered without a submitted press release, and not covered at all, are both overdue.
        clock.Advance(TimeSpan.FromDays(10));
        var late = await GetAsync(kadis, id);
        Assert.True(late.GetProperty("overdue").GetBoolean());
        Assert.Contains("siaran pers belum diajukan", late.GetProperty("overdueReason").GetString(), StringComparison.Ordinal);
        var uncovered = await GetAsync(kadis, b);
        Assert.True(uncovered.GetProperty("overdue").GetBoolean());
        Assert.Contains("Belum diliput", uncovered.GetProperty("overdueReason").GetString(), StringComparison.Ordinal);
        using (var desk = await app.SignInAsync("kadis"))
        {
            Assert.Contains("Terlambat", await desk.Http.GetStringAsync("/admin/liputan"), StringComparison.Ordinal);
        }

        // Submitted through the usual chain: no longer overdue, and the assignment shows the press release's status.
        Assert.Equal(HttpStatusCode.OK, (await reporter.PutAsJsonAsync($"/api/v1/items/{itemId}", new
        {
            title = ReleaseTitle, lead = "Bupati meresmikan Jembatan Sungai Raya.", body = item.GetProperty("body").GetString(), category = "pembangunan",
        })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Api.ActAsync(reporter, itemId, "submit")).StatusCode);
        var submitted = await GetAsync(kasi, id);
        Assert.Equal("submitted", submitted.GetProperty("pressReleaseStatus").GetString());
        Assert.False(submitted.GetProperty("overdue").GetBoolean());
        await Api.SignAsync(app, itemId);
        await Api.WaitForStatusAsync(reporter, itemId, "archived");
        Assert.Equal("archived", (await GetAsync(kasi, id)).GetProperty("pressReleaseStatus").GetString());

        // The bulletin of November: the report and the press release with their photos; an empty month; a bad month.
        var pdf = await kadis.GetByteArrayAsync("/api/v1/assignments/bulletin?month=2026-11");
        Assert.StartsWith("%PDF", Encoding.ASCII.GetString(pdf, 0, 4), StringComparison.Ordinal);
        Assert.True(await PdfPagesAsync(pdf) > 2);
        var text = await ArchiveSheetTests.PdfTextAsync(pdf);
        Assert.Contains("Bulan November 2026", text, StringComparison.Ordinal);
        Assert.Contains("Daftar isi", text, StringComparison.Ordinal);
        Assert.Contains(Bridge, text, StringComparison.Ordinal);
        Assert.Contains(ReleaseTitle, text, StringComparison.Ordinal);
        Assert.True(await PdfImagesAsync(pdf) >= 4, "two report photos and two press-release photos");
        var empty = await kadis.GetByteArrayAsync("/api/v1/assignments/bulletin?month=2026-01");
        Assert.Equal(1, await PdfPagesAsync(empty));
        Assert.Contains("Tidak ada laporan liputan", await ArchiveSheetTests.PdfTextAsync(empty), StringComparison.Ordinal);
        await AssertProblemAsync(await kadis.GetAsync("/api/v1/assignments/bulletin?month=2026-13"), HttpStatusCode.BadRequest, "tttt-bb");
        await AssertProblemAsync(await reporter.GetAsync("/api/v1/assignments/bulletin?month=2026-11"), HttpStatusCode.Forbidden);

        // The schedule read was the Coordination module's; the flow's sources: the service-time report's spans, the calendar's entries for each person.
        using var scope = app.Services.CreateScope();
        Assert.IsType<Coordination.Services.ActivitySchedule>(scope.ServiceProvider.GetRequiredService<IActivitySchedule>());
        var source = scope.ServiceProvider.GetServices<IServiceTimeSource>().Single(s => s.Flow == "coverage");
        Assert.Equal("Peliputan pemberitaan", source.FlowLabel);
        var steps = await source.StepsAsync(CancellationToken.None);
        Assert.Equal(StandardTime.FromDays(5), steps.Single(s => s.Step == "cover").Standard);
        var spans = await source.SpansAsync(new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.FromHours(7)), new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.FromHours(7)), CancellationToken.None);
        Assert.Equal(["approve", "assign", "check", "cover"], spans.Where(s => s.SubjectId == id.ToString()).Select(s => s.Step).Order(StringComparer.Ordinal));
        Assert.All(spans.Where(s => s.SubjectId == id.ToString()), s => Assert.NotNull(s.End));
        Assert.Null(spans.Single(s => s.SubjectId == b.ToString() && s.Step == "cover").End);
        var calendar = scope.ServiceProvider.GetServices<ICalendarSource>().Single(s => s.Kinds.Contains(CalendarKinds.Assignment));
        var (from, to) = (new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero));
        var seenByReporter = await calendar.ListAsync(new Actor(reporterId, "reporter", "Reporter", new HashSet<string> { NewsroomRoles.Reporter }), from, to, CancellationToken.None);
        var entry = Assert.Single(seenByReporter);
        Assert.Equal(("Kecamatan Raya", bridge.Start, false), (entry.Place, entry.Start, entry.CanReschedule));
        var kadisId = (await Org.UserAsync(app, "kadis")).Id;
        Assert.Equal(2, (await calendar.ListAsync(new Actor(kadisId, "kadis", "Kadis", new HashSet<string> { NewsroomRoles.Kadis }), from, to, CancellationToken.None)).Count);
        Assert.Equal(OutcomeKind.Conflict, (await calendar.RescheduleAsync(new Actor(kadisId, "kadis", "Kadis", new HashSet<string> { NewsroomRoles.Kadis }), entry.Id, to, CancellationToken.None)).Kind);
    }

    private static async Task<JsonElement> DispositionAsync(HttpClient head, Guid activityId, Guid sectionId, string? note)
    {
        var response = await PostAsync(head, "", new { activityId, sectionId, note });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string path, object body)
        => client.PostAsJsonAsync("/api/v1/assignments" + path, body);

    internal static async Task<JsonElement> GetAsync(HttpClient client, Guid id)
        => await OkAsync(await client.GetAsync($"/api/v1/assignments/{id}"));

    private static async Task<JsonElement> OkAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>A refusal with the status and, when given, a part of its Indonesian explanation (detail or field errors).</summary>
    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string? says = null)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        if (says is not null)
        {
            Assert.Contains(says, JsonDocument.Parse(body).RootElement.ToString(), StringComparison.Ordinal);
        }
    }

    private static async Task<HttpResponseMessage> ReportAsync(HttpClient client, Guid id, string text, string? videoUrl, byte[][] photos)
    {
        using var form = new MultipartFormDataContent { { new StringContent(text), "text" } };
        if (videoUrl is not null)
        {
            form.Add(new StringContent(videoUrl), "videoUrl");
        }

        foreach (var (photo, index) in photos.Select((p, i) => (p, i + 1)))
        {
            var file = new ByteArrayContent(photo);
            file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
            form.Add(file, "photos", $"foto{index}.jpg");
        }

        return await client.PostAsync($"/api/v1/assignments/{id}/report", form);
    }

    private static async Task<JsonElement[]> InboxAsync(HttpClient client)
        => [.. (await client.GetFromJsonAsync<JsonElement>("/api/v1/inbox")).EnumerateArray()];

    private static async Task<int> PdfPagesAsync(byte[] pdf)
    {
        var info = await ArchiveSheetTests.PopplerAsync("pdfinfo", pdf);
        var line = info.Split('\n').Single(l => l.StartsWith("Pages:", StringComparison.Ordinal));
        return int.Parse(line["Pages:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The images embedded in the PDF (poppler's pdfimages -list: two header lines, then one line per image).</summary>
    private static async Task<int> PdfImagesAsync(byte[] pdf)
        => (await ArchiveSheetTests.PopplerAsync("pdfimages", pdf, "-list")).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length - 2;
}
