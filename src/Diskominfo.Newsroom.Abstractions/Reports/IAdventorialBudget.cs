namespace Diskominfo.Newsroom.Abstractions.Reports;

/// <summary>
/// The adventorial budget of a year as the admin entered it (Reports module), against what the office's adventorials
/// cost. <see cref="Line"/> is null when no budget was entered for the order's budget line (DPA), <see cref="Year"/>
/// null when no total was entered for its year.
/// </summary>
public sealed record BudgetCheck(int YearNumber, BudgetStanding? Year, string? BudgetLine, BudgetStanding? Line)
{
    /// <summary>Whether the order's cost passes what remains of the year's total or of its budget line.</summary>
    public bool Exceeds => Year?.Exceeds == true || Line?.Exceeds == true;
}

/// <summary>A budget, what the other orders already spent, what remains for this one, and this order's cost.</summary>
public sealed record BudgetStanding(decimal Budget, decimal SpentByOthers, decimal Cost)
{
    public decimal Remaining => Budget - SpentByOthers;

    public bool Exceeds => Cost > Remaining;
}

/// <summary>
/// Checks an adventorial's cost against the remaining budget of its year (Reports module): the desk warns, it does not
/// refuse. The year is the publication date's, else the year the order was made (WIB).
/// </summary>
public interface IAdventorialBudget
{
    Task<BudgetCheck> CheckAsync(int year, string? budgetLine, decimal cost, Guid? itemId, CancellationToken cancellationToken);

    /// <summary>The budgets of the years around <paramref name="year"/> with what remains, for the desk's live warning.</summary>
    Task<IReadOnlyList<BudgetRemainder>> RemaindersAsync(Guid? itemId, CancellationToken cancellationToken);
}

/// <summary>What remains of a year's total (<see cref="BudgetLine"/> null) or of one budget line, without the item's own cost.</summary>
public sealed record BudgetRemainder(int Year, string? BudgetLine, decimal Budget, decimal Remaining);
