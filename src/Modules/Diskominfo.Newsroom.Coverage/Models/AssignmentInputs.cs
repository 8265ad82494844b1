namespace Diskominfo.Newsroom.Coverage.Models;

/// <summary>The head's disposition: which activity, to which seksi, with what instruction.</summary>
public sealed record DispositionInput(Guid? ActivityId, Guid? SectionId, string? Note);

/// <summary>The Kasi's assignment: one or more reporters and one photographer, with a note.</summary>
public sealed record AssignInput(IReadOnlyList<string>? ReporterIds, string? PhotographerId, string? Note);

/// <summary>A note with a decision on the report (forward, approve, return).</summary>
public sealed record NoteInput(string? Note);

/// <summary>Which of the report's photos go into the press release, and its news type (default <c>umum</c>).</summary>
public sealed record PressReleaseInput(IReadOnlyList<Guid>? PhotoIds, string? Category);

/// <summary>A photo as sent with a report.</summary>
public sealed record UploadedPhoto(string FileName, byte[] Bytes);

/// <summary>The coverage report: what happened, photos, an optional video link (https).</summary>
public sealed record ReportInput(string? Text, string? VideoUrl, IReadOnlyList<UploadedPhoto> Photos);
