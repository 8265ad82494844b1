namespace Diskominfo.Newsroom.Organization.Models;

/// <summary>A day the office is closed: a national holiday or a <i>cuti bersama</i> (SKB 3 Menteri), with its name.</summary>
internal sealed class DayOff
{
    public const int NameMaxLength = 200;

    public DateOnly Date { get; set; }

    public string Name { get; set; } = "";

    /// <summary><see cref="DayOffKinds.Holiday"/> or <see cref="DayOffKinds.CutiBersama"/>.</summary>
    public string Kind { get; set; } = DayOffKinds.Holiday;

    public DateTimeOffset UpdatedAt { get; set; }

    public string UpdatedBy { get; set; } = "";
}

/// <summary>The kinds of days off, as stored and as the API shows them.</summary>
internal static class DayOffKinds
{
    public const string Holiday = "holiday";
    public const string CutiBersama = "cuti-bersama";

    public static bool IsKnown(string? kind) => kind is Holiday or CutiBersama;

    public static string Label(string kind) => kind == CutiBersama ? "Cuti bersama" : "Libur nasional";
}
