using Diskominfo.Newsroom.Abstractions.Calendar;
using Diskominfo.Newsroom.Abstractions.Results;
using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Calendar.Services;
using Diskominfo.Newsroom.Infrastructure.Http;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Diskominfo.Newsroom.Calendar.Endpoints;

/// <summary>The calendar API (JSON, iCalendar, moving an entry) and the per-person feed by token.</summary>
internal static class CalendarEndpoints
{
    public const string FeedPattern = "/kalender/{token}.ics";

    public sealed record RescheduleRequest(string? Id, DateTimeOffset? Start);

    public sealed record RescheduleResponse(string Id, DateTimeOffset Start);

    /// <summary>
    /// The .ics of the signed-in person takes the desk's cookie as well as a bearer token (a browser downloads it from the
    /// desk; it is a GET that changes nothing). The other calendar API calls take bearer tokens like the rest of the API.
    /// </summary>
    private static readonly AuthorizationPolicy CookieOrBearer = new AuthorizationPolicyBuilder("Bearer", "Identity.Application")
        .RequireRole(NewsroomRoles.All)
        .Build();

    public static void MapCalendarApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/v1/calendar", ListAsync).WithTags("Calendar").RequireAuthorization(NewsroomPolicies.ApiStaff)
            .WithSummary("Kalender kantor: kegiatan, penugasan, jadwal terbit, tayang adventorial, embargo (from/to: tanggal atau waktu ISO, paling panjang 366 hari; kind dan section menyaring) dan hari libur.");
        endpoints.MapGet("/api/v1/calendar.ics", IcsAsync).WithTags("Calendar").RequireAuthorization(CookieOrBearer)
            .WithSummary("Kalender pengguna yang masuk sebagai berkas iCalendar (from/to seperti /api/v1/calendar).");
        endpoints.MapPost("/api/v1/calendar/reschedule", RescheduleAsync).WithTags("Calendar").RequireAuthorization(NewsroomPolicies.ApiStaff)
            .WithSummary("Memindahkan entri kalender (id, start) bila pengguna berwenang; aturan modul pemilik entri berlaku.");
        endpoints.MapGet(FeedPattern, FeedAsync).AllowAnonymous().ExcludeFromDescription();
    }

    private static async Task<Results<Ok<CalendarView>, ProblemHttpResult>> ListAsync(
        string? from, string? to, string? kind, string? section, HttpContext http, CalendarService calendar, CancellationToken cancellationToken)
    {
        var range = CalendarRange.Parse(from, to);
        var filter = ParseFilter(kind, section);
        if (!range.Succeeded || !filter.Succeeded)
        {
            return OutcomeResults.Problem(range.Succeeded ? filter : range);
        }

        return TypedResults.Ok(await calendar.ListAsync(Actor.FromPrincipal(http.User)!, range.Value!, filter.Value!, cancellationToken));
    }

    private static async Task<IResult> IcsAsync(string? from, string? to, HttpContext http, CalendarFeeds feeds, CancellationToken cancellationToken)
    {
        var range = CalendarRange.Parse(from, to);
        if (!range.Succeeded)
        {
            return OutcomeResults.Problem(range);
        }

        var ics = await feeds.ForActorAsync(Actor.FromPrincipal(http.User)!, range.Value!, http.Request, cancellationToken);
        http.Response.Headers.CacheControl = "private, no-store";
        return TypedResults.Text(ics, IcsWriter.ContentType);
    }

    private static async Task<Results<Ok<RescheduleResponse>, ProblemHttpResult>> RescheduleAsync(
        RescheduleRequest? request, HttpContext http, CalendarService calendar, CancellationToken cancellationToken)
    {
        var outcome = await calendar.RescheduleAsync(Actor.FromPrincipal(http.User)!, request?.Id, request?.Start, cancellationToken);
        return outcome.Succeeded ? TypedResults.Ok(new RescheduleResponse(request!.Id!, request.Start!.Value)) : OutcomeResults.Problem(outcome);
    }

    private static async Task<IResult> FeedAsync(string token, HttpContext http, CalendarFeeds feeds, CancellationToken cancellationToken)
    {
        var ics = await feeds.ForTokenAsync(token, http.Request, cancellationToken);
        if (ics is null)
        {
            return OutcomeResults.Problem(Outcome.NotFound("Alamat kalender ini tidak dikenal atau sudah dicabut."));
        }

        http.Response.Headers.CacheControl = "private, no-store";
        http.Response.Headers["X-Robots-Tag"] = "noindex";
        return TypedResults.Text(ics, IcsWriter.ContentType);
    }

    /// <summary>Kinds as a comma-separated list (or repeated), a bidang or seksi by id; unknown ones are refused (400).</summary>
    public static Outcome<CalendarFilter> ParseFilter(string? kind, string? section)
    {
        var kinds = (kind ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
        var unknown = kinds.Where(k => !CalendarKinds.All.Contains(k)).ToList();
        if (unknown.Count > 0)
        {
            return Outcome<CalendarFilter>.From(Outcome.Invalid("kind", $"Jenis '{string.Join(", ", unknown)}' tidak dikenal; pilih dari {string.Join(", ", CalendarKinds.All)}."));
        }

        Guid? sectionId = null;
        if (!string.IsNullOrWhiteSpace(section))
        {
            if (!Guid.TryParse(section, out var id))
            {
                return Outcome<CalendarFilter>.From(Outcome.Invalid("section", "Seksi atau bidang tidak dikenal: isi dengan id-nya."));
            }

            sectionId = id;
        }

        return Outcome<CalendarFilter>.Ok(new CalendarFilter(kinds, sectionId));
    }
}
