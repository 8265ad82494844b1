using Diskominfo.Newsroom.Abstractions.Calendar;
using Diskominfo.Newsroom.Abstractions.Content;
using Diskominfo.Newsroom.Abstractions.Results;
using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Abstractions.Text;
using Diskominfo.Newsroom.Editorial.Services;
using Diskominfo.Newsroom.Editorial.Settings;
using Diskominfo.Newsroom.Infrastructure.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Diskominfo.Newsroom.Editorial.Endpoints;

/// <summary>Scheduling, the history check and the service-time report.</summary>
internal static class DeskToolEndpoints
{
    public sealed record ScheduleRequest(DateTimeOffset? PublishAt);

    public sealed record ScheduleResponse(Guid Id, DateTimeOffset? PublishAt);

    public sealed record VerifyResponse(Guid Id, bool Intact, int Entries, int? BrokenAt, string Message);

    public static void MapDeskToolEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var items = endpoints.MapGroup("/api/v1/items/{id:guid}").WithTags("Approval").RequireAuthorization(NewsroomPolicies.ApiStaff);
        items.MapPost("/schedule", ScheduleAsync).RequireItemSight(ItemSight.Published)
            .WithSummary("Mengatur waktu terbit (publishAt, dengan zona waktu); null berarti terbit segera setelah ditandatangani.");
        items.MapGet("/history/verify", VerifyAsync).RequireItemSight(ItemSight.Work)
            .WithSummary("Memeriksa rantai hash buku agenda naskah: utuh atau di entri mana diubah.");

        var settings = endpoints.MapGroup("/api/v1/settings/editorial").WithTags("Settings").RequireAuthorization(NewsroomPolicies.ApiStaff);
        settings.MapGet("/", ReadSettingsAsync).WithSummary("Alur persetujuan dan waktu baku yang berlaku per jenis konten.");
        settings.MapPut("/chains/{type}", (string type, ChainRequest request, HttpContext http, EditorialSettings editorial, CancellationToken ct)
                => RespondAsync(editorial.SaveChainAsync(type, request.Kind ?? ChainKinds.Standard, request.Roles ?? [], Actor.FromPrincipal(http.User)!, ct)))
            .WithSummary("Admin: mengubah urutan penyetuju untuk jenis konten (kind: standard atau correction). Naskah yang sudah berjalan tetap memakai alur lamanya.");
        settings.MapPut("/standards/{type}/{step}", (string type, string step, StandardRequest request, HttpContext http, EditorialSettings editorial, CancellationToken ct)
                => RespondAsync(editorial.SaveStandardAsync(type, step, request.Standard, Actor.FromPrincipal(http.User)!, ct)))
            .WithSummary("Admin: mengubah waktu baku satu langkah: {minutes} seperti sebelumnya, atau {amount, unit: minutes|hours|days}; dihitung dalam waktu kerja.");

