using Diskominfo.Newsroom.Users.Models;
using Microsoft.AspNetCore.Identity;

namespace Diskominfo.Newsroom.Users.Services;

/// <summary>Creates an account with one role (the first admin of <c>create-admin</c>).</summary>
internal static class AccountCommands
{
    public static async Task<IdentityResult> CreateAsync(
        UserManager<NewsroomUser> users, string userName, string displayName, string email, string password, string role, DateTimeOffset now)
    {
        var user = new NewsroomUser { UserName = userName, Email = email, EmailConfirmed = true, DisplayName = displayName, CreatedAt = now };
        var result = await users.CreateAsync(user, password);
        return result.Succeeded ? await users.AddToRoleAsync(user, role) : result;
    }
}
