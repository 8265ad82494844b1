using Microsoft.AspNetCore.Identity;

namespace Diskominfo.Newsroom.Users.Models;

/// <summary>A member of the office.</summary>
public sealed class NewsroomUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
}
