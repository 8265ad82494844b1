using Diskominfo.Newsroom.Abstractions.Organization;
using Diskominfo.Newsroom.Users.Data;
using Diskominfo.Newsroom.Users.Models;
using Microsoft.EntityFrameworkCore;

namespace Diskominfo.Newsroom.Users.Services;

/// <summary>The accounts as admins see them: searched, filtered, paged; one at a time with its section's name.</summary>
internal sealed class UserQueries(UsersDbContext db, IOrganization organization, TimeProvider clock)
{
    public async Task<UserPage> ListAsync(UserFilter filter, CancellationToken cancellationToken)
    {
        var users = db.Users.AsNoTracking();
#pragma warning disable CA1862 // translated to SQL: the columns are compared in one case, as the database can
        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            var q = filter.Q.Trim();
            var upper = q.ToUpperInvariant();
            var lower = q.ToLowerInvariant();
            users = users.Where(u => u.NormalizedUserName!.Contains(upper)
                                     || u.DisplayName.ToLower().Contains(lower)
                                     || u.NormalizedEmail!.Contains(upper)
                                     || (u.Nip != null && u.Nip.Contains(q)));
        }
#pragma warning restore CA1862

        if (!string.IsNullOrWhiteSpace(filter.Role))
        {
            var inRole = from ur in db.UserRoles
                         join r in db.Roles on ur.RoleId equals r.Id
                         where r.Name == filter.Role
                         select ur.UserId;
            users = users.Where(u => inRole.Contains(u.Id));
        }

        if (filter.Section is { } section)
        {
            users = users.Where(u => u.SectionId == section);
        }

        if (filter.Disabled is { } disabled)
        {
            users = users.Where(u => u.Disabled == disabled);
        }

        var total = await users.CountAsync(cancellationToken);
        var page = await users.OrderBy(u => u.DisplayName).ThenBy(u => u.UserName)
            .Skip((filter.Page - 1) * filter.PageSize)
            .Take(filter.PageSize)
            .ToListAsync(cancellationToken);
        return new UserPage(await ViewsAsync(page, cancellationToken), total, filter.Page, filter.PageSize);
    }

    public async Task<UserView?> GetAsync(string id, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id, cancellationToken);
        return user is null ? null : (await ViewsAsync([user], cancellationToken))[0];
    }

    /// <summary>The bidang and seksi, for the desk's pickers and filters: active ones, bidang first, each followed by its seksi.</summary>
    public async Task<IReadOnlyList<OrgSection>> SectionsAsync(CancellationToken cancellationToken)
    {
        var all = await organization.ListSectionsAsync(cancellationToken);
        var ordered = new List<OrgSection>();
        foreach (var bidang in all.Where(s => s.Kind == SectionKinds.Bidang).OrderBy(s => s.Name, StringComparer.Ordinal))
        {
            ordered.Add(bidang);
            ordered.AddRange(all.Where(s => s.ParentId == bidang.Id).OrderBy(s => s.Name, StringComparer.Ordinal));
        }

        ordered.AddRange(all.Where(s => !ordered.Contains(s)).OrderBy(s => s.Name, StringComparer.Ordinal));
        return ordered;
    }

    private async Task<IReadOnlyList<UserView>> ViewsAsync(IReadOnlyList<NewsroomUser> users, CancellationToken cancellationToken)
    {
        var ids = users.Select(u => u.Id).ToList();
        var roles = (await (from ur in db.UserRoles.AsNoTracking()
                            join r in db.Roles.AsNoTracking() on ur.RoleId equals r.Id
                            where ids.Contains(ur.UserId)
                            select new { ur.UserId, r.Name })
                .ToListAsync(cancellationToken))
            .ToLookup(r => r.UserId, r => r.Name!);
        var sections = users.Any(u => u.SectionId is not null)
            ? (await organization.ListSectionsAsync(cancellationToken)).ToDictionary(s => s.Id)
            : [];
        var now = clock.GetUtcNow();
        return users.Select(u => new UserView(
                u.Id,
                u.UserName ?? "",
                u.DisplayName,
                u.Nip,
                u.Email,
                [.. Abstractions.Security.NewsroomRoles.All.Where(r => roles[u.Id].Contains(r))],
                u.SectionId,
                u.Disabled,
                u.LastSignInAt,
                u.SectionId is { } s && sections.TryGetValue(s, out var section) ? section.Name : null,
                u.PhoneNumber,
                u.PhotoCredit,
                u.MustChangePassword,
                u.LockoutEnd is { } end && end > now,
                u.TwoFactorEnabled,
                u.CreatedAt))
            .ToList();
    }
}
