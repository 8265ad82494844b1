using Diskominfo.Newsroom.Abstractions.Calendar;

namespace Diskominfo.Newsroom.Infrastructure.Hosting;

/// <summary>Wall-clock time, until a module registers the office's working calendar.</summary>
internal sealed class AlwaysOpenWorkingCalendar : IWorkingCalendar
{
    public Task<WorkingCalendar> CurrentAsync(CancellationToken cancellationToken) => Task.FromResult(WorkingCalendar.AlwaysOpen);
}
