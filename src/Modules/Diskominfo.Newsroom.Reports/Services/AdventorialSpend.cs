using System.Globalization;
using Diskominfo.Newsroom.Abstractions.Content;
using Diskominfo.Newsroom.Abstractions.Editorial;
using Diskominfo.Newsroom.Abstractions.Reports;
using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Abstractions.Text;
using Diskominfo.Newsroom.Reports.Data;
using Diskominfo.Newsroom.Reports.Models;
using Microsoft.EntityFrameworkCore;

namespace Diskominfo.Newsroom.Reports.Services;

/// <summary>
/// The adventorials' costs summed per outlet, month, budget line (DPA SKPD) and PPTK against the yearly budgets. An order
/// counts in the year and month of its publication date, or of the day it was made (WIB) while it has none; every
/// adventorial with a cost counts (a cost is committed once it is on the order, whatever the approval's state).
/// </summary>
internal sealed class AdventorialSpend(ReportsDbContext db, IAdventorialOrders orders, IWorkflowQuery workflows, IUserDirectory users) : IAdventorialBudget
{
    public const string Unassigned = "(PPTK belum ditugaskan)";

    public static int YearOf(AdventorialOrder order) => order.PublicationDate?.Year ?? IndonesianTime.ToWib(order.CreatedAt).Year;

    public static string MonthOf(AdventorialOrder order)
        => (order.PublicationDate ?? DateOnly.FromDateTime(IndonesianTime.ToWib(order.CreatedAt).DateTime)).ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>A budget line compared as typed, without the spaces around it and regardless of case.</summary>
    public static string Key(string? budgetLine) => (budgetLine ?? "").Trim().ToUpperInvariant();

    public async Task<SpendReport> BuildAsync(int year, CancellationToken cancellationToken)
    {
        var budgets = await db.Budgets.AsNoTracking().Where(b => b.Year == year).ToListAsync(cancellationToken);
        var ofYear = (await orders.ListAsync(cancellationToken)).Where(o => YearOf(o) == year).ToList();
        var priced = ofYear.Where(o => o.Cost is not null).ToList();
        var statuses = await workflows.GetStatusesAsync([.. priced.Select(o => o.ItemId)], cancellationToken);
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        var items = new List<SpendOrder>();
        foreach (var order in priced.OrderBy(o => MonthOf(o), StringComparer.Ordinal).ThenBy(o => o.Outlet, StringComparer.Ordinal))
        {
            var (pptkId, pptk) = await PptkAsync(order, statuses.GetValueOrDefault(order.ItemId), names, cancellationToken);
            items.Add(new SpendOrder(order.ItemId, order.Title, order.Outlet, MonthOf(order), order.PublicationDate, order.BudgetLine, pptkId, pptk, order.Cost!.Value));
        }

        var total = budgets.SingleOrDefault(b => b.BudgetLine.Length == 0);
        var lineBudgets = budgets.Where(b => b.BudgetLine.Length > 0).ToList();
        var spent = items.Sum(i => i.Cost);
        decimal? budget = total?.Amount ?? (lineBudgets.Count > 0 ? lineBudgets.Sum(b => b.Amount) : null);

        var budgetLines = lineBudgets.Select(b => Key(b.BudgetLine))
            .Union(items.Where(i => i.BudgetLine is not null).Select(i => Key(i.BudgetLine)))
            .Order(StringComparer.Ordinal)
            .Select(key =>
            {
                var entered = lineBudgets.SingleOrDefault(b => Key(b.BudgetLine) == key);
                var of = items.Where(i => i.BudgetLine is not null && Key(i.BudgetLine) == key).ToList();
                var lineSpent = of.Sum(i => i.Cost);
                return new SpendBudgetLine(entered?.BudgetLine ?? of[0].BudgetLine, entered?.Amount, lineSpent, entered is null ? null : entered.Amount - lineSpent, of.Count);
            })
            .ToList();
        var noLine = items.Where(i => i.BudgetLine is null).ToList();
        if (noLine.Count > 0)
        {
            budgetLines.Add(new SpendBudgetLine(null, null, noLine.Sum(i => i.Cost), null, noLine.Count));
        }

        return new SpendReport(
            year, budget, spent, budget - spent, items.Count, ofYear.Count - priced.Count, budgetLines,
            [.. items.GroupBy(i => i.Outlet, StringComparer.Ordinal).Select(g => new SpendOutlet(g.Key, g.Sum(i => i.Cost), g.Count()))
                .OrderByDescending(o => o.Spent).ThenBy(o => o.Outlet, StringComparer.Ordinal)],
            [.. items.GroupBy(i => i.Month, StringComparer.Ordinal).Select(g => new SpendMonth(g.Key, g.Sum(i => i.Cost), g.Count())).OrderBy(m => m.Month, StringComparer.Ordinal)],
            [.. items.GroupBy(i => (i.PptkId, i.Pptk)).Select(g => new SpendPptk(g.Key.PptkId, g.Key.Pptk, g.Sum(i => i.Cost), g.Count()))
                .OrderByDescending(p => p.Spent).ThenBy(p => p.Name, StringComparer.Ordinal)],
            [.. items.GroupBy(i => (i.Outlet, i.Month, Line: i.BudgetLine is null ? null : Key(i.BudgetLine), i.Pptk))
                .Select(g => new SpendLine(g.Key.Outlet, g.Key.Month, g.First().BudgetLine, g.Key.Pptk, g.Sum(i => i.Cost), g.Count()))
                .OrderBy(l => l.Month, StringComparer.Ordinal).ThenBy(l => l.Outlet, StringComparer.Ordinal).ThenBy(l => l.BudgetLine, StringComparer.Ordinal)
                .ThenBy(l => l.Pptk, StringComparer.Ordinal)],
            items);
    }

