using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Diskominfo.Newsroom.Abstractions.Calendar;
using Diskominfo.Newsroom.Abstractions.Coordination;
using Diskominfo.Newsroom.Abstractions.Editorial;
using Diskominfo.Newsroom.Abstractions.Results;
using Diskominfo.Newsroom.Abstractions.Security;
using Microsoft.Extensions.DependencyInjection;

namespace Diskominfo.Newsroom.FunctionalTests;

/// <summary>
/// Invitations and the activity schedule (SOP Pelaksanaan Koordinasi dan Kerjasama), end to end through the API and the
/// desk on one site per provider: the agenda book's numbers (also two at once), the refusals, the chain with its
/// notices, returns and decline, overdue against the standard time under the site's working calendar, the settings,
/// filing, the letter in the data folder, and what the module offers the others (service times, calendar, schedule).
/// </summary>
public sealed class CoordinationTests
{
    private static readonly byte[] Pdf = Encoding.Latin1.GetBytes(DocumentTests.MinimalPdf);

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Postgres")]
    public async Task Invitation_ThroughTheChain_NumberedNotifiedOverdueFiledAndScheduled(string provider)
    {
        await using var database = provider == "Sqlite" ? await TestDatabase.SqliteAsync() : await TestDatabase.PostgresAsync();
        var clock = new TestClock(DateTimeOffset.UtcNow);
        await using var app = await NewsroomApp.StartAsync(database, runJobs: false, clock: clock);
        using var reporter = await app.LoginAsync("reporter");
        using var kasi = await app.LoginAsync("kasi");
        using var kabid = await app.LoginAsync("kabid");
        using var kadis = await app.LoginAsync("kadis");
        using var archivist = await app.LoginAsync("arsiparis");
        using var admin = await app.LoginAsync("admin");
        var t0 = clock.GetUtcNow();
        var year = t0.ToOffset(TimeSpan.FromHours(7)).Year;
        var tomorrow = t0.AddDays(1);
        var later = t0.AddDays(20); // after any working-calendar wait the overdue check below may need

        // ---- the agenda book: numbers in order, two at once get two numbers ----
        var a = await RegisterAsync(reporter, Invitation("Rapat koordinasi Hari Jadi", tomorrow, Pdf, "undangan.pdf", Office.SeksiMedia));
        Assert.Equal($"001/UND/{year}", a.GetProperty("agendaNumber").GetString());
        Assert.Equal("registered", a.GetProperty("status").GetString());
        Assert.Equal("Pemkab Contoh", a.GetProperty("organizer").GetString());
        Assert.Equal(Office.SeksiMedia, a.GetProperty("sectionId").GetGuid());
        Assert.Equal("application/pdf", a.GetProperty("letter").GetProperty("contentType").GetString());
        var b = await RegisterAsync(reporter, Invitation("Peresmian pasar rakyat", later, Api.Jpeg(800, 600), "surat.jpg"));
        Assert.Equal($"002/UND/{year}", b.GetProperty("agendaNumber").GetString());
        var concurrent = await Task.WhenAll(
            RegisterAsync(kasi, Invitation("Sosialisasi A", tomorrow.AddDays(3), Pdf, "a.pdf")),
            RegisterAsync(kabid, Invitation("Sosialisasi B", tomorrow.AddDays(3), Pdf, "b.pdf")));
        Assert.Equal(
            new[] { $"003/UND/{year}", $"004/UND/{year}" },
            concurrent.Select(c => c.GetProperty("agendaNumber").GetString()).Order(StringComparer.Ordinal));
        var idA = a.GetProperty("id").GetGuid();
        var idB = b.GetProperty("id").GetGuid();

        // ---- refusals: nothing stored ----
        var empty = await reporter.PostAsync("/api/v1/activities", new MultipartFormDataContent { { new StringContent(""), "title" } });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        var emptyErrors = await ErrorsAsync(empty);
        foreach (var field in new[] { "title", "organizer", "place", "start", "end", "letterNumber", "letterDate", "letter" })
        {
            Assert.True(emptyErrors.TryGetProperty(field, out var messages), $"no error for {field}");
            Assert.Contains("wajib", messages[0].GetString(), StringComparison.Ordinal);
        }

        var backwards = await reporter.PostAsync("/api/v1/activities", Invitation("Terbalik", tomorrow, Pdf, "u.pdf", end: tomorrow.AddHours(-1)));
        Assert.Equal(HttpStatusCode.BadRequest, backwards.StatusCode);
        Assert.Equal("Waktu selesai harus sesudah waktu mulai.", (await ErrorsAsync(backwards)).GetProperty("end")[0].GetString());
        byte[] exe = [(byte)'M', (byte)'Z', 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xFF, 0xFF, 0, 0, .. new byte[512]];
        var disguised = await reporter.PostAsync("/api/v1/activities", Invitation("Program", tomorrow, exe, "undangan.pdf"));
        Assert.Equal(HttpStatusCode.BadRequest, disguised.StatusCode);
        Assert.True((await ErrorsAsync(disguised)).TryGetProperty("letter", out _));
        var wrongSection = await reporter.PostAsync("/api/v1/activities", Invitation("Seksi salah", tomorrow, Pdf, "u.pdf", Guid.NewGuid()));
        Assert.Equal("Seksi tidak dikenal atau tidak aktif.", (await ErrorsAsync(wrongSection)).GetProperty("sectionId")[0].GetString());
        Assert.Equal(4, (await reporter.GetFromJsonAsync<JsonElement>("/api/v1/activities")).GetArrayLength());
        var letters = Path.Combine(app.DataDir, "coordination", "letters");
        Assert.Equal(4, Directory.GetFiles(letters, "*", SearchOption.AllDirectories).Length);

        // The letter: in the data folder under year and month, in the backup's files, downloaded (never inline) by staff.
        var download = await reporter.GetAsync($"/api/v1/activities/{idA}/letter");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        var backupSources = app.Services.GetRequiredService<Backup.Services.BackupSources>();
        Assert.Contains(
            backupSources.DataFiles(Path.Combine(app.DataDir, "no-backup-here")),
            f => f.Relative.StartsWith($"coordination/letters/{t0:yyyy}/{t0:MM}/{idA:N}.pdf", StringComparison.Ordinal));
        using (var anonymous = app.CreateClient())
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/v1/activities/{idA}/letter")).StatusCode);
        }

