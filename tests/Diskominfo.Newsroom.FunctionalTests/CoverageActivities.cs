using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Diskominfo.Newsroom.Abstractions.Coordination;
using Microsoft.Extensions.DependencyInjection;

namespace Diskominfo.Newsroom.FunctionalTests;

/// <summary>
/// Real activities for the coverage tests, made as the office makes them through the Coordination module's API: an
/// invitation registered in the agenda book with its scanned letter (a small real PDF), then, up to the status asked
/// for, proposed by the Kasi, initialled by the Kabid and approved by the Kadis. What is returned is what the site's
/// own <see cref="IActivitySchedule"/> says of it.
/// </summary>
internal sealed class CoverageActivities(NewsroomApp app, TimeProvider? clock = null) : IDisposable
{
    private static readonly byte[] Letter = Encoding.Latin1.GetBytes(DocumentTests.MinimalPdf);
    private static readonly TimeSpan Wib = TimeSpan.FromHours(7);

    /// <summary>Each status and the step (and the post) that reaches it, in the chain's order.</summary>
    private static readonly (string Status, string Step, string Post)[] Chain =
    [
        (ActivityStatuses.Proposed, "propose", "kasi"),
        (ActivityStatuses.Initialled, "initial", "kabid"),
        (ActivityStatuses.Approved, "approve", "kadis"),
    ];

    private readonly Dictionary<string, HttpClient> _clients = [];

    /// <summary>
    /// An invitation registered (by the Kasi, without a seksi) and taken through the chain until it has
    /// <paramref name="status"/>: registered, proposed, initialled, or approved (on the schedule, the default).
    /// </summary>
    public async Task<ScheduledActivity> AddAsync(string title, string place, DateTimeOffset start, string status = ActivityStatuses.Approved)
        => await AdvanceAsync(await RegisterAsync(title, place, start), status);

    /// <summary>A registered invitation (through the API or the desk) taken through the chain until it has <paramref name="status"/>.</summary>
    public async Task<ScheduledActivity> AdvanceAsync(Guid id, string status = ActivityStatuses.Approved)
    {
        var current = ActivityStatuses.Registered;
        foreach (var (reached, step, post) in Chain.TakeWhile(_ => current != status))
        {
            using var response = await (await ClientAsync(post)).PostAsJsonAsync($"/api/v1/activities/{id}/{step}", new { note = (string?)null });
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{step}: {(int)response.StatusCode} {body}");
            current = JsonDocument.Parse(body).RootElement.GetProperty("status").GetString()!;
            Assert.Equal(reached, current);
        }

        await using var scope = app.Services.CreateAsyncScope();
        var activity = await scope.ServiceProvider.GetRequiredService<IActivitySchedule>().FindAsync(id, CancellationToken.None);
        Assert.NotNull(activity);
        Assert.Equal(status, activity.Status);
        return activity;
    }

    private async Task<Guid> RegisterAsync(string title, string place, DateTimeOffset start)
    {
        var today = (clock ?? TimeProvider.System).GetUtcNow().ToOffset(Wib);
        var letter = new ByteArrayContent(Letter);
        letter.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(title), "title" },
            { new StringContent("Sekretariat Daerah"), "organizer" },
            { new StringContent(place), "place" },
            { new StringContent(Minute(start)), "start" },
            { new StringContent(Minute(start.AddHours(2))), "end" },
            { new StringContent("Bagian Prokopim, 0812-0000-0000"), "contact" },
            { new StringContent("005/321/SETDA/2026"), "letterNumber" },
            { new StringContent(today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), "letterDate" },
            { letter, "letter", "undangan.pdf" },
        };
        using var response = await (await ClientAsync("kasi")).PostAsync("/api/v1/activities", form);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"register: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetGuid();
    }

    /// <summary>To the minute, with its offset, as a person types it.</summary>
    private static string Minute(DateTimeOffset at) => at.ToString("yyyy-MM-dd'T'HH:mmzzz", CultureInfo.InvariantCulture);

    private async Task<HttpClient> ClientAsync(string userName)
    {
        if (!_clients.TryGetValue(userName, out var client))
        {
            client = await app.LoginAsync(userName);
            _clients[userName] = client;
        }

        return client;
    }

    public void Dispose()
    {
        foreach (var client in _clients.Values)
        {
            client.Dispose();
        }
    }
}
