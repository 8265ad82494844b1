using Diskominfo.Newsroom.Users.Models;
using Microsoft.AspNetCore.Identity;

namespace Diskominfo.Newsroom.Users.Services;

internal static class AccountCommands
{
    public static async Task<IdentityResult> CreateAsync(
        UserManager<NewsroomUser> users, string userName, string displayName, string email, string password, string role)
    {
        var user = new NewsroomUser { UserName = userName, Email = email, EmailConfirmed = true, DisplayName = displayName };
        var result = await users.CreateAsync(user, password);
        return result.Succeeded ? await users.AddToRoleAsync(user, role) : result;
    }
}
