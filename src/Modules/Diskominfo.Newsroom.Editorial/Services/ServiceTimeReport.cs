using Diskominfo.Newsroom.Abstractions.Calendar;
using Diskominfo.Newsroom.Abstractions.Content;
using Diskominfo.Newsroom.Abstractions.Editorial;
using Diskominfo.Newsroom.Abstractions.Text;
using Diskominfo.Newsroom.Editorial.Data;
using Diskominfo.Newsroom.Editorial.Models;
using Diskominfo.Newsroom.Editorial.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace Diskominfo.Newsroom.Editorial.Services;

/// <summary>
/// How long each step really took against its standard (mutu baku), in working time under the office's working calendar
/// (the report names it): per month (WIB, by the month the step ended), content type and step, the count, median and 90th
/// percentile working minutes and the overdue count; the overdue passages themselves; then a section for every other
/// flow (<see cref="IServiceTimeSource"/>: Koordinasi, Peliputan) with its steps' count, average and longest working
/// time, how many went over the standard, and the open and overdue ones.
/// </summary>
internal sealed class ServiceTimeReport(
    EditorialDbContext db, EditorialSettings settings, IContentCatalog content, IEnumerable<IServiceTimeSource> sources, IWorkingCalendar workingCalendar,
    IConfiguration configuration, TimeProvider clock)
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
        var calendar = await workingCalendar.CurrentAsync(cancellationToken);

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
            .Select(s => (Span: s, Minutes: calendar.WorkingTimeBetween(s.Start, s.End!.Value).TotalMinutes, Standard: standards.For(s.ContentType, s.Step)))
            .ToList();
        double Allowed(StandardTime standard) => standard.WorkingTime(calendar).TotalMinutes;

        var rows = spans
            .GroupBy(s => (Month: IndonesianTime.ToWib(s.Span.End!.Value).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture), s.Span.ContentType, s.Span.Step))
            .Select(g =>
            {
                var minutes = g.Select(s => s.Minutes).Order().ToList();
                var standard = standards.For(g.Key.ContentType, g.Key.Step);
                return new ServiceTimeRow(
                    g.Key.Month, g.Key.ContentType, g.Key.Step, Steps.Label(g.Key.Step, g.Key.ContentType), minutes.Count,
                    Math.Round(Percentile(minutes, 0.5), 1), Math.Round(Percentile(minutes, 0.9), 1), (int)Math.Round(Allowed(standard)),
                    minutes.Count(m => m > Allowed(standard)))
                { Standard = standard.ToString() };
            })
            .OrderBy(r => r.Month).ThenBy(r => r.ContentType).ThenBy(r => StepOrder(workflows, r))
            .ToList();

        var overdue = spans
            .Where(s => s.Minutes > Allowed(s.Standard))
            .OrderByDescending(s => s.Minutes - Allowed(s.Standard))
            .Take(MaxOverdueListed)
            .ToList();
        var titles = await content.GetTitlesAsync(overdue.Select(o => o.Span.ItemId).Distinct().ToList(), cancellationToken);

        return new ServiceTimes(from, to, rows, overdue.Select(o => new OverdueStep(
            o.Span.ItemId, titles.GetValueOrDefault(o.Span.ItemId, ""), o.Span.ContentType, o.Span.Step, Steps.Label(o.Span.Step, o.Span.ContentType),
            o.Span.Start, o.Span.End!.Value, Math.Round(o.Minutes, 1), (int)Math.Round(Allowed(o.Standard)))
        { Standard = o.Standard.ToString(), Due = o.Standard.Due(o.Span.Start, calendar) }).ToList())
        {
            Calendar = calendar.Description,
            Flows = await FlowsAsync(start, end, calendar, cancellationToken),
        };
    }

    /// <summary>The flows of other modules (Koordinasi, Peliputan): a section per flow, its steps in the order the flow gives them.</summary>
    private async Task<IReadOnlyList<FlowServiceTimes>> FlowsAsync(DateTimeOffset start, DateTimeOffset end, WorkingCalendar calendar, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var flows = new List<FlowServiceTimes>();
        foreach (var source in sources)
        {
            var steps = await source.StepsAsync(cancellationToken);
            var spans = await source.SpansAsync(start, end, cancellationToken);
            var measured = spans
                .Select(s => (Span: s, Step: steps.FirstOrDefault(x => x.Step == s.Step)))
                .Where(s => s.Step is not null)
                .Select(s => (s.Span, s.Step, Minutes: calendar.WorkingTimeBetween(s.Span.Start, s.Span.End ?? now).TotalMinutes,
                    Allowed: s.Step!.Standard.WorkingTime(calendar).TotalMinutes, Due: s.Step.Standard.Due(s.Span.Start, calendar)))
                .ToList();
            var rows = steps.Select(step =>
            {
                var of = measured.Where(m => m.Span.Step == step.Step).ToList();
                var done = of.Where(m => m.Span.End is not null).Select(m => m.Minutes).ToList();
                var open = of.Where(m => m.Span.End is null).ToList();
                return new FlowStepRow(
                    step.Step, step.Label, step.Standard.ToString(), (int)Math.Round(step.Standard.WorkingTime(calendar).TotalMinutes), done.Count,
                    done.Count == 0 ? 0 : Math.Round(done.Average(), 1), done.Count == 0 ? 0 : Math.Round(done.Max(), 1),
                    of.Count(m => m.Span.End is not null && m.Minutes > m.Allowed), open.Count, open.Count(m => now > m.Due));
            }).ToList();
            var late = measured
                .Where(m => m.Span.End is null ? now > m.Due : m.Minutes > m.Allowed)
                .OrderByDescending(m => m.Minutes - m.Allowed)
                .Take(MaxOverdueListed)
                .Select(m => new FlowOverdueSpan(
                    m.Span.Step, m.Step!.Label, m.Span.SubjectId, m.Span.SubjectTitle, m.Span.Start, m.Span.End, m.Due, Math.Round(m.Minutes, 1),
                    m.Step.Standard.ToString(), m.Span.Url))
                .ToList();
            flows.Add(new FlowServiceTimes(source.Flow, source.FlowLabel, rows, late));
        }

        return flows;
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

/// <summary>The report: the items' steps, the overdue ones, the calendar it counted with, and the other flows.</summary>
public sealed record ServiceTimes(DateOnly From, DateOnly To, IReadOnlyList<ServiceTimeRow> Steps, IReadOnlyList<OverdueStep> Overdue)
{
    /// <summary>Which working calendar the report counted with (<see cref="WorkingCalendar.Description"/>).</summary>
    public string Calendar { get; init; } = "";

    public IReadOnlyList<FlowServiceTimes> Flows { get; init; } = [];
}

/// <summary>One step of one month and content type; minutes are working minutes, <c>StandardMinutes</c> those the standard allows.</summary>
public sealed record ServiceTimeRow(
    string Month, string ContentType, string Step, string StepLabel, int Count, double MedianMinutes, double P90Minutes, int StandardMinutes, int OverdueCount)
{
    /// <summary>The standard as set: "15 menit", "2 hari kerja".</summary>
    public string Standard { get; init; } = "";
}

public sealed record OverdueStep(
    Guid ItemId, string Title, string ContentType, string Step, string StepLabel, DateTimeOffset Start, DateTimeOffset End, double Minutes, int StandardMinutes)
{
    public string Standard { get; init; } = "";

    /// <summary>When the step was due under the working calendar.</summary>
    public DateTimeOffset Due { get; init; }
}

/// <summary>A flow of another module (<see cref="IServiceTimeSource"/>) in the report.</summary>
public sealed record FlowServiceTimes(string Flow, string Label, IReadOnlyList<FlowStepRow> Steps, IReadOnlyList<FlowOverdueSpan> Overdue);

/// <summary>
/// One step of such a flow: passages finished (count, average and longest working minutes, over the standard) and still
/// open (how many, how many past their due time).
/// </summary>
public sealed record FlowStepRow(
    string Step, string Label, string Standard, int StandardMinutes, int Count, double AverageMinutes, double LongestMinutes, int OverdueCount,
    int OpenCount, int OpenOverdueCount);

/// <summary>A passage over its standard, finished (<c>End</c>) or still open; minutes are working minutes so far.</summary>
public sealed record FlowOverdueSpan(
    string Step, string StepLabel, string SubjectId, string Title, DateTimeOffset Start, DateTimeOffset? End, DateTimeOffset Due, double Minutes,
    string Standard, string? Url);
