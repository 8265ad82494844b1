namespace Diskominfo.Newsroom.Coordination.Models;

/// <summary>An admin's standard time for one step (overrides <see cref="CoordinationSteps.SopDefault"/>).</summary>
internal sealed class StandardSetting
{
    public string Step { get; set; } = "";

    public int Amount { get; set; }

    /// <summary>One of <see cref="Abstractions.Calendar.StandardTimeUnits"/>.</summary>
    public string Unit { get; set; } = "";

    public DateTimeOffset UpdatedAt { get; set; }

    public string UpdatedBy { get; set; } = "";
}
