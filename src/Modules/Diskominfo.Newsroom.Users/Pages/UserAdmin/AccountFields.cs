using Diskominfo.Newsroom.Abstractions.Organization;
using Diskominfo.Newsroom.Users.Models;

namespace Diskominfo.Newsroom.Users.Pages.UserAdmin;

/// <summary>What the account form shows: the values, whether the user name may be typed (creation), the sections, the errors.</summary>
public sealed record AccountFields(
    AccountInput Input, bool IsNew, IReadOnlyList<OrgSection> Sections, IReadOnlyDictionary<string, string[]> Errors);
