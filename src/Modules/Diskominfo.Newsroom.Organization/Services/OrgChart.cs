using Diskominfo.Newsroom.Organization.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Diskominfo.Newsroom.Organization.Services;

/// <summary>
/// Reads the office's structure once per scope (a request): the sections are few, and a change made in another request
/// is seen by the next one. A change made in this scope drops what was read (<see cref="Invalidate"/>).
/// </summary>
internal sealed class OrgChart(OrganizationDbContext db, IOptionsMonitor<OrganizationOptions> options)
{
    private Chart? _chart;

    public async Task<Chart> LoadAsync(CancellationToken cancellationToken)
    {
        if (_chart is null)
        {
            var sections = await db.Sections.AsNoTracking().ToListAsync(cancellationToken);
            _chart = new Chart([.. sections.OrderBy(s => s.Name, StringComparer.OrdinalIgnoreCase)], options.CurrentValue.KadisTitle);
        }

        return _chart;
    }

    public void Invalidate() => _chart = null;
}
