using Diskominfo.Newsroom.Abstractions.Security;

namespace Diskominfo.Newsroom.Organization.Services;

/// <summary>The office's active accounts as the Users module tells them (every account that holds a role), by name.</summary>
internal sealed class StaffDirectory(IUserDirectory directory)
{
    private IReadOnlyList<DirectoryUser>? _all;

    public async Task<IReadOnlyList<DirectoryUser>> AllAsync(CancellationToken cancellationToken)
    {
        if (_all is null)
        {
            var byId = new Dictionary<string, DirectoryUser>(StringComparer.Ordinal);
            foreach (var role in NewsroomRoles.All)
            {
                foreach (var user in await directory.ListInRoleAsync(role, cancellationToken))
                {
                    byId.TryAdd(user.Id, user);
                }
            }

            _all = [.. byId.Values.OrderBy(u => u.DisplayName, StringComparer.OrdinalIgnoreCase)];
        }

        return _all;
    }
}