        var reports = endpoints.MapGroup("/api/v1/reports").WithTags("Reports").RequireAuthorization(NewsroomPolicies.ApiStaff);
        reports.MapGet("/service-times", ServiceTimesAsync)
            .WithSummary("Waktu layanan per langkah terhadap mutu baku: jumlah, median, persentil 90, yang melewati baku (from/to: tanggal WIB).");
        reports.MapGet("/service-times.xlsx", ServiceTimesWorkbookAsync)
            .WithSummary("Laporan waktu layanan sebagai berkas Excel.");
    }

    public sealed record ChainRequest(IReadOnlyList<string>? Roles, string? Kind);

    /// <summary>Either <c>{minutes}</c> (the original contract) or <c>{amount, unit}</c>.</summary>
    public sealed record StandardRequest(int? Minutes, int? Amount = null, string? Unit = null)
    {
        public StandardTime Standard => Amount is { } amount || Unit is not null
            ? new StandardTime(Amount ?? Minutes ?? 0, Unit?.Trim().ToLowerInvariant() ?? StandardTimeUnits.Minutes)
            : StandardTime.FromMinutes(Minutes ?? 0);
    }

    /// <summary>A step's standard: amount and unit as set, its label ("2 hari kerja"), and the working minutes it allows.</summary>
    public sealed record StepSetting(string Step, string Label, int Minutes, int Amount, string Unit, string Standard);

    public sealed record TypeSettings(
        string Type, IReadOnlyList<string> Chain, IReadOnlyList<string> CorrectionChain, IReadOnlyList<StepSetting> Standards, string ReturnTo = ReturnModes.Default);

    private static async Task<Results<NoContent, ProblemHttpResult>> RespondAsync(Task<Outcome> action)
    {
        var outcome = await action;
        return outcome.Succeeded ? TypedResults.NoContent() : OutcomeResults.Problem(outcome);
    }

    private static async Task<Ok<IReadOnlyList<TypeSettings>>> ReadSettingsAsync(EditorialSettings settings, CancellationToken cancellationToken)
        => TypedResults.Ok(await settings.OverviewAsync(cancellationToken));

    private static async Task<Results<Ok<ScheduleResponse>, ProblemHttpResult>> ScheduleAsync(
        Guid id, ScheduleRequest? request, HttpContext http, EditorialService editorial, CancellationToken cancellationToken)
    {
        var outcome = await editorial.ScheduleAsync(id, Actor.FromPrincipal(http.User)!, request?.PublishAt, cancellationToken);
        return outcome.Succeeded ? TypedResults.Ok(new ScheduleResponse(id, request?.PublishAt)) : OutcomeResults.Problem(outcome);
    }

    private static async Task<Results<Ok<VerifyResponse>, ProblemHttpResult>> VerifyAsync(
        Guid id, HttpContext http, WorkflowQuery query, CancellationToken cancellationToken)
    {
        var result = await query.VerifyHistoryAsync(id, cancellationToken);
        return result is null
            ? OutcomeResults.Problem(Outcome.NotFound("Naskah tidak ditemukan."))
            : TypedResults.Ok(new VerifyResponse(id, result.Intact, result.Entries, result.BrokenAt, result.Message));
    }

    private static async Task<Results<Ok<ServiceTimes>, ProblemHttpResult>> ServiceTimesAsync(
        string? from, string? to, HttpContext http, ServiceTimeReport report, TimeProvider clock, CancellationToken cancellationToken)
    {
        var period = ReportPeriod.Parse(from, to, clock, Actor.FromPrincipal(http.User)!);
        return period.Refusal is not null
            ? OutcomeResults.Problem(period.Refusal)
            : TypedResults.Ok(await report.BuildAsync(period.From, period.To, cancellationToken));
    }

    private static async Task<IResult> ServiceTimesWorkbookAsync(
        string? from, string? to, HttpContext http, ServiceTimeReport report, TimeProvider clock, CancellationToken cancellationToken)
    {
        var period = ReportPeriod.Parse(from, to, clock, Actor.FromPrincipal(http.User)!);
        if (period.Refusal is not null)
        {
            return OutcomeResults.Problem(period.Refusal);
        }

        var (bytes, name) = await report.WorkbookAsync(period.From, period.To, cancellationToken);
        return TypedResults.File(bytes, ServiceTimeReport.XlsxType, name);
    }
}

/// <summary>The report's period (WIB dates, both ends included; default: this month so far) and who may read it.</summary>
internal sealed record ReportPeriod(DateOnly From, DateOnly To, Outcome? Refusal)
{
    public static readonly string[] Readers = [NewsroomRoles.Kasi, NewsroomRoles.Kabid, NewsroomRoles.Kadis, NewsroomRoles.Admin];

    public static ReportPeriod Parse(string? from, string? to, TimeProvider clock, Actor actor)
    {
        var today = DateOnly.FromDateTime(IndonesianTime.ToWib(clock.GetUtcNow()).DateTime);
        if (!Readers.Any(actor.IsInRole))
        {
            return new(today, today, Outcome.Forbidden("Laporan waktu layanan hanya untuk Kasi, Kabid, Kadis, dan admin."));
        }

        var errors = new Dictionary<string, string[]>();
        var start = ParseDate(from, new DateOnly(today.Year, today.Month, 1), "from", errors);
        var end = ParseDate(to, today, "to", errors);
        if (errors.Count == 0 && end < start)
        {
            errors["to"] = ["Tanggal akhir tidak boleh sebelum tanggal awal."];
        }

        if (errors.Count == 0 && end.DayNumber - start.DayNumber > 366 * 2)
        {
            errors["to"] = ["Periode laporan paling panjang dua tahun."];
        }

        return new(start, end, errors.Count > 0 ? Outcome.Invalid(errors) : null);
    }

    private static DateOnly ParseDate(string? value, DateOnly fallback, string field, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return fallback;
        }

        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date))
        {
            return date;
        }

        errors[field] = [$"Tanggal '{value}' tidak dikenali; gunakan format TTTT-BB-HH, misalnya 2026-11-01."];
        return fallback;
    }
}
