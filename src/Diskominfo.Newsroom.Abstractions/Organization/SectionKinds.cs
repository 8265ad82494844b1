namespace Diskominfo.Newsroom.Abstractions.Organization;

/// <summary>The two levels of the office below the Kadis: a bidang (division, headed by a Kabid) holds seksi (sections, headed by a Kasi).</summary>
public static class SectionKinds
{
    public const string Bidang = "bidang";
    public const string Seksi = "seksi";

    public static bool IsKnown(string? kind) => kind is Bidang or Seksi;
}
