namespace Diskominfo.Newsroom.Editorial.Settings;

/// <summary>
/// An admin's checklist for one content type and one channel: the checks an item must pass before it is submitted and
/// before it is signed, when it is to be published to that channel (overrides <see cref="ChecklistChecks.Defaults"/>).
/// </summary>
internal sealed class ChecklistSetting
{
    public string ContentType { get; set; } = "";

    public string Channel { get; set; } = "";

    /// <summary>The codes of <see cref="ChecklistChecks"/> in force, comma separated (empty: none).</summary>
    public string Checks { get; set; } = "";

    /// <summary>Instagram: the least share of the photo, in percent, its Instagram crop must keep.</summary>
    public int MinCropPercent { get; set; } = ChecklistChecks.DefaultMinCropPercent;

    public DateTimeOffset UpdatedAt { get; set; }

    public string UpdatedBy { get; set; } = "";
}
