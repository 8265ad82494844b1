namespace Diskominfo.Newsroom.Reports.Models;

/// <summary>
/// The adventorial budget of a year as the admin entered it: the year's total (<see cref="BudgetLine"/> empty) or one
/// budget line of the DPA SKPD (its account code, as the PPTK types it on the order).
/// </summary>
internal sealed class AdventorialBudget
{
    public long Id { get; set; }

    public int Year { get; set; }

    /// <summary>The DPA budget line's code; empty for the year's total.</summary>
    public string BudgetLine { get; set; } = "";

    public decimal Amount { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public string UpdatedBy { get; set; } = "";
}
