using System.Globalization;
using Diskominfo.Newsroom.Abstractions.Results;
using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Abstractions.Text;
using Diskominfo.Newsroom.Infrastructure.Http;
using Diskominfo.Newsroom.Reports.Services;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace Diskominfo.Newsroom.Reports.Endpoints;

/// <summary><c>/api/v1/reports</c>: the adventorial spend (JSON and Excel) and the monthly clipping book (PDF).</summary>
internal static class ReportEndpoints
{
    public static void MapReportEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup(ReportPaths.Api).WithTags("Reports").RequireAuthorization(NewsroomPolicies.ApiStaff);
        group.MapGet("/adventorial-spend", SpendAsync)
            .WithSummary("Belanja adventorial ?year=tttt per kode rekening DPA (dengan pagu dan sisa), media, bulan dan PPTK, beserta rinciannya.");
        group.MapGet("/adventorial-spend.xlsx", SpendWorkbookAsync)
            .WithSummary("Belanja adventorial ?year=tttt sebagai berkas Excel.");
        group.MapGet("/clipping-book.pdf", ClippingBookAsync)
            .WithSummary("Buku kliping bulanan (PDF) ?month=tttt-bb: kliping terpilih per koran, majalah, tabloid dengan pindaian, rekap per media dan nada, blok tanda tangan Kadis.");
    }

    /// <summary>A year as <c>yyyy</c> (this WIB year when none is given), or the Indonesian refusal on <paramref name="field"/>.</summary>
    public static Outcome<int> ParseYear(string? value, string field, TimeProvider clock)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return Outcome<int>.Ok(IndonesianTime.ToWib(clock.GetUtcNow()).Year);
        }

        return int.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 2000 and <= 2100
            ? Outcome<int>.Ok(year)
            : Outcome<int>.From(Outcome.Invalid(field, "Tahun harus ditulis tttt, antara 2000 dan 2100, misalnya 2026."));
    }

    private static async Task<Results<Ok<SpendReport>, ProblemHttpResult>> SpendAsync(
        HttpContext http, AdventorialSpend spend, TimeProvider clock, CancellationToken cancellationToken, string? year = null)
    {
        if (Refused(http, ReportPaths.SpendReaders) is { } refused)
        {
            return refused;
        }

        var parsed = ParseYear(year, "year", clock);
        return parsed.Succeeded ? TypedResults.Ok(await spend.BuildAsync(parsed.Value, cancellationToken)) : OutcomeResults.Problem(parsed);
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> SpendWorkbookAsync(
        HttpContext http, AdventorialSpend spend, IOptions<ReportsOptions> options, TimeProvider clock, CancellationToken cancellationToken, string? year = null)
    {
        if (Refused(http, ReportPaths.SpendReaders) is { } refused)
        {
            return refused;
        }

        var parsed = ParseYear(year, "year", clock);
        if (!parsed.Succeeded)
        {
            return OutcomeResults.Problem(parsed);
        }

        var report = await spend.BuildAsync(parsed.Value, cancellationToken);
        return TypedResults.File(SpendWorkbook.Render(report, options.Value.Office), SpendWorkbook.XlsxType, SpendWorkbook.FileName(parsed.Value));
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ClippingBookAsync(
        HttpContext http, ClippingBookBuilder books, CancellationToken cancellationToken, string? month = null)
    {
        if (Refused(http, ReportPaths.BookReaders) is { } refused)
        {
            return refused;
        }

        var parsed = ClippingBookBuilder.ParseMonth(month, "month");
        if (!parsed.Succeeded)
        {
            return OutcomeResults.Problem(parsed);
        }

        var (y, m) = parsed.Value;
        var pdf = await books.BuildAsync(y, m, Actor.FromPrincipal(http.User)!, cancellationToken);
        return TypedResults.File(pdf, "application/pdf", ClippingBookBuilder.FileName(y, m));
    }

    private static ProblemHttpResult? Refused(HttpContext http, string[] roles)
        => ReportPaths.MayRead(Actor.FromPrincipal(http.User)!, roles)
            ? null
            : OutcomeResults.Problem(Outcome.Forbidden("Laporan ini untuk " + string.Join(", ", roles.Select(NewsroomRoles.Title)) + "."));
}