    public async Task<BudgetCheck> CheckAsync(int year, string? budgetLine, decimal cost, Guid? itemId, CancellationToken cancellationToken)
    {
        var budgets = await db.Budgets.AsNoTracking().Where(b => b.Year == year).ToListAsync(cancellationToken);
        var others = (await orders.ListAsync(cancellationToken)).Where(o => o.ItemId != itemId && o.Cost is not null && YearOf(o) == year).ToList();
        var total = budgets.SingleOrDefault(b => b.BudgetLine.Length == 0);
        var key = Key(budgetLine);
        var line = key.Length == 0 ? null : budgets.SingleOrDefault(b => b.BudgetLine.Length > 0 && Key(b.BudgetLine) == key);
        return new BudgetCheck(
            year,
            total is null ? null : new BudgetStanding(total.Amount, others.Sum(o => o.Cost!.Value), cost),
            key.Length == 0 ? null : budgetLine!.Trim(),
            line is null ? null : new BudgetStanding(line.Amount, others.Where(o => Key(o.BudgetLine) == key).Sum(o => o.Cost!.Value), cost));
    }

    public async Task<IReadOnlyList<BudgetRemainder>> RemaindersAsync(Guid? itemId, CancellationToken cancellationToken)
    {
        var budgets = await db.Budgets.AsNoTracking().ToListAsync(cancellationToken);
        if (budgets.Count == 0)
        {
            return [];
        }

        var others = (await orders.ListAsync(cancellationToken)).Where(o => o.ItemId != itemId && o.Cost is not null).ToList();
        return budgets
            .OrderBy(b => b.Year).ThenBy(b => b.BudgetLine, StringComparer.Ordinal)
            .Select(b =>
            {
                var spent = others.Where(o => YearOf(o) == b.Year && (b.BudgetLine.Length == 0 || Key(o.BudgetLine) == Key(b.BudgetLine))).Sum(o => o.Cost!.Value);
                return new BudgetRemainder(b.Year, b.BudgetLine.Length == 0 ? null : b.BudgetLine, b.Amount, b.Amount - spent);
            })
            .ToList();
    }

    /// <summary>The PPTK: the Kasi the Kabid assigned (the workflow's writer), else the one who wrote the adventorial himself.</summary>
    private async Task<(string? Id, string Name)> PptkAsync(AdventorialOrder order, string? status, Dictionary<string, string> names, CancellationToken cancellationToken)
    {
        if (status == WorkflowStatuses.Ordered)
        {
            return (null, Unassigned);
        }

        var writer = (await workflows.GetAsync(order.ItemId, cancellationToken))?.Writer ?? order.OwnerId;
        if (!names.TryGetValue(writer, out var name))
        {
            name = (await users.GetAsync(writer, cancellationToken))?.DisplayName ?? (writer == order.OwnerId ? order.OwnerName : writer);
            names[writer] = name;
        }

        return (writer, name);
    }
}