        // ---- the chain on A: wrong roles refused, each step told to the next, the decline to the registrant ----
        Assert.Equal(HttpStatusCode.Forbidden, (await ActAsync(reporter, idA, "propose")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await ActAsync(kasi, idA, "approve")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await ActAsync(kabid, idA, "initial")).StatusCode);
        Assert.Contains(await InboxAsync(kasi), n => n.Reason == "activity-registered" && n.Link == $"/admin/kegiatan/{idA}");
        Assert.Equal("proposed", await StepAsync(kasi, idA, "propose"));
        Assert.Contains(await InboxAsync(kabid), n => n.Reason == "activity-proposed" && n.Link == $"/admin/kegiatan/{idA}");
        Assert.Equal("initialled", await StepAsync(kabid, idA, "initial"));
        Assert.Contains(await InboxAsync(kadis), n => n.Reason == "activity-initialled" && n.Link == $"/admin/kegiatan/{idA}");
        var noNote = await ActAsync(kadis, idA, "decline");
        Assert.Equal(HttpStatusCode.BadRequest, noNote.StatusCode);
        Assert.Contains("Catatan wajib", (await ErrorsAsync(noNote)).GetProperty("note")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal("declined", await StepAsync(kadis, idA, "decline", "Bertepatan dengan rapat paripurna."));
        var declined = (await InboxAsync(reporter)).Single(n => n.Reason == "activity-declined");
        Assert.Contains("Bertepatan dengan rapat paripurna.", declined.Message, StringComparison.Ordinal);
        Assert.Contains(await InboxAsync(kasi), n => n.Reason == "activity-declined");

        // ---- B: returned by the Kabid to the Kasi (who is told), proposed again, approved by the Kadis ----
        Assert.Equal("proposed", await StepAsync(kasi, idB, "propose"));
        Assert.Equal("registered", await StepAsync(kabid, idB, "return", "Lengkapi kontak panitia."));
        Assert.Contains(await InboxAsync(kasi), n => n.Reason == "activity-returned" && n.Message.Contains("Lengkapi kontak panitia.", StringComparison.Ordinal));
        Assert.Equal("proposed", await StepAsync(kasi, idB, "propose"));
        Assert.Equal(HttpStatusCode.Conflict, (await ActAsync(kasi, idB, "propose")).StatusCode);
        Assert.Equal("initialled", await StepAsync(kabid, idB, "initial"));
        Assert.Equal("approved", await StepAsync(kadis, idB, "approve"));
        Assert.Contains(await InboxAsync(reporter), n => n.Reason == "activity-approved" && n.Link == $"/admin/kegiatan/{idB}");
        var approved = await reporter.GetFromJsonAsync<JsonElement>("/api/v1/activities?status=approved");
        Assert.Equal([idB], approved.EnumerateArray().Select(x => x.GetProperty("id").GetGuid()));
        var trail = (await reporter.GetFromJsonAsync<JsonElement>($"/api/v1/activities/{idB}")).GetProperty("trail");
        Assert.Equal(
            ["register", "propose", "return", "propose", "initial", "approve"],
            trail.EnumerateArray().Select(e => e.GetProperty("action").GetString()));
        Assert.Equal(Office.KadisTitle, trail[5].GetProperty("actingAs").GetString());
        var badFilter = await reporter.GetAsync("/api/v1/activities?status=entah&from=kemarin");
        Assert.Equal(HttpStatusCode.BadRequest, badFilter.StatusCode);
        Assert.True((await ErrorsAsync(badFilter)).TryGetProperty("from", out _));

        // ---- the desk: coverage link for the heads only, the schedule, the form's refusals and a registration ----
        using (var kadisDesk = await app.SignInAsync("kadis"))
        using (var reporterDesk = await app.SignInAsync("reporter"))
        {
            var page = await kadisDesk.Http.GetStringAsync($"/admin/kegiatan/{idB}");
            Assert.Contains($"href=\"/admin/liputan/baru?activity={idB}\"", page, StringComparison.Ordinal);
            Assert.Contains("Disposisi liputan", page, StringComparison.Ordinal);
            Assert.DoesNotContain("Disposisi liputan", await reporterDesk.Http.GetStringAsync($"/admin/kegiatan/{idB}"), StringComparison.Ordinal);
            var schedule = await reporterDesk.Http.GetStringAsync($"/admin/kegiatan?tampil=jadwal&bulan={IndonesianMonth(later)}");
            Assert.Contains("Peresmian pasar rakyat", schedule, StringComparison.Ordinal);
            Assert.DoesNotContain("Rapat koordinasi Hari Jadi", schedule, StringComparison.Ordinal);
            var deskLetter = await reporterDesk.Http.GetAsync($"/admin/kegiatan/{idA}?handler=Surat");
            Assert.Equal(Pdf, await deskLetter.Content.ReadAsByteArrayAsync());

            var refused = await reporterDesk.PostFormAsync("/admin/kegiatan/baru", new() { ["Title"] = "Tanpa apa-apa" });
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains("Penyelenggara wajib diisi.", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            var form = Invitation("Bimtek kehumasan", tomorrow.AddDays(5), Pdf, "bimtek.pdf", Office.SeksiMedia, pascal: true);
            form.Add(new StringContent(await TokenAsync(reporterDesk.Http, "/admin/kegiatan/baru")), "__RequestVerificationToken");
            var registered = await reporterDesk.Http.PostAsync("/admin/kegiatan/baru", form);
            Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
            var created = await reporterDesk.Http.GetStringAsync(registered.Headers.Location!.OriginalString);
            Assert.Contains($"005/UND/{year}", created, StringComparison.Ordinal);
        }

        // ---- overdue: the Kasi's step is due after its standard time in the site's working calendar ----
        var c = concurrent[0].GetProperty("id").GetGuid();
        var calendar = await CalendarAsync(app);
        var pending = (await reporter.GetFromJsonAsync<JsonElement>($"/api/v1/activities/{c}")).GetProperty("pending");
        var since = pending.GetProperty("since").GetDateTimeOffset();
        var due = StandardTime.FromMinutes(15).Due(since, calendar);
        Assert.Equal("kasi", pending.GetProperty("step").GetString());
        Assert.Equal(due, pending.GetProperty("due").GetDateTimeOffset());
        Assert.False(pending.GetProperty("overdue").GetBoolean());
        using (var kasiDesk = await app.SignInAsync("kasi"))
        {
            Assert.Matches($"data-id=\"{c}\" data-overdue=\"tidak\"", await kasiDesk.Http.GetStringAsync("/admin/kegiatan"));
        }

        clock.Advance(due - clock.GetUtcNow() + TimeSpan.FromMinutes(1));
        Assert.True((await reporter.GetFromJsonAsync<JsonElement>($"/api/v1/activities/{c}")).GetProperty("pending").GetProperty("overdue").GetBoolean());
        using var kasiDeskLater = await app.SignInAsync("kasi"); // a desk session, fresh after the clock's jump
        var awaiting = await kasiDeskLater.Http.GetStringAsync("/admin/kegiatan");
        Assert.Matches($"data-id=\"{c}\" data-overdue=\"ya\"", awaiting);
        Assert.Contains("Lewat waktu baku (15 menit)", awaiting, StringComparison.Ordinal);

        // The admin sets the Kasi's standard to two working days: the due time follows, the audit log has it.
        using (var adminDesk = await app.SignInAsync("admin"))
        {
            var saved = await adminDesk.PostFormAsync("/admin/pengaturan/kegiatan", new() { ["Amount[kasi]"] = "2", ["Unit[kasi]"] = "days" });
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
            var wrong = await adminDesk.PostFormAsync("/admin/pengaturan/kegiatan", new() { ["Amount[kabid]"] = "0", ["Unit[kabid]"] = "minutes" });
            Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        }

        pending = (await reporter.GetFromJsonAsync<JsonElement>($"/api/v1/activities/{c}")).GetProperty("pending");
        Assert.Equal("2 hari kerja", pending.GetProperty("standard").GetString());
        Assert.Equal(StandardTime.FromDays(2).Due(since, calendar), pending.GetProperty("due").GetDateTimeOffset());
        var audit = await admin.GetFromJsonAsync<JsonElement>("/api/v1/audit?action=activity.");
        Assert.Contains("activity.step_taken", audit.GetRawText(), StringComparison.Ordinal);

        // ---- filing: the archivist, once the approved activity took place; a declined one stays declined ----
        Assert.Equal(HttpStatusCode.Conflict, (await ActAsync(archivist, idB, "file")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await ActAsync(kasi, idB, "file")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await ActAsync(archivist, idA, "file")).StatusCode);
        clock.Advance(b.GetProperty("end").GetDateTimeOffset() - clock.GetUtcNow() + TimeSpan.FromMinutes(10));
        Assert.Equal("filed", await StepAsync(archivist, idB, "file"));

        // ---- what the module offers the others ----
        await using var scope = app.Services.CreateAsyncScope();
        var source = scope.ServiceProvider.GetServices<IServiceTimeSource>().Single(s => s.Flow == "coordination");
        Assert.Equal("Koordinasi dan kerjasama (undangan)", source.FlowLabel);
        var steps = await source.StepsAsync(CancellationToken.None);
        Assert.Equal(["register", "kasi", "kabid", "kadis", "coordination", "filing"], steps.Select(s => s.Step));
        Assert.Equal(StandardTime.FromDays(2), steps.Single(s => s.Step == "kasi").Standard);
        var spans = await source.SpansAsync(t0.AddHours(-1), clock.GetUtcNow(), CancellationToken.None);
        var ofB = spans.Where(s => s.SubjectId == idB.ToString()).ToList();
        Assert.Equal(["register", "kasi", "kabid", "kasi", "kabid", "kadis", "filing"], ofB.Select(s => s.Step));
        Assert.All(ofB, s => Assert.NotNull(s.End));
        Assert.Equal(b.GetProperty("end").GetDateTimeOffset(), ofB[^1].Start);
        var ofA = spans.Where(s => s.SubjectId == idA.ToString()).Select(s => s.Step).ToList();
        Assert.Equal(["register", "kasi", "kabid", "kadis"], ofA);
        var ofC = spans.Single(s => s.SubjectId == c.ToString() && s.Step == "kasi");
        Assert.Null(ofC.End);
        Assert.Equal($"/admin/kegiatan/{c}", ofC.Url);

        var schedule2 = scope.ServiceProvider.GetRequiredService<IActivitySchedule>();
        var onSchedule = await schedule2.FindAsync(idB, CancellationToken.None);
        Assert.True(onSchedule!.OnSchedule);
        Assert.False((await schedule2.FindAsync(idA, CancellationToken.None))!.OnSchedule);

        var calendarSource = scope.ServiceProvider.GetServices<ICalendarSource>().Single(s => s.Kinds.Contains(CalendarKinds.Activity));
        var kasiActor = await ActorAsync(app, "kasi", NewsroomRoles.Kasi);
        var reporterActor = await ActorAsync(app, "reporter", NewsroomRoles.Reporter);
        var range = (From: t0.AddDays(-1), To: t0.AddDays(30));
        var forKasi = await calendarSource.ListAsync(kasiActor, range.From, range.To, CancellationToken.None);
        Assert.Contains(forKasi, e => e.Id == $"activity:{idB}" && e.Status == "filed" && !e.CanReschedule);
        Assert.Contains(forKasi, e => e.Id == $"activity:{c}" && e.Status == "registered" && e.CanReschedule);
        Assert.DoesNotContain(forKasi, e => e.Id == $"activity:{idA}");
        var forReporter = await calendarSource.ListAsync(reporterActor, range.From, range.To, CancellationToken.None);
        Assert.Contains(forReporter, e => e.Id == $"activity:{idB}");
        Assert.DoesNotContain(forReporter, e => e.Id == $"activity:{c}");
        var startC = (await reporter.GetFromJsonAsync<JsonElement>($"/api/v1/activities/{c}")).GetProperty("start").GetDateTimeOffset();
        Assert.Equal(OutcomeKind.Forbidden, (await calendarSource.RescheduleAsync(reporterActor, $"activity:{c}", startC.AddHours(1), CancellationToken.None)).Kind);
        Assert.Equal(OutcomeKind.Conflict, (await calendarSource.RescheduleAsync(kasiActor, $"activity:{idB}", startC, CancellationToken.None)).Kind);
        Assert.True((await calendarSource.RescheduleAsync(kasiActor, $"activity:{c}", startC.AddHours(1), CancellationToken.None)).Succeeded);
        var moved = await reporter.GetFromJsonAsync<JsonElement>($"/api/v1/activities/{c}");
        Assert.Equal(startC.AddHours(1), moved.GetProperty("start").GetDateTimeOffset());
        Assert.Equal(startC.AddHours(3), moved.GetProperty("end").GetDateTimeOffset());
        Assert.Equal("reschedule", moved.GetProperty("trail")[1].GetProperty("action").GetString());

        // The Kasi who registered and moved it still proposes it: neither is a step of approval.
        Assert.Equal("proposed", await StepAsync(kasi, c, "propose"));
    }

    /// <summary>An invitation as the API takes it (camelCase fields), or as the desk form posts it (<paramref name="pascal"/>).</summary>
    private static MultipartFormDataContent Invitation(
        string title, DateTimeOffset start, byte[] letter, string fileName, Guid? section = null, DateTimeOffset? end = null, bool pascal = false)
    {
        string Name(string field) => pascal ? char.ToUpperInvariant(field[0]) + field[1..] : field;
        var wib = TimeSpan.FromHours(7);
        var form = new MultipartFormDataContent
        {
            { new StringContent(title), Name("title") },
            { new StringContent("Pemkab Contoh"), Name("organizer") },
            { new StringContent("Aula Kantor Bupati"), Name("place") },
            { new StringContent(start.ToOffset(wib).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture)), Name("start") },
            { new StringContent((end ?? start.AddHours(2)).ToString("yyyy-MM-dd'T'HH:mmzzz", CultureInfo.InvariantCulture)), Name("end") },
            { new StringContent("Bu Rina, 0812-0000-0000"), Name("contact") },
            { new StringContent("005/123/PEM/2026"), Name("letterNumber") },
            // Dated before the test's clock started (it starts now and only moves on).
            { new StringContent(DateTimeOffset.UtcNow.ToOffset(wib).AddDays(-2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), Name("letterDate") },
        };
        if (section is { } id)
        {
            form.Add(new StringContent(id.ToString()), Name("sectionId"));
        }

        var file = new ByteArrayContent(letter);
        file.Headers.ContentType = new MediaTypeHeaderValue(fileName.EndsWith(".jpg", StringComparison.Ordinal) ? "image/jpeg" : "application/pdf");
        form.Add(file, Name("letter"), fileName);
        return form;
    }

    private static async Task<JsonElement> RegisterAsync(HttpClient client, MultipartFormDataContent form)
    {
        using var response = await client.PostAsync("/api/v1/activities", form);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static Task<HttpResponseMessage> ActAsync(HttpClient client, Guid id, string action, string? note = null)
        => client.PostAsJsonAsync($"/api/v1/activities/{id}/{action}", new { note });

    /// <summary>Takes a step that must succeed; the activity's status after it.</summary>
    private static async Task<string> StepAsync(HttpClient client, Guid id, string action, string? note = null)
    {
        using var response = await ActAsync(client, id, action, note);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{action}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("status").GetString()!;
    }

    private static async Task<JsonElement> ErrorsAsync(HttpResponseMessage response)
        => (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");

    private sealed record Notice(string Reason, string Message, string Link);

    private static async Task<List<Notice>> InboxAsync(HttpClient client)
        => [.. (await client.GetFromJsonAsync<JsonElement>("/api/v1/inbox")).EnumerateArray()
            .Select(n => new Notice(n.GetProperty("reason").GetString()!, n.GetProperty("message").GetString()!, n.GetProperty("link").GetString()!))];

    private static async Task<WorkingCalendar> CalendarAsync(NewsroomApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IWorkingCalendar>().CurrentAsync(CancellationToken.None);
    }

    private static async Task<Actor> ActorAsync(NewsroomApp app, string userName, string role)
        => new(await Office.UserIdAsync(app, userName), userName, userName, new HashSet<string> { role });

    private static string IndonesianMonth(DateTimeOffset at) => at.ToOffset(TimeSpan.FromHours(7)).ToString("yyyy-MM", CultureInfo.InvariantCulture);

    private static async Task<string> TokenAsync(HttpClient client, string formPage)
    {
        var page = await client.GetStringAsync(formPage);
        return Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
    }
}
