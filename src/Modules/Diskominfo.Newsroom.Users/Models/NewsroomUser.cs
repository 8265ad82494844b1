using Microsoft.AspNetCore.Identity;

namespace Diskominfo.Newsroom.Users.Models;

/// <summary>A member of the office.</summary>
public sealed class NewsroomUser : IdentityUser
{
    /// <summary>The full name, with titles as the office writes it (the API's <c>fullName</c>).</summary>
    public string DisplayName { get; set; } = "";

    /// <summary>Nomor Induk Pegawai: the 18-digit employee number of a civil servant; null for others.</summary>
    public string? Nip { get; set; }

    /// <summary>The name written under this person's photos ("Foto: ...").</summary>
    public string? PhotoCredit { get; set; }

    /// <summary>The bidang or seksi the person belongs to (Organization module's id); null when none.</summary>
    public Guid? SectionId { get; set; }

    /// <summary>A disabled account cannot sign in, and its sessions and tokens end within a minute.</summary>
    public bool Disabled { get; set; }

    public DateTimeOffset? DisabledAt { get; set; }

    /// <summary>Set with a one-time password: the person must choose their own before doing anything else.</summary>
    public bool MustChangePassword { get; set; }

    public DateTimeOffset? LastSignInAt { get; set; }

    public DateTimeOffset? CreatedAt { get; set; }

    /// <summary>One of the demo accounts (Development, or <c>Newsroom:DemoAccounts=true</c>).</summary>
    public bool IsDemo { get; set; }
}
