namespace Diskominfo.Newsroom.Backup.Services;

/// <summary>Settings under <c>Newsroom:Backup</c>: where scheduled backups go, how many are kept, when they run.</summary>
internal sealed class BackupOptions
{
    public const string Section = "Newsroom:Backup";

    /// <summary>The folder of scheduled backups (and of the admins' button); each run makes a sub-folder. Empty: none.</summary>
    public string? Directory { get; set; }

    /// <summary>How many scheduled backups are kept (older folders carrying our manifest are deleted).</summary>
    public int Keep { get; set; } = 7;

    public BackupScheduleOptions Schedule { get; set; } = new();

    /// <summary>The folder of <c>pg_dump</c> and <c>pg_restore</c>; by default the newest <c>/usr/lib/postgresql/*/bin</c>, then PATH.</summary>
    public string? PostgresTools { get; set; }
}
