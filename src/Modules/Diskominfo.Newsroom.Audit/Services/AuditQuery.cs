using Diskominfo.Newsroom.Abstractions.Audit;
using Diskominfo.Newsroom.Abstractions.Text;
using Diskominfo.Newsroom.Audit.Data;
using Diskominfo.Newsroom.Audit.Models;
using Microsoft.EntityFrameworkCore;

namespace Diskominfo.Newsroom.Audit.Services;

/// <summary>Reads the log for the admins: a filtered page, newest first, or the whole selection as an Excel workbook.</summary>
internal sealed class AuditQuery(AuditDbContext db, TimeProvider clock)
{
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>The most rows one workbook holds; the sheet says when the selection had more (narrow the period).</summary>
    public const int ExportLimit = 50_000;

    public async Task<AuditPage> PageAsync(AuditFilter filter, CancellationToken cancellationToken)
    {
        var selection = Select(filter);
        var total = await selection.CountAsync(cancellationToken);
        var rows = await Newest(selection).Skip((filter.Page - 1) * filter.PageSize).Take(filter.PageSize).ToListAsync(cancellationToken);
        return new AuditPage(total, filter.Page, filter.PageSize, rows.Select(View).ToList());
    }

    public async Task<(byte[] Bytes, string FileName)> WorkbookAsync(AuditFilter filter, CancellationToken cancellationToken)
    {
        var selection = Select(filter);
        var total = await selection.CountAsync(cancellationToken);
        var rows = await Newest(selection).Take(ExportLimit).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var bytes = AuditWorkbook.Write(rows.Select(View).ToList(), total, filter, now);
        return (bytes, $"log-audit-{IndonesianTime.ToWib(now):yyyyMMdd-HHmm}.xlsx");
    }

    private IQueryable<AuditEntry> Select(AuditFilter filter)
    {
        var entries = db.Entries.AsNoTracking();
        if (filter.From is { } from)
        {
            entries = entries.Where(e => e.At >= from);
        }

        if (filter.Before is { } before)
        {
            entries = entries.Where(e => e.At < before);
        }

        if (filter.Through is { } through)
        {
            entries = entries.Where(e => e.At <= through);
        }

        if (filter.Actor is { } actor)
        {
            // Case-insensitive "contains" on both providers: lower() on both sides, LIKE with the wildcards escaped.
            var pattern = $"%{actor.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal)}%"
                .ToLowerInvariant();
            entries = entries.Where(e => e.ActorId == actor
                || (e.ActorUserName != null && EF.Functions.Like(e.ActorUserName.ToLower(), pattern, "\\"))
                || (e.ActorName != null && EF.Functions.Like(e.ActorName.ToLower(), pattern, "\\")));
        }

        if (filter.Action is { } action)
        {
            entries = filter.ActionIsPrefix ? entries.Where(e => e.Action.StartsWith(action)) : entries.Where(e => e.Action == action);
        }

        return entries;
    }

    private static IOrderedQueryable<AuditEntry> Newest(IQueryable<AuditEntry> entries) => entries.OrderByDescending(e => e.At).ThenByDescending(e => e.Id);

    private static AuditEntryView View(AuditEntry e) => new(
        e.Id,
        IndonesianTime.ToWib(e.At),
        e.ActorId,
        e.ActorName,
        e.ActorUserName,
        e.Address,
        e.Action,
        AuditActions.Label(e.Action),
        e.TargetType,
        e.TargetId,
        e.Summary,
        AuditValues.Read(e.Before),
        AuditValues.Read(e.After));
}

/// <summary>A page of the log, as <c>GET /api/v1/audit</c> answers it.</summary>
internal sealed record AuditPage(int Total, int Page, int PageSize, IReadOnlyList<AuditEntryView> Entries)
{
    [System.Text.Json.Serialization.JsonIgnore]
    public int Pages => Math.Max(1, (int)Math.Ceiling(Total / (double)PageSize));
}

/// <summary>One entry as the API, the page and the workbook show it (time in WIB).</summary>
internal sealed record AuditEntryView(
    long Id,
    DateTimeOffset At,
    string? ActorId,
    string? ActorName,
    [property: System.Text.Json.Serialization.JsonIgnore] string? ActorUserName,
    string? Address,
    string Action,
    string ActionLabel,
    string? TargetType,
    string? TargetId,
    string Summary,
    IReadOnlyDictionary<string, string?>? Before,
    IReadOnlyDictionary<string, string?>? After)
{
    /// <summary>Every field of either side with its value before and after, in the order the sender gave them.</summary>
    public IReadOnlyList<(string Key, string? Before, string? After)> Changes()
    {
        var keys = (Before?.Keys ?? []).Concat(After?.Keys ?? []).Distinct(StringComparer.Ordinal);
        return keys.Select(k => (k, Before?.GetValueOrDefault(k), After?.GetValueOrDefault(k))).ToList();
    }
}
