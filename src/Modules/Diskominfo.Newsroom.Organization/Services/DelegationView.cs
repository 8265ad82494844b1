namespace Diskominfo.Newsroom.Organization.Services;

/// <summary>
/// An appointment as the API and the desk show it. <paramref name="Title"/> is the legal form ("Plh. Kepala Dinas
/// Komunikasi dan Informatika"); <paramref name="Status"/> is <c>active</c> (in force today), <c>upcoming</c>, <c>past</c>
/// or <c>revoked</c>, and <paramref name="Active"/> whether it is in force today.
/// </summary>
public sealed record DelegationView(
    Guid Id,
    string Kind,
    string Role,
    Guid? Scope,
    string? ScopeName,
    string DelegateUserId,
    string DelegateName,
    DateOnly From,
    DateOnly To,
    string Reference,
    string Title,
    string CreatedBy,
    string CreatedById,
    DateTimeOffset CreatedAt,
    DateTimeOffset? RevokedAt,
    string? RevokedBy,
    bool Active,
    string Status);
