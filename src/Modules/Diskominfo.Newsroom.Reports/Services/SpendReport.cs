namespace Diskominfo.Newsroom.Reports.Services;

/// <summary>
/// The adventorial spend of a year (<c>GET /api/v1/reports/adventorial-spend?year=</c>): the year's budget and what
/// remains, per budget line (DPA) against its budget, per outlet, month and PPTK, the full cross of the four, and the orders.
/// <see cref="Budget"/> is the year's total as entered, else the sum of its lines' budgets, else null.
/// </summary>
internal sealed record SpendReport(
    int Year,
    decimal? Budget,
    decimal Spent,
    decimal? Remaining,
    int Orders,
    int Unpriced,
    IReadOnlyList<SpendBudgetLine> BudgetLines,
    IReadOnlyList<SpendOutlet> Outlets,
    IReadOnlyList<SpendMonth> Months,
    IReadOnlyList<SpendPptk> Pptk,
    IReadOnlyList<SpendLine> Lines,
    IReadOnlyList<SpendOrder> Items);

/// <summary>A budget line of the DPA (null: orders without one) with its budget (null: none entered), spend and remainder.</summary>
internal sealed record SpendBudgetLine(string? BudgetLine, decimal? Budget, decimal Spent, decimal? Remaining, int Orders);

internal sealed record SpendOutlet(string Outlet, decimal Spent, int Orders);

/// <summary>A month as <c>yyyy-MM</c>.</summary>
internal sealed record SpendMonth(string Month, decimal Spent, int Orders);

internal sealed record SpendPptk(string? UserId, string Name, decimal Spent, int Orders);

/// <summary>One cell of the cross: outlet, month, budget line and PPTK.</summary>
internal sealed record SpendLine(string Outlet, string Month, string? BudgetLine, string Pptk, decimal Spent, int Orders);

internal sealed record SpendOrder(
    Guid ItemId, string Title, string Outlet, string Month, DateOnly? PublicationDate, string? BudgetLine, string? PptkId, string Pptk, decimal Cost);
