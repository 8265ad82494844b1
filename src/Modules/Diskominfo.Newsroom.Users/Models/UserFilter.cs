namespace Diskominfo.Newsroom.Users.Models;

/// <summary>The account list's search and filters: text (user name, full name, e-mail, NIP), role, section, disabled; one page.</summary>
public sealed record UserFilter(string? Q, string? Role, Guid? Section, bool? Disabled, int Page, int PageSize)
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;
}
