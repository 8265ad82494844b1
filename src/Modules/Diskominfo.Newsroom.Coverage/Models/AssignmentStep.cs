namespace Diskominfo.Newsroom.Coverage.Models;

/// <summary>One passage of an assignment through one SOP step (opened when the step receives it, closed when it lets go).</summary>
internal sealed class AssignmentStep
{
    public long Id { get; set; }

    public Guid AssignmentId { get; set; }

    public string Step { get; set; } = "";

    public Guid SectionId { get; set; }

    public DateTimeOffset Start { get; set; }

    public DateTimeOffset? End { get; set; }
}
