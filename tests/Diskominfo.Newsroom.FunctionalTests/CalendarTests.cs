using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Diskominfo.Newsroom.Abstractions.Text;
using static Diskominfo.Newsroom.FunctionalTests.CalendarTestWorld;

namespace Diskominfo.Newsroom.FunctionalTests;

/// <summary>
/// The office's calendar over the real publication and adventorial sources and a test double for activities: what each
/// person sees, the JSON and its filters, the .ics (Ical.Net reads it back), the per-person feed by token, and moving
/// entries through the API and the desk's form.
/// </summary>
public sealed partial class CalendarTests
{
    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Postgres")]
    public async Task Calendar_EntriesVisibilityFiltersIcsFeedAndReschedule_AsEachPersonMay(string provider)
    {
        await using var database = provider == "Sqlite" ? await TestDatabase.SqliteAsync() : await TestDatabase.PostgresAsync();
        var activities = new ActivitySource();
        await using var app = await NewsroomApp.StartAsync(database, services: Services(activities));
        var id = await ScheduledPressReleaseAsync(app, "Festival Budaya Kabupaten Raya Dibuka", PublishAt);
        using var reporter = await app.LoginAsync("reporter");
        using var reporter2 = await app.LoginAsync("reporter2");
        using var kasi = await app.LoginAsync("kasi");
        using var kadis = await app.LoginAsync("kadis");
        using var operatorClient = await app.LoginAsync("operator");

        // An adventorial the Kasi (its PPTK) is still writing, to appear on its publication date (all day).
        var adventorialDate = Day(4);
        var created = await kasi.PostAsJsonAsync("/api/v1/items", new
        {
            type = "adventorial", title = "Program Jalan Mulus Kabupaten Raya", lead = "Perbaikan 40 kilometer jalan.", body = "Dibiayai APBD.",
            category = "pembangunan", outlet = "Majalah Pembangunan", cost = 7_500_000m, publicationDate = adventorialDate.ToString("yyyy-MM-dd"),
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var adventorial = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        // The JSON: its shape, and what each person sees.
        var response = await kadis.GetFromJsonAsync<JsonElement>($"/api/v1/calendar?{Period}");
        Assert.Equal(IndonesianTime.StartOfDay(Day(0)), response.GetProperty("from").GetDateTimeOffset());
        Assert.Equal(IndonesianTime.StartOfDay(Day(11)), response.GetProperty("to").GetDateTimeOffset());
        Assert.Equal(JsonValueKind.Array, response.GetProperty("daysOff").ValueKind);
        var entries = response.GetProperty("entries").EnumerateArray().ToArray();
        var publication = entries.Single(e => e.GetProperty("id").GetString() == $"publication:{id}");
        Assert.Equal("publication", publication.GetProperty("kind").GetString());
        Assert.Equal("Jadwal terbit", publication.GetProperty("kindLabel").GetString());
        Assert.Equal("Festival Budaya Kabupaten Raya Dibuka", publication.GetProperty("title").GetString());
        Assert.Equal(PublishAt, publication.GetProperty("start").GetDateTimeOffset());
        Assert.False(publication.GetProperty("allDay").GetBoolean());
        Assert.Equal(Office.SeksiMedia, publication.GetProperty("sectionId").GetGuid());
        Assert.Equal($"/admin/naskah/{id}", publication.GetProperty("url").GetString());
        Assert.True(publication.GetProperty("canReschedule").GetBoolean());
        foreach (var field in new[] { "end", "place", "status" })
        {
            Assert.True(publication.TryGetProperty(field, out _), $"entry lacks '{field}'");
        }

        var dated = entries.Single(e => e.GetProperty("id").GetString() == $"adventorial:{adventorial}");
        Assert.True(dated.GetProperty("allDay").GetBoolean());
        Assert.Equal(IndonesianTime.StartOfDay(adventorialDate), dated.GetProperty("start").GetDateTimeOffset());
        Assert.Equal("Majalah Pembangunan", dated.GetProperty("place").GetString());
        Assert.False(dated.GetProperty("canReschedule").GetBoolean()); // the Kadis may not edit the PPTK's draft
        Assert.Contains(entries, e => e.GetProperty("id").GetString() == ActivitySource.HeadsOnly);

        var own = await EntriesAsync(reporter, Period);
        Assert.False(own.Single(e => e.GetProperty("id").GetString() == $"publication:{id}").GetProperty("canReschedule").GetBoolean());
        Assert.DoesNotContain(own, e => e.GetProperty("id").GetString() == $"adventorial:{adventorial}");
        var other = await EntriesAsync(reporter2, Period);
        Assert.DoesNotContain(other, e => e.GetProperty("kind").GetString() is "publication" or "adventorial");
        Assert.Equal(ActivitySource.Open, Assert.Single(other).GetProperty("id").GetString());
        Assert.True((await EntriesAsync(kasi, Period)).Single(e => e.GetProperty("id").GetString() == $"adventorial:{adventorial}").GetProperty("canReschedule").GetBoolean());
        Assert.True((await EntriesAsync(operatorClient, Period)).Single(e => e.GetProperty("id").GetString() == $"publication:{id}").GetProperty("canReschedule").GetBoolean());

        // Filters by kind and by seksi (a bidang takes in its seksi); bad input is refused in Indonesian.
        Assert.All(await EntriesAsync(kadis, Period + "&kind=adventorial,activity"), e => Assert.NotEqual("publication", e.GetProperty("kind").GetString()));
        Assert.Equal(3, (await EntriesAsync(kadis, Period + "&kind=adventorial,activity")).Length);
        var media = (await EntriesAsync(kadis, Period + $"&section={Office.SeksiMedia}")).Select(e => e.GetProperty("id").GetString()).ToHashSet();
        Assert.Contains($"publication:{id}", media);
        Assert.DoesNotContain(ActivitySource.HeadsOnly, media);
        Assert.Contains(ActivitySource.HeadsOnly, (await EntriesAsync(kadis, Period + $"&section={Office.Bidang}")).Select(e => e.GetProperty("id").GetString()));
        foreach (var bad in new[] { "", "from=2026-12-01", "from=kemarin&to=2026-12-01", "from=2026-01-01&to=2027-06-01", "from=2026-12-05&to=2026-12-01", Period + "&kind=rapat", Period + "&section=seksi" })
        {
            var rejection = await kadis.GetAsync($"/api/v1/calendar?{bad}");
            Assert.Equal(HttpStatusCode.BadRequest, rejection.StatusCode);
            Assert.Matches("(tanggal|Periode|Jenis|Seksi|Akhir)", await rejection.Content.ReadAsStringAsync());
        }

        // The .ics of the signed-in person (bearer, or the desk's cookie) reads back with Ical.Net.
        var ics = await kadis.GetAsync($"/api/v1/calendar.ics?{Period}");
        Assert.Equal(HttpStatusCode.OK, ics.StatusCode);
        Assert.Equal("text/calendar", ics.Content.Headers.ContentType?.MediaType);
        var parsed = Ical.Net.Calendar.Load(await ics.Content.ReadAsStringAsync())!;
        var published = parsed.Events.Single(e => e.Uid == $"publication:{id}@localhost");
        Assert.Equal(PublishAt.UtcDateTime, published.DtStart!.AsUtc);
        Assert.Equal("Festival Budaya Kabupaten Raya Dibuka", published.Summary);
        Assert.Equal(new Uri($"http://localhost/admin/naskah/{id}"), published.Url);
        Assert.Contains("Jadwal terbit", published.Categories);
        var allDay = parsed.Events.Single(e => e.Uid == $"adventorial:{adventorial}@localhost");
        Assert.False(allDay.DtStart!.HasTime);
        Assert.Equal(adventorialDate, DateOnly.FromDateTime(allDay.DtStart.Value));
        Assert.Equal(adventorialDate.AddDays(1), DateOnly.FromDateTime(allDay.DtEnd!.Value));
        var meeting = parsed.Events.Single(e => e.Uid == $"{ActivitySource.Open}@localhost");
        Assert.Equal(ActivitySource.Start.UtcDateTime, meeting.DtStart!.AsUtc);
        Assert.Equal(ActivitySource.Start.AddHours(2).UtcDateTime, meeting.DtEnd!.AsUtc);
        Assert.Equal("Aula Kantor Bupati", meeting.Location);
        using var kadisDesk = await app.SignInAsync("kadis");
        Assert.Contains($"publication:{id}@localhost", await kadisDesk.Http.GetStringAsync($"/api/v1/calendar.ics?{Period}"), StringComparison.Ordinal);
        using (var stranger = app.CreateClient(new() { AllowAutoRedirect = false }))
        {
            Assert.True((await stranger.GetAsync($"/api/v1/calendar.ics?{Period}")).StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Redirect);
        }

        // The feed by token: no cookie needed; each token shows its own person's view; revoked or disabled: 404.
        using var anonymous = app.CreateClient();
        var kadisFeed = await FeedAddressAsync(kadisDesk);
        using var reporter2Desk = await app.SignInAsync("reporter2");
        var reporter2Feed = await FeedAddressAsync(reporter2Desk);
        Assert.DoesNotContain(reporter2Feed, await kadisDesk.Http.GetStringAsync("/admin/kalender/langganan"), StringComparison.Ordinal); // shown once
        var kadisIcs = await anonymous.GetStringAsync(kadisFeed);
        Assert.Contains($"UID:publication:{id}@localhost", kadisIcs, StringComparison.Ordinal);
        Assert.Contains($"UID:{ActivitySource.HeadsOnly}@localhost", kadisIcs, StringComparison.Ordinal);
        var reporter2Ics = await anonymous.GetStringAsync(reporter2Feed);
        Assert.Contains($"UID:{ActivitySource.Open}@localhost", reporter2Ics, StringComparison.Ordinal);
        Assert.DoesNotContain("publication:", reporter2Ics, StringComparison.Ordinal);
        Assert.DoesNotContain(ActivitySource.HeadsOnly, reporter2Ics, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(kadisFeed.Replace(".ics", "x.ics", StringComparison.Ordinal))).StatusCode);
        var regenerated = await FeedAddressAsync(kadisDesk);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(kadisFeed)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(regenerated)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await kadisDesk.PostFormAsync("/admin/kalender/langganan", new(), "/admin/kalender/langganan?handler=Cabut")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(regenerated)).StatusCode);
        using (var admin = await app.LoginAsync("admin"))
        {
            Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/v1/users/{await Office.UserIdAsync(app, "reporter2")}/disable", null)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(reporter2Feed)).StatusCode);

        // Moving entries through the API: the source's answer, and the real publication time moves.
        var later = PublishAt.AddDays(1).AddHours(2);
        Assert.Equal(HttpStatusCode.Forbidden, (await Reschedule(reporter, $"publication:{id}", later)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Reschedule(kasi, "publication:" + Guid.NewGuid(), later)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Reschedule(kasi, "rapat:1", later)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await kadis.PostAsJsonAsync("/api/v1/calendar/reschedule", new { id = $"publication:{id}" })).StatusCode);
        var past = await Reschedule(kadis, $"publication:{id}", DateTimeOffset.UtcNow.AddHours(-1));
        Assert.Equal(HttpStatusCode.BadRequest, past.StatusCode);
        Assert.Contains("masa depan", await past.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(PublishAt, await WebsiteDueAtAsync(kadis, id));
        var move = await Reschedule(kadis, $"publication:{id}", later.ToOffset(TimeSpan.FromHours(7))); // as a WIB time
        Assert.True(move.StatusCode == HttpStatusCode.OK, $"{move.StatusCode}: {await move.Content.ReadAsStringAsync()}");
        Assert.Equal(later, await WebsiteDueAtAsync(kadis, id));
        var rescheduled = await Api.GetAsync(kadis, id); // the approval chain records the new time in the buku agenda
        Assert.Equal(later, rescheduled.GetProperty("publishAt").GetDateTimeOffset());
        Assert.Equal(2, rescheduled.GetProperty("history").EnumerateArray().Count(h => h.GetProperty("action").GetString() == "scheduled"));
        Assert.Equal(HttpStatusCode.Forbidden, (await Reschedule(reporter, ActivitySource.Open, later)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Reschedule(reporter, ActivitySource.HeadsOnly, later)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Reschedule(kasi, ActivitySource.Open, later)).StatusCode);
        Assert.Equal((ActivitySource.Open, later), Assert.Single(activities.Moves));

        // The adventorial's date moves by its PPTK's edit only (the Content module's rules).
        Assert.Equal(HttpStatusCode.Forbidden, (await Reschedule(kadis, $"adventorial:{adventorial}", later)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Reschedule(reporter, $"adventorial:{adventorial}", later)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Reschedule(kasi, $"adventorial:{adventorial}", IndonesianTime.StartOfDay(Day(6)).AddHours(8))).StatusCode);
        Assert.Equal(Day(6).ToString("yyyy-MM-dd"), (await Api.GetAsync(kasi, adventorial)).GetProperty("adventorial").GetProperty("publicationDate").GetString());

        // The desk page: the views, and the form that moves an entry without script.
        var month = await kadisDesk.Http.GetAsync($"/admin/kalender?tampilan=bulan&tanggal={later:yyyy-MM-dd}");
        Assert.Equal(HttpStatusCode.OK, month.StatusCode);
        Assert.Contains("Festival Budaya Kabupaten Raya Dibuka", await month.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await kadisDesk.Http.GetAsync("/admin/kalender?tanggal=besok")).StatusCode);
        var agenda = $"/admin/kalender?tampilan=agenda&tanggal={Day(0):yyyy-MM-dd}";
        var agendaPage = await kadisDesk.Http.GetStringAsync(agenda);
        Assert.Contains("Pindahkan", agendaPage, StringComparison.Ordinal);
        var moved = await kadisDesk.PostFormAsync(agenda, new() { ["id"] = $"publication:{id}", ["mulai"] = $"{Day(5):yyyy-MM-dd}T14:15" }, agenda + "&handler=Pindahkan");
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        Assert.Equal(IndonesianTime.StartOfDay(Day(5)).AddHours(14.25), await WebsiteDueAtAsync(kadis, id));
        using var reporterDesk = await app.SignInAsync("reporter");
        var refused = await reporterDesk.PostFormAsync(agenda, new() { ["id"] = $"publication:{id}", ["mulai"] = $"{Day(6):yyyy-MM-dd}T09:00" }, agenda + "&handler=Pindahkan");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("Hanya Kepala Dinas", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static Task<HttpResponseMessage> Reschedule(HttpClient client, string id, DateTimeOffset start)
        => client.PostAsJsonAsync("/api/v1/calendar/reschedule", new { id, start });

    /// <summary>Makes (or makes anew) the person's feed address on the desk; its path, read from the page that shows it once.</summary>
    private static async Task<string> FeedAddressAsync(DeskClient desk)
    {
        var response = await desk.PostFormAsync("/admin/kalender/langganan", new(), "/admin/kalender/langganan?handler=Buat");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        var https = FeedAddress().Match(page);
        Assert.True(https.Success, "the page does not show the feed's address");
        Assert.Contains("webcal://localhost/kalender/", page, StringComparison.Ordinal);
        return new Uri(https.Groups[1].Value).AbsolutePath;
    }

    [GeneratedRegex("value=\"(http://localhost/kalender/[A-Za-z0-9_-]+\\.ics)\"")]
    private static partial Regex FeedAddress();
}
