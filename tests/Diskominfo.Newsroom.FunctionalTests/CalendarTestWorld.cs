using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Diskominfo.Newsroom.Abstractions.Calendar;
using Diskominfo.Newsroom.Abstractions.Results;
using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Abstractions.Text;
using Microsoft.Extensions.DependencyInjection;

namespace Diskominfo.Newsroom.FunctionalTests;

/// <summary>
/// The calendar tests' world: a signed press release scheduled three days ahead at 10.30 WIB (never "today", so the
/// time of day the suite runs at does not matter), and a test double for the "activity" kind: one activity for all
/// staff, one for the office's heads only; only a Kasi may move them.
/// </summary>
internal static class CalendarTestWorld
{
    public static DateOnly Day(int daysFromToday) => Office.Today().AddDays(daysFromToday);

    /// <summary>10.30 WIB on the day three days from today.</summary>
    public static DateTimeOffset PublishAt => IndonesianTime.StartOfDay(Day(3)).AddHours(10.5);

    public static Action<IServiceCollection> Services(ActivitySource activities) => s => s.AddSingleton<ICalendarSource>(activities);

    /// <summary>A press release by <c>reporter</c> taken to the Kadis's signature with a publication time; its id.</summary>
    public static async Task<Guid> ScheduledPressReleaseAsync(NewsroomApp app, string title, DateTimeOffset publishAt)
    {
        using var reporter = await app.LoginAsync("reporter");
        using var kasi = await app.LoginAsync("kasi");
        using var kabid = await app.LoginAsync("kabid");
        using var kadis = await app.LoginAsync("kadis");
        var id = await Api.CreatePressReleaseAsync(reporter, title: title);
        Assert.Equal(HttpStatusCode.OK, (await Api.ActAsync(reporter, id, "submit")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Api.ActAsync(kasi, id, "approve")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Api.ActAsync(kabid, id, "approve")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await kadis.PostAsJsonAsync($"/api/v1/items/{id}/schedule", new { publishAt })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Api.ActAsync(kadis, id, "approve")).StatusCode);
        return id;
    }

    /// <summary>The website publication's due time, as the item API shows it.</summary>
    public static async Task<DateTimeOffset> WebsiteDueAtAsync(HttpClient client, Guid id)
    {
        var item = await Api.GetAsync(client, id);
        return item.GetProperty("publications").EnumerateArray().Single(p => p.GetProperty("channel").GetString() == "website").GetProperty("dueAt").GetDateTimeOffset();
    }

    public static async Task<JsonElement[]> EntriesAsync(HttpClient client, string query)
    {
        var response = await client.GetAsync($"/api/v1/calendar?{query}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("entries").EnumerateArray()];
    }

    public static string Period => $"from={Day(0):yyyy-MM-dd}&to={Day(10):yyyy-MM-dd}";
}

/// <summary>A calendar source of kind "activity" standing in for the Coordination module's, recording moves.</summary>
internal sealed class ActivitySource : ICalendarSource
{
    public const string Open = "activity:rapat-koordinasi";
    public const string HeadsOnly = "activity:rapat-pimpinan";

    public List<(string Id, DateTimeOffset Start)> Moves { get; } = [];

    public IReadOnlyList<string> Kinds { get; } = [CalendarKinds.Activity];

    public static DateTimeOffset Start => IndonesianTime.StartOfDay(CalendarTestWorld.Day(2)).AddHours(9);

    public Task<IReadOnlyList<CalendarEntry>> ListAsync(Actor actor, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var mayMove = actor.IsInRole(NewsroomRoles.Kasi);
        List<CalendarEntry> all =
        [
            new(Open, CalendarKinds.Activity, "Rapat Koordinasi Hari Jadi Kabupaten", Start, Start.AddHours(2), false, Office.SeksiMedia, "Aula Kantor Bupati", "/admin/kegiatan/1", "Disetujui", mayMove),
        ];
        if (!actor.IsInRole(NewsroomRoles.Reporter))
        {
            all.Add(new(HeadsOnly, CalendarKinds.Activity, "Rapat Pimpinan Terbatas", Start.AddDays(1), null, false, Office.SeksiKomunikasi, "Ruang Kadis", "/admin/kegiatan/2", "Disetujui", mayMove));
        }

        return Task.FromResult<IReadOnlyList<CalendarEntry>>([.. all.Where(e => e.Start < to && e.Start >= from)]);
    }

    public Task<Outcome> RescheduleAsync(Actor actor, string entryId, DateTimeOffset start, CancellationToken cancellationToken)
    {
        if (entryId != Open && !(entryId == HeadsOnly && !actor.IsInRole(NewsroomRoles.Reporter)))
        {
            return Task.FromResult(Outcome.NotFound("Kegiatan tidak ditemukan."));
        }

        if (!actor.IsInRole(NewsroomRoles.Kasi))
        {
            return Task.FromResult(Outcome.Forbidden("Hanya Kepala Seksi yang dapat memindahkan kegiatan."));
        }

        lock (Moves)
        {
            Moves.Add((entryId, start));
        }

        return Task.FromResult(Outcome.Ok());
    }
}
