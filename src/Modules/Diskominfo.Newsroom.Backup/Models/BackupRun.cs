namespace Diskominfo.Newsroom.Backup.Models;

/// <summary>One backup run, by the <c>backup</c> command, the schedule or the admins' button: where, how big, and how it ended.</summary>
internal sealed class BackupRun
{
    public long Id { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset FinishedAt { get; set; }

    /// <summary>The backup's folder (full path on the node that made it).</summary>
    public string Directory { get; set; } = "";

    public long Bytes { get; set; }

    public int Files { get; set; }

    public bool Succeeded { get; set; }

    /// <summary>Why it failed, in Indonesian; null when it succeeded.</summary>
    public string? Error { get; set; }

    /// <summary>Started by the schedule (not by a person).</summary>
    public bool Scheduled { get; set; }
}
