using Diskominfo.Newsroom.Abstractions.Coordination;
using Diskominfo.Newsroom.Coverage.Data;
using Microsoft.EntityFrameworkCore;

namespace Diskominfo.Newsroom.Coverage.Services;

internal sealed class AssignmentLinks(CoverageDbContext db, IActivitySchedule schedule) : IAssignmentLinks
{
    public async Task<(string Title, string Url)?> FindAsync(Guid itemId, CancellationToken cancellationToken)
    {
        var assignment = await db.Assignments.AsNoTracking()
            .Where(a => a.PressReleaseId == itemId).Select(a => new { a.Id, a.ActivityId }).FirstOrDefaultAsync(cancellationToken);
        if (assignment is null)
        {
            return null;
        }

        var activity = await schedule.FindAsync(assignment.ActivityId, cancellationToken);
        return (CoverageNotices.Title(activity), CoverageNotices.Link(assignment.Id));
    }
}
