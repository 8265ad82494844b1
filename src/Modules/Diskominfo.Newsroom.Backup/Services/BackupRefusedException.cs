namespace Diskominfo.Newsroom.Backup.Services;

/// <summary>A backup or restore that is refused before anything is written; the message (Indonesian) says why.</summary>
internal sealed class BackupRefusedException(string message) : Exception(message);
