using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Users.Models;
using Microsoft.AspNetCore.Identity;

namespace Diskominfo.Newsroom.Users.Services;

/// <summary>The office always keeps one active admin: nobody can disable him or take his role away.</summary>
internal static class AdminGuard
{
    public static async Task<bool> IsLastActiveAdminAsync(UserManager<NewsroomUser> users, NewsroomUser user)
        => !(await users.GetUsersInRoleAsync(NewsroomRoles.Admin)).Any(u => u.Id != user.Id && !u.Disabled);
}
