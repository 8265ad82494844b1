using Diskominfo.Newsroom.Abstractions.Calendar;

namespace Diskominfo.Newsroom.Coordination.Models;

/// <summary>
/// The SOP's steps as the standard times and the service-time report name them, with the SOP's standard times
/// (mutu baku: waktu) as defaults.
/// </summary>
internal static class CoordinationSteps
{
    /// <summary>The letter is received and registered in the agenda book (SOP step 2).</summary>
    public const string Register = "register";

    /// <summary>The Kasi works it into the schedule and proposes it (SOP step 3).</summary>
    public const string Kasi = "kasi";

    /// <summary>The Kabid initials (SOP step 4).</summary>
    public const string Kabid = "kabid";

    /// <summary>The Kadis approves or declines (SOP step 5).</summary>
    public const string Kadis = "kadis";

    /// <summary>Coordination and cooperation on the activity (SOP step 6): happens outside the newsroom, no spans measured.</summary>
    public const string Coordination = "coordination";

    /// <summary>Filing an approved activity after it took place (SOP step 7: what was signed is filed; a declined one stays declined).</summary>
    public const string Filing = "filing";

    public static IReadOnlyList<string> All { get; } = [Register, Kasi, Kabid, Kadis, Coordination, Filing];

    public static StandardTime SopDefault(string step) => step switch
    {
        Register or Kasi or Coordination => StandardTime.FromMinutes(15),
        _ => StandardTime.FromMinutes(5),
    };

    public static string Label(string step) => step switch
    {
        Register => "Pencatatan undangan di buku agenda",
        Kasi => "Kasi: pengolahan ke jadwal kegiatan",
        Kabid => "Kabid: paraf",
        Kadis => "Kadis: persetujuan",
        Coordination => "Koordinasi dan kerjasama",
        Filing => "Pengarsipan",
        _ => step,
    };
}
