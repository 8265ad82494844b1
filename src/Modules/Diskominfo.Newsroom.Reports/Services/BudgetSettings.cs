using Diskominfo.Newsroom.Abstractions.Results;
using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Infrastructure.Data;
using Diskominfo.Newsroom.Reports.Data;
using Diskominfo.Newsroom.Reports.Models;
using Microsoft.EntityFrameworkCore;

namespace Diskominfo.Newsroom.Reports.Services;

/// <summary>
/// The admin's yearly adventorial budgets: the year's total and the budget lines of the DPA SKPD, each replaced as a
/// whole when the admin saves the year; a blank amount removes that budget.
/// </summary>
internal sealed class BudgetSettings(ReportsDbContext db, NewsroomDatabase database, TimeProvider clock)
{
    public const decimal MaxAmount = 1_000_000_000_000m;

    /// <summary>One budget as entered: the line's code (null or empty: the year's total) and its amount in rupiah.</summary>
    public sealed record Entry(string? BudgetLine, decimal? Amount);

    public async Task<IReadOnlyList<AdventorialBudget>> ListAsync(int year, CancellationToken cancellationToken)
        => await db.Budgets.AsNoTracking().Where(b => b.Year == year).OrderBy(b => b.BudgetLine).ToListAsync(cancellationToken);

    public static Outcome Validate(int year, IReadOnlyList<Entry> entries)
    {
        var errors = new Dictionary<string, string[]>();
        if (year is < 2000 or > 2100)
        {
            errors["year"] = ["Tahun anggaran harus antara 2000 dan 2100."];
        }

        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            var field = string.IsNullOrWhiteSpace(entry.BudgetLine) ? "total" : $"lines[{i}]";
            if (entry.Amount is { } amount && (amount < 0 || amount > MaxAmount || decimal.Round(amount, 2) != amount))
            {
                errors[field] = ["Pagu harus berupa rupiah antara 0 dan 1 triliun."];
            }

            if (entry.BudgetLine?.Trim().Length > 200)
            {
                errors[field] = ["Kode rekening DPA paling panjang 200 karakter."];
            }
        }

        var duplicates = entries.Where(e => !string.IsNullOrWhiteSpace(e.BudgetLine) && e.Amount is not null)
            .GroupBy(e => AdventorialSpend.Key(e.BudgetLine)).Where(g => g.Count() > 1).Select(g => g.First().BudgetLine!.Trim()).ToList();
        if (duplicates.Count > 0)
        {
            errors["lines"] = [$"Kode rekening ditulis lebih dari sekali: {string.Join(", ", duplicates)}."];
        }

        return errors.Count == 0 ? Outcome.Ok() : Outcome.Invalid(errors);
    }

    public async Task<Outcome> SaveAsync(int year, IReadOnlyList<Entry> entries, Actor actor, CancellationToken cancellationToken)
    {
        var valid = Validate(year, entries);
        if (!valid.Succeeded)
        {
            return valid;
        }

        await database.InTransactionAsync(async ct =>
        {
            var current = await db.Budgets.Where(b => b.Year == year).ToListAsync(ct);
            db.Budgets.RemoveRange(current);
            await db.SaveChangesAsync(ct);
            foreach (var entry in entries.Where(e => e.Amount is not null))
            {
                db.Budgets.Add(new AdventorialBudget
                {
                    Year = year,
                    BudgetLine = entry.BudgetLine?.Trim() ?? "",
                    Amount = entry.Amount!.Value,
                    UpdatedAt = clock.GetUtcNow(),
                    UpdatedBy = actor.DisplayName,
                });
            }

            await db.SaveChangesAsync(ct);
            return true;
        }, cancellationToken);
        return Outcome.Ok();
    }
}
