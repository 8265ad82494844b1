namespace Diskominfo.Newsroom.Abstractions.Audit;

/// <summary>The actions of the audit log; the values are stored and used in <c>GET /api/v1/audit?action=</c>.</summary>
public static class AuditActions
{
    public const string SignedIn = "auth.signed_in";
    public const string SignInFailed = "auth.sign_in_failed";
    public const string LockedOut = "auth.locked_out";
    public const string SignedOutEverywhere = "auth.signed_out_everywhere";
    public const string PasswordChanged = "auth.password_changed";
    public const string PasswordResetRequested = "auth.password_reset_requested";
    public const string PasswordReset = "auth.password_reset";
    public const string TwoFactorEnabled = "auth.two_factor_enabled";
    public const string TwoFactorDisabled = "auth.two_factor_disabled";
    public const string RecoveryCodesRenewed = "auth.recovery_codes_renewed";

    public const string AccountCreated = "account.created";
    public const string AccountUpdated = "account.updated";
    public const string AccountDisabled = "account.disabled";
    public const string AccountEnabled = "account.enabled";
    public const string AccountUnlocked = "account.unlocked";
    public const string AccountPasswordReset = "account.password_reset";
    public const string RolesChanged = "account.roles_changed";
    public const string SectionChanged = "account.section_changed";

    public const string SectionCreated = "org.section_created";
    public const string SectionUpdated = "org.section_updated";
    public const string DelegationCreated = "org.delegation_created";
    public const string DelegationRevoked = "org.delegation_revoked";

    public const string SettingsChanged = "settings.changed";

    public const string EmbargoSet = "item.embargo_set";
    public const string EmbargoLifted = "item.embargo_lifted";

    public const string PublicationRetried = "publication.retried";
    public const string PublicationCancelled = "publication.cancelled";
    public const string PublicationMarkedPublished = "publication.marked_published";
    public const string CaptionOverridden = "publication.caption_overridden";

    public const string ActivityRegistered = "activity.registered";
    public const string ActivityStepTaken = "activity.step_taken";
    public const string ActivityRescheduled = "activity.rescheduled";

    public static IReadOnlyList<string> All { get; } =
    [
        SignedIn, SignInFailed, LockedOut, SignedOutEverywhere, PasswordChanged, PasswordResetRequested, PasswordReset,
        TwoFactorEnabled, TwoFactorDisabled, RecoveryCodesRenewed,
        AccountCreated, AccountUpdated, AccountDisabled, AccountEnabled, AccountUnlocked, AccountPasswordReset, RolesChanged, SectionChanged,
        SectionCreated, SectionUpdated, DelegationCreated, DelegationRevoked,
        SettingsChanged,
        EmbargoSet, EmbargoLifted,
        PublicationRetried, PublicationCancelled, PublicationMarkedPublished, CaptionOverridden,
        ActivityRegistered, ActivityStepTaken, ActivityRescheduled,
    ];

    /// <summary>The action as the admin page shows it.</summary>
    public static string Label(string action) => action switch
    {
        SignedIn => "Masuk",
        SignInFailed => "Gagal masuk",
        LockedOut => "Akun terkunci",
        SignedOutEverywhere => "Keluar dari semua perangkat",
        PasswordChanged => "Kata sandi diganti",
        PasswordResetRequested => "Permintaan atur ulang kata sandi",
        PasswordReset => "Kata sandi diatur ulang",
        TwoFactorEnabled => "Verifikasi dua langkah diaktifkan",
        TwoFactorDisabled => "Verifikasi dua langkah dinonaktifkan",
        RecoveryCodesRenewed => "Kode pemulihan dibuat ulang",
        AccountCreated => "Akun dibuat",
        AccountUpdated => "Akun diubah",
        AccountDisabled => "Akun dinonaktifkan",
        AccountEnabled => "Akun diaktifkan",
        AccountUnlocked => "Kunci akun dibuka",
        AccountPasswordReset => "Kata sandi diatur ulang oleh admin",
        RolesChanged => "Peran diubah",
        SectionChanged => "Seksi diubah",
        SectionCreated => "Bidang/seksi dibuat",
        SectionUpdated => "Bidang/seksi diubah",
        DelegationCreated => "Plh/Plt ditunjuk",
        DelegationRevoked => "Penunjukan Plh/Plt dicabut",
        SettingsChanged => "Pengaturan diubah",
        EmbargoSet => "Embargo diatur",
        EmbargoLifted => "Embargo dicabut atau dimajukan",
        PublicationRetried => "Publikasi dikirim ulang",
        PublicationCancelled => "Publikasi dibatalkan",
        PublicationMarkedPublished => "Publikasi ditandai sudah terbit",
        CaptionOverridden => "Takarir diubah",
        ActivityRegistered => "Undangan dicatat di buku agenda",
        ActivityStepTaken => "Langkah undangan/kegiatan",
        ActivityRescheduled => "Kegiatan dipindah waktunya",
        _ => action,
    };
}
