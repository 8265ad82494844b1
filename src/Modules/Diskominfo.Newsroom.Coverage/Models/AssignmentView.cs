namespace Diskominfo.Newsroom.Coverage.Models;

/// <summary>An assignment as the API and the desk show it.</summary>
public sealed record AssignmentView(
    Guid Id,
    string Status,
    string StatusLabel,
    ActivityView? Activity,
    SectionView Section,
    DispositionView Disposition,
    AssignedView? Assigned,
    IReadOnlyList<MemberView> Assignees,
    ReportView? Report,
    Guid? PressReleaseId,
    string? PressReleaseStatus,
    string? PressReleaseStatusLabel,
    DateTimeOffset? DueAt,
    bool Overdue,
    string? OverdueReason)
{
    public string Url => $"/admin/liputan/{Id}";

    public string Title => Activity?.Title ?? "(kegiatan tidak ditemukan)";
}

public sealed record ActivityView(
    Guid Id, string AgendaNumber, string Title, string Organizer, string Place, DateTimeOffset Start, DateTimeOffset End, string Status);

public sealed record SectionView(Guid Id, string Name);

public sealed record DispositionView(string By, string Role, string? Note, DateTimeOffset At);

public sealed record AssignedView(string By, string? Note, DateTimeOffset At);

public sealed record MemberView(string UserId, string Name, string Role, string RoleLabel);

public sealed record PhotoView(Guid Id, string Url, string ContentType, int Width, int Height, string UploadedBy, DateTimeOffset UploadedAt);

/// <summary>The report and the decisions on it (the last forward, approval and return, each with its note).</summary>
public sealed record ReportView(
    string? Text,
    string? VideoUrl,
    DateTimeOffset? FiledAt,
    string? FiledBy,
    IReadOnlyList<PhotoView> Photos,
    DecisionView? Forwarded,
    DecisionView? Approved,
    DecisionView? Returned);

public sealed record DecisionView(string By, string? Note, DateTimeOffset At);
