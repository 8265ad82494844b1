namespace Diskominfo.Newsroom.Users.Models;

/// <summary>One page of the account list.</summary>
public sealed record UserPage(IReadOnlyList<UserView> Items, int Total, int Page, int PageSize);
