using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Users.Data;
using Microsoft.EntityFrameworkCore;

namespace Diskominfo.Newsroom.Users.Services;

/// <summary>The accounts as other modules may know them: active (not disabled) ones, with their roles and section.</summary>
internal sealed class UserDirectory(UsersDbContext db) : IUserDirectory
{
    public async Task<IReadOnlyList<DirectoryUser>> ListInRoleAsync(string role, CancellationToken cancellationToken)
    {
        var roleId = await db.Roles.AsNoTracking().Where(r => r.Name == role).Select(r => r.Id).SingleOrDefaultAsync(cancellationToken);
        if (roleId is null)
        {
            return [];
        }

        var ids = db.UserRoles.Where(ur => ur.RoleId == roleId).Select(ur => ur.UserId);
        return await ReadAsync(db.Users.AsNoTracking().Where(u => !u.Disabled && ids.Contains(u.Id)), cancellationToken);
    }

    public async Task<DirectoryUser?> GetAsync(string userId, CancellationToken cancellationToken)
        => (await ReadAsync(db.Users.AsNoTracking().Where(u => u.Id == userId && !u.Disabled), cancellationToken)).SingleOrDefault();

    private async Task<IReadOnlyList<DirectoryUser>> ReadAsync(IQueryable<Models.NewsroomUser> users, CancellationToken cancellationToken)
    {
        var rows = await users.Select(u => new { u.Id, u.DisplayName, u.Email, u.SectionId, u.UserName, u.Nip }).ToListAsync(cancellationToken);
        var ids = rows.Select(r => r.Id).ToList();
        var roles = await (from ur in db.UserRoles.AsNoTracking()
                           join r in db.Roles.AsNoTracking() on ur.RoleId equals r.Id
                           where ids.Contains(ur.UserId)
                           select new { ur.UserId, r.Name })
            .ToListAsync(cancellationToken);
        var byUser = roles.ToLookup(r => r.UserId, r => r.Name!);
        return rows.Select(u => new DirectoryUser(u.Id, u.DisplayName, u.Email, [.. byUser[u.Id]], u.SectionId, u.UserName, u.Nip)).ToList();
    }
}
