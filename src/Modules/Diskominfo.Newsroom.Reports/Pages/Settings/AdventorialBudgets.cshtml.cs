using System.Globalization;
using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Infrastructure.Http;
using Diskominfo.Newsroom.Reports.Endpoints;
using Diskominfo.Newsroom.Reports.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Diskominfo.Newsroom.Reports.Pages.Settings;

/// <summary>The admin enters a year's adventorial budget: the total and the budget lines of the DPA SKPD (<c>?tahun=2026</c>).</summary>
[Authorize(Policy = NewsroomPolicies.Admin)]
internal sealed class AdventorialBudgetsModel(BudgetSettings budgets, TimeProvider clock) : PageModel
{
    /// <summary>Blank rows offered below the lines already entered.</summary>
    public const int BlankRows = 3;

    public sealed class LineInput
    {
        public string? Code { get; set; }

        public decimal? Amount { get; set; }
    }

    [BindProperty(SupportsGet = true, Name = "tahun")]
    public string? Year { get; set; }

    [BindProperty]
    public decimal? Total { get; set; }

    [BindProperty]
    public List<LineInput> Lines { get; set; } = [];

    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    [TempData]
    public string? Flash { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var parsed = ReportEndpoints.ParseYear(Year, "tahun", clock);
        if (!parsed.Succeeded)
        {
            Errors = parsed.Errors!;
            Year = IndonesianYear();
            return Page().WithStatusOf(parsed);
        }

        Year = parsed.Value.ToString(CultureInfo.InvariantCulture);
        var current = await budgets.ListAsync(parsed.Value, cancellationToken);
        Total = current.SingleOrDefault(b => b.BudgetLine.Length == 0)?.Amount;
        Lines = [.. current.Where(b => b.BudgetLine.Length > 0).Select(b => new LineInput { Code = b.BudgetLine, Amount = b.Amount })];
        Lines.AddRange(Enumerable.Range(0, BlankRows).Select(_ => new LineInput()));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var parsed = ReportEndpoints.ParseYear(Year, "tahun", clock);
        var errors = new Dictionary<string, string[]>();
        foreach (var entry in ModelState.Where(e => e.Value?.Errors.Count > 0))
        {
            // An amount that is not a number: said per field, nothing saved.
            errors[entry.Key.Equals(nameof(Total), StringComparison.Ordinal) ? "total" : entry.Key.Replace("Lines", "lines", StringComparison.Ordinal).Split('.')[0]] =
                ["Pagu harus berupa angka rupiah tanpa titik atau koma, misalnya 150000000."];
        }

        if (!parsed.Succeeded)
        {
            foreach (var (key, value) in parsed.Errors!)
            {
                errors[key] = value;
            }
        }

        var entries = new List<BudgetSettings.Entry> { new(null, Total) };
        entries.AddRange(Lines.Select(l => new BudgetSettings.Entry(l.Code, string.IsNullOrWhiteSpace(l.Code) ? null : l.Amount)));
        foreach (var (line, index) in Lines.Select((l, i) => (l, i)))
        {
            if (string.IsNullOrWhiteSpace(line.Code) && line.Amount is not null)
            {
                errors[$"lines[{index}]"] = ["Tulis kode rekening DPA untuk pagu ini."];
            }
        }

        // The service counts the total as entry 0: its line numbers are one ahead of the form's.
        foreach (var (key, value) in BudgetSettings.Validate(parsed.Succeeded ? parsed.Value : 2000, entries).Errors ?? new Dictionary<string, string[]>())
        {
            errors.TryAdd(key.StartsWith("lines[", StringComparison.Ordinal) ? ShiftLine(key) : key, value);
        }

        if (errors.Count == 0)
        {
            var outcome = await budgets.SaveAsync(parsed.Value, entries, Actor.FromPrincipal(User)!, cancellationToken);
            if (outcome.Succeeded)
            {
                Flash = $"Anggaran adventorial tahun {parsed.Value} disimpan.";
                return Redirect($"{ReportPaths.BudgetSettings}?tahun={parsed.Value}");
            }

            errors["total"] = [outcome.Message ?? "Anggaran tidak tersimpan."];
        }

        Errors = errors;
        Lines.AddRange(Enumerable.Range(0, Math.Max(0, BlankRows - Lines.Count(l => string.IsNullOrWhiteSpace(l.Code)))).Select(_ => new LineInput()));
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    public string? Error(string field) => Errors.TryGetValue(field, out var messages) ? string.Join(" ", messages) : null;

    private static string ShiftLine(string key)
        => int.TryParse(key[6..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var index) ? $"lines[{index - 1}]" : key;

    private string IndonesianYear() => Abstractions.Text.IndonesianTime.ToWib(clock.GetUtcNow()).Year.ToString(CultureInfo.InvariantCulture);
}
