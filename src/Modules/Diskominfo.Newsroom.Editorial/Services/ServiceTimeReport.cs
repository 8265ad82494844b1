using Diskominfo.Newsroom.Abstractions.Content;
using Diskominfo.Newsroom.Abstractions.Text;
using Diskominfo.Newsroom.Editorial.Data;
using Diskominfo.Newsroom.Editorial.Models;
using Diskominfo.Newsroom.Editorial.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace Diskominfo.Newsroom.Editorial.Services;

/// <summary>
/// How long each step really took against its standard (mutu baku): per month (WIB, by the month the step ended), content
/// type and step, the count, median and 90th percentile minutes and the overdue count; and the overdue passages themselves.
/// </summary>
internal sealed class ServiceTimeReport(EditorialDbContext db, EditorialSettings settings, IContentCatalog content, IConfiguration configuration)
{
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>The report as the Excel file handed to the auditors, with its download name.</summary>
    public async Task<(byte[] Bytes, string FileName)> WorkbookAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var times = await BuildAsync(from, to, cancellationToken);
        return (ServiceTimeWorkbook.Write(times, configuration["Newsroom:OfficeName"] ?? "Diskominfo"), $"waktu-layanan-{from:yyyy-MM-dd}-{to:yyyy-MM-dd}.xlsx");
    }

    public const int MaxOverdueListed = 1000;

    public async Task<ServiceTimes> BuildAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var start = IndonesianTime.StartOfDay(from);
        var end = IndonesianTime.StartOfDay(to.AddDays(1));

        // Every item with any history in the period; a step counts when it ended inside the period.
        var itemIds = db.History.Where(h => h.At >= start && h.At < end).Select(h => h.ItemId).Distinct();
        var workflows = await db.Workflows.AsNoTracking()
            .Include(w => w.History)
            .Where(w => itemIds.Contains(w.ItemId))
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        var standards = await settings.StandardsAsync(cancellationToken);
        var spans = workflows
            .SelectMany(w => StepTimes.Measure(w, w.History))
            .Where(s => s.End is { } e && e >= start && e < end)
            .ToList();

        var rows = spans
            .GroupBy(s => (Month: IndonesianTime.ToWib(s.End!.Value).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture), s.ContentType, s.Step))
            .Select(g =>
            {
                var minutes = g.Select(s => s.Minutes!.Value).Order().ToList();
                var standard = standards.Minutes(g.Key.ContentType, g.Key.Step);
                return new ServiceTimeRow(
                    g.Key.Month, g.Key.ContentType, g.Key.Step, Steps.Label(g.Key.Step, g.Key.ContentType), minutes.Count,
                    Math.Round(Percentile(minutes, 0.5), 1), Math.Round(Percentile(minutes, 0.9), 1), standard, minutes.Count(m => m > standard));
            })
            .OrderBy(r => r.Month).ThenBy(r => r.ContentType).ThenBy(r => StepOrder(workflows, r))
            .ToList();

        var overdue = spans
            .Where(s => s.Minutes > standards.Minutes(s.ContentType, s.Step))
            .OrderByDescending(s => s.Minutes!.Value - standards.Minutes(s.ContentType, s.Step))
            .Take(MaxOverdueListed)
            .ToList();
        var titles = await content.GetTitlesAsync(overdue.Select(o => o.ItemId).Distinct().ToList(), cancellationToken);

        return new ServiceTimes(from, to, rows, overdue.Select(o => new OverdueStep(
            o.ItemId, titles.GetValueOrDefault(o.ItemId, ""), o.ContentType, o.Step, Steps.Label(o.Step, o.ContentType), o.Start, o.End!.Value,
            Math.Round(o.Minutes!.Value, 1), standards.Minutes(o.ContentType, o.Step))).ToList());
    }

    /// <summary>Linear interpolation between the closest ranks (as Excel's PERCENTILE.INC).</summary>
    public static double Percentile(IReadOnlyList<double> sorted, double p)
    {
        if (sorted.Count == 0)
        {
            return 0;
        }

        var rank = p * (sorted.Count - 1);
        var low = (int)Math.Floor(rank);
        var high = (int)Math.Ceiling(rank);
        return sorted[low] + ((sorted[high] - sorted[low]) * (rank - low));
    }

    // Steps in the order an item meets them: writing, the chain, publication, archive.
    private static int StepOrder(List<Workflow> workflows, ServiceTimeRow row) => row.Step switch
    {
        Steps.Draft => 0,
        Steps.Publish => 90,
        Steps.Archive => 99,
        _ => 1 + (workflows.FirstOrDefault(w => w.ContentType == row.ContentType)?.ChainRoles.ToList().IndexOf(row.Step) ?? 0),
    };
}

public sealed record ServiceTimes(DateOnly From, DateOnly To, IReadOnlyList<ServiceTimeRow> Steps, IReadOnlyList<OverdueStep> Overdue);

public sealed record ServiceTimeRow(
    string Month, string ContentType, string Step, string StepLabel, int Count, double MedianMinutes, double P90Minutes, int StandardMinutes, int OverdueCount);

public sealed record OverdueStep(
    Guid ItemId, string Title, string ContentType, string Step, string StepLabel, DateTimeOffset Start, DateTimeOffset End, double Minutes, int StandardMinutes);
