namespace Diskominfo.Newsroom.Editorial.Settings;

/// <summary>An admin's choice of approval chain for a content type (overrides <see cref="SopDefaults"/>).</summary>
internal sealed class ChainSetting
{
    public string ContentType { get; set; } = "";

    /// <summary>"standard" or "correction".</summary>
    public string Kind { get; set; } = ChainKinds.Standard;

    /// <summary>Roles in order, comma separated; the last one signs.</summary>
    public string Roles { get; set; } = "";

    public DateTimeOffset UpdatedAt { get; set; }

    public string UpdatedBy { get; set; } = "";
}

internal static class ChainKinds
{
    public const string Standard = "standard";
    public const string Correction = "correction";
}

/// <summary>An admin's standard time for one step of one content type (overrides <see cref="SopDefaults"/>).</summary>
internal sealed class StepStandard
{
    public string ContentType { get; set; } = "";

    public string Step { get; set; } = "";

    /// <summary>How many <see cref="Unit"/>s (before units were kept, always minutes).</summary>
    public int Amount { get; set; }

    /// <summary>One of <see cref="Abstractions.Calendar.StandardTimeUnits"/>.</summary>
    public string Unit { get; set; } = Abstractions.Calendar.StandardTimeUnits.Minutes;

    public DateTimeOffset UpdatedAt { get; set; }

    public string UpdatedBy { get; set; } = "";
}
