using Diskominfo.Newsroom.Abstractions.Calendar;

namespace Diskominfo.Newsroom.Abstractions.Editorial;

/// <summary>One step of an SOP flow as the service-time report measures it, with its standard time (settings, else the SOP's).</summary>
public sealed record ServiceTimeStep(string Step, string Label, StandardTime Standard);

/// <summary>
/// One passage of one subject (an invitation, an assignment) through one step: when the step received it and when it
/// let it go (null: still there). <paramref name="Url"/> is the subject's desk page.
/// </summary>
public sealed record ServiceTimeSpan(
    string Step, string SubjectId, string SubjectTitle, DateTimeOffset Start, DateTimeOffset? End, Guid? SectionId, string? Url);

/// <summary>
/// A flow outside the content items' approval chain (Koordinasi, Peliputan) that the service-time report covers beside
/// the items' steps (Editorial module gathers them). Elapsed time is counted in working time by the report.
/// </summary>
public interface IServiceTimeSource
{
    /// <summary>A short key ("coordination", "coverage").</summary>
    string Flow { get; }

    /// <summary>The flow's name as users read it, e.g. "Koordinasi dan kerjasama (undangan)".</summary>
    string FlowLabel { get; }

    Task<IReadOnlyList<ServiceTimeStep>> StepsAsync(CancellationToken cancellationToken);

    /// <summary>The spans that started in [<paramref name="from"/>, <paramref name="to"/>) or are still open.</summary>
    Task<IReadOnlyList<ServiceTimeSpan>> SpansAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);
}
