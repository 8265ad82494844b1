namespace Diskominfo.Newsroom.Coverage.Models;

/// <summary>The standard time of one step of the coverage SOP as the admin set it (absent: the SOP's).</summary>
internal sealed class StandardSetting
{
    public string Step { get; set; } = "";

    public int Amount { get; set; }

    public string Unit { get; set; } = "";
}
