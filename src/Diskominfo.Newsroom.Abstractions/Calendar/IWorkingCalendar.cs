namespace Diskominfo.Newsroom.Abstractions.Calendar;

/// <summary>
/// The office's working calendar as it stands now: office hours, national holidays and <i>cuti bersama</i>. Standard
/// times (in minutes, hours or days) count working time only. Implemented by the module that keeps the settings;
/// read it once per request or job and use the snapshot.
/// </summary>
public interface IWorkingCalendar
{
    Task<WorkingCalendar> CurrentAsync(CancellationToken cancellationToken);
}
