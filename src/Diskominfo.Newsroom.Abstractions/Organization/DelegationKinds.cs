namespace Diskominfo.Newsroom.Abstractions.Organization;

/// <summary>
/// An acting official: <c>plh</c> (Pelaksana Harian, while the holder is away for a short time) or <c>plt</c>
/// (Pelaksana Tugas, while the post is vacant or the holder is away long).
/// </summary>
public static class DelegationKinds
{
    public const string Plh = "plh";
    public const string Plt = "plt";

    public static bool IsKnown(string? kind) => kind is Plh or Plt;

    /// <summary>The abbreviation written before the title: "Plh." or "Plt.".</summary>
    public static string Prefix(string kind) => kind == Plt ? "Plt." : "Plh.";
}
