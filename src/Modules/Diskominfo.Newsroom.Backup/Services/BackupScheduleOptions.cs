namespace Diskominfo.Newsroom.Backup.Services;

/// <summary><c>Newsroom:Backup:Schedule</c>: the time of day of the daily backup, in the office's time zone.</summary>
internal sealed class BackupScheduleOptions
{
    /// <summary><c>HH:mm</c>, e.g. <c>02:30</c>; empty: no scheduled backup.</summary>
    public string? TimeOfDay { get; set; }

    /// <summary>An IANA time zone; by default the archive's (<c>Newsroom:Archive:TimeZone</c>), else <c>Asia/Jakarta</c> (WIB).</summary>
    public string? TimeZone { get; set; }
}
