namespace Diskominfo.Newsroom.Organization.Services;

/// <summary>
/// An appointment as the Kadis or an admin sends it: <paramref name="Role"/> kadis, kabid or kasi; <paramref name="Scope"/>
/// the bidang or seksi id (none for the Kadis); <paramref name="From"/> and <paramref name="To"/> WIB dates (yyyy-MM-dd, or a
/// date-time taken at its WIB date); <paramref name="Kind"/> plh (default) or plt. All text, so that each bad field gets its
/// own error.
/// </summary>
public sealed record DelegationInput(
    string? Role, string? Scope, string? DelegateUserId, string? From, string? To, string? Reference, string? Kind = null);
