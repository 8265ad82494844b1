using Diskominfo.Newsroom.Abstractions.Results;
using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Infrastructure.Http;
using Diskominfo.Newsroom.Organization.Services;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Diskominfo.Newsroom.Organization.Endpoints;

/// <summary>
/// <c>/api/v1/working-calendar</c>: working weekdays, office hours, time zone and days off. Staff read it; admins set
/// the whole (PUT) or one day off (POST, PUT and DELETE on <c>/days-off/{date}</c>).
/// </summary>
internal static class WorkingCalendarEndpoints
{
    public const string Path = "/api/v1/working-calendar";

    public static void MapWorkingCalendarEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var calendar = endpoints.MapGroup(Path).WithTags("Organization").RequireAuthorization(NewsroomPolicies.ApiStaff);
        calendar.MapGet("/", GetAsync)
            .WithSummary("Kalender kerja: hari kerja, jam kantor, zona waktu, hari libur nasional dan cuti bersama tahun ?year= (bawaan: tahun ini, WIB), dan deskripsinya.");
        calendar.MapPut("/", SaveAsync)
            .WithSummary("Admin: {workingDays: [\"monday\"...], opens: \"07:30\", closes: \"16:00\", timeZone, daysOff?: [{date, name, kind}]}; daysOff, bila ada, menggantikan semua hari libur tahun ?year=.");
        calendar.MapPost("/days-off", AddAsync)
            .WithSummary("Admin: menambah satu hari libur {date: \"2026-08-17\", name, kind: holiday|cuti-bersama}.");
        calendar.MapPut("/days-off/{date}", UpdateAsync)
            .WithSummary("Admin: mengganti nama atau jenis hari libur pada tanggal itu.");
        calendar.MapDelete("/days-off/{date}", RemoveAsync)
            .WithSummary("Admin: menghapus hari libur; tanggal itu kembali menjadi hari kerja.");
    }

    private static async Task<Results<Ok<WorkingCalendarView>, ProblemHttpResult>> GetAsync(
        string? year, WorkingCalendarSettings settings, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (y, refusal) = Year(year, clock);
        return refusal is not null ? OutcomeResults.Problem(refusal) : TypedResults.Ok(await settings.ViewAsync(y, cancellationToken));
    }

    private static async Task<Results<Ok<WorkingCalendarView>, ProblemHttpResult>> SaveAsync(
        string? year, WorkingCalendarInput request, HttpContext http, WorkingCalendarSettings settings, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (y, refusal) = Year(year, clock);
        var outcome = refusal ?? await settings.SaveAsync(request, y, Actor.FromPrincipal(http.User)!, cancellationToken);
        return outcome.Succeeded ? TypedResults.Ok(await settings.ViewAsync(y, cancellationToken)) : OutcomeResults.Problem(outcome);
    }

    private static async Task<Results<Created<DayOffView>, ProblemHttpResult>> AddAsync(
        DayOffInput request, HttpContext http, WorkingCalendarSettings settings, CancellationToken cancellationToken)
    {
        var outcome = await settings.AddDayOffAsync(request, Actor.FromPrincipal(http.User)!, cancellationToken);
        return outcome.Succeeded
            ? TypedResults.Created($"{Path}/days-off/{WibDates.Iso(outcome.Value!.Date)}", outcome.Value)
            : OutcomeResults.Problem(outcome);
    }

    private static async Task<Results<Ok<DayOffView>, ProblemHttpResult>> UpdateAsync(
        string date, DayOffInput request, HttpContext http, WorkingCalendarSettings settings, CancellationToken cancellationToken)
    {
        if (Date(date) is not { } day)
        {
            return OutcomeResults.Problem(BadDate(date));
        }

        var outcome = await settings.UpdateDayOffAsync(day, request, Actor.FromPrincipal(http.User)!, cancellationToken);
        return outcome.Succeeded ? TypedResults.Ok(outcome.Value!) : OutcomeResults.Problem(outcome);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RemoveAsync(
        string date, HttpContext http, WorkingCalendarSettings settings, CancellationToken cancellationToken)
    {
        if (Date(date) is not { } day)
        {
            return OutcomeResults.Problem(BadDate(date));
        }

        var outcome = await settings.RemoveDayOffAsync(day, Actor.FromPrincipal(http.User)!, cancellationToken);
        return outcome.Succeeded ? TypedResults.NoContent() : OutcomeResults.Problem(outcome);
    }

    private static DateOnly? Date(string text)
        => DateOnly.TryParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day)
            ? day
            : null;

    private static Outcome BadDate(string text)
        => Outcome.Invalid("date", $"Tanggal '{text}' tidak dikenali; tulis sebagai tahun-bulan-tanggal, misalnya 2026-08-17.");

    private static (int Year, Outcome? Refusal) Year(string? text, TimeProvider clock)
    {
        var current = WibDates.Of(clock.GetUtcNow()).Year;
        if (string.IsNullOrWhiteSpace(text))
        {
            return (current, null);
        }

        return int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var year) && year is >= 2000 and <= 2100
            ? (year, null)
            : (current, Outcome.Invalid("year", $"Tahun '{text}' tidak dikenali; tulis empat angka antara 2000 dan 2100, misalnya 2026."));
    }
}
