using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Audit.Services;
using Diskominfo.Newsroom.Infrastructure.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Diskominfo.Newsroom.Audit.Endpoints;

/// <summary>The log for admins with a bearer token: a filtered page as JSON, or the same selection as Excel.</summary>
internal static class AuditApi
{
    public static void MapAuditApi(this IEndpointRouteBuilder endpoints)
    {
        var audit = endpoints.MapGroup("/api/v1/audit").WithTags("Audit")
            .RequireAuthorization(NewsroomPolicies.ApiStaff, NewsroomPolicies.Admin);
        audit.MapGet("/", ListAsync)
            .WithSummary("Admin: log audit, terbaru lebih dulu. from/to: tanggal WIB (TTTT-BB-HH, keduanya termasuk) atau tanggal-jam ISO 8601; "
                + "actor: ID pengguna, atau sebagian nama pengguna/nama lengkap; action: nama tindakan atau awalan berakhiran titik (auth.); page, pageSize (1-200).");
        audit.MapGet("/export.xlsx", ExportAsync)
            .WithSummary("Admin: log audit dengan saringan yang sama sebagai berkas Excel.");
    }

    private static async Task<Results<Ok<AuditPage>, ProblemHttpResult>> ListAsync(
        AuditQuery query, CancellationToken cancellationToken,
        string? from = null, string? to = null, string? actor = null, string? action = null, string? page = null, string? pageSize = null)
    {
        var filter = AuditFilter.Parse(from, to, actor, action, page, pageSize);
        return filter.Succeeded
            ? TypedResults.Ok(await query.PageAsync(filter.Value!, cancellationToken))
            : OutcomeResults.Problem(filter);
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ExportAsync(
        AuditQuery query, CancellationToken cancellationToken,
        string? from = null, string? to = null, string? actor = null, string? action = null)
    {
        var filter = AuditFilter.Parse(from, to, actor, action, null, null);
        if (!filter.Succeeded)
        {
            return OutcomeResults.Problem(filter);
        }

        var (bytes, name) = await query.WorkbookAsync(filter.Value!, cancellationToken);
        return TypedResults.File(bytes, AuditQuery.XlsxType, name);
    }
}
