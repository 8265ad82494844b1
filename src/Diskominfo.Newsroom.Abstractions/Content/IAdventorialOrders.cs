namespace Diskominfo.Newsroom.Abstractions.Content;

/// <summary>
/// An adventorial's administrative file as the reports need it (Content module): the outlet, the cost, the budget line
/// (DPA SKPD), the publication date, when it was ordered or started, and its owner (the PPTK is the workflow's writer).
/// Read from the item's working version.
/// </summary>
public sealed record AdventorialOrder(
    Guid ItemId, string Title, string Outlet, decimal? Cost, string? BudgetLine, DateOnly? PublicationDate, DateTimeOffset CreatedAt, string OwnerId, string OwnerName);

/// <summary>The office's adventorials, for the spend report (Content module).</summary>
public interface IAdventorialOrders
{
    /// <summary>Every adventorial item, ordered or written, with its working version's file.</summary>
    Task<IReadOnlyList<AdventorialOrder>> ListAsync(CancellationToken cancellationToken);
}
