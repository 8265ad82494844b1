using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Users.Models;
using Microsoft.AspNetCore.Identity;

namespace Diskominfo.Newsroom.Users.Services;

/// <summary>The accounts as other modules may know them; locked-out accounts are left out.</summary>
internal sealed class UserDirectory(UserManager<NewsroomUser> users, TimeProvider clock) : IUserDirectory
{
    public async Task<IReadOnlyList<DirectoryUser>> ListInRoleAsync(string role, CancellationToken cancellationToken)
        => (await users.GetUsersInRoleAsync(role)).Where(Active).Select(ToDirectory).ToList();

    public async Task<DirectoryUser?> GetAsync(string userId, CancellationToken cancellationToken)
        => await users.FindByIdAsync(userId) is { } user && Active(user) ? ToDirectory(user) : null;

    private bool Active(NewsroomUser user) => user.LockoutEnd is null || user.LockoutEnd <= clock.GetUtcNow();

    private static DirectoryUser ToDirectory(NewsroomUser user) => new(user.Id, user.DisplayName, user.EmailConfirmed || user.Email is not null ? user.Email : null);
}
