using System.Text;
using Diskominfo.Newsroom.Abstractions.Audit;
using Diskominfo.Newsroom.Abstractions.Events;
using Diskominfo.Newsroom.Abstractions.Results;
using Diskominfo.Newsroom.Users.Models;
using Microsoft.AspNetCore.Identity;
using QRCoder;

namespace Diskominfo.Newsroom.Users.Services;

/// <summary>
/// Enrolling an authenticator app (TOTP, Identity's authenticator token provider), turning it on with a first code,
/// recovery codes (10, shown once), and turning it off with a current code when the role allows.
/// </summary>
internal sealed class TwoFactorService(
    UserManager<NewsroomUser> users, TwoFactorPolicy policy, SignInGuard guard, IEventPublisher events, TimeProvider clock)
{
    public const int RecoveryCodeCount = 10;

    public async Task<TwoFactorStatus> StatusAsync(NewsroomUser user)
    {
        var roles = await users.GetRolesAsync(user);
        var enabled = await users.GetTwoFactorEnabledAsync(user);
        return new TwoFactorStatus(
            enabled, policy.IsRequiredFor(roles) && !policy.IsExempt(user), policy.MayTurnOff(user, roles), enabled ? await users.CountRecoveryCodesAsync(user) : 0);
    }

    /// <summary>The key to add to the app (made on first use and kept until two-factor sign-in is turned on).</summary>
    public async Task<TwoFactorEnrolment> EnrolmentAsync(NewsroomUser user)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user) ?? throw new InvalidOperationException("No authenticator key was made.");
        }

        var issuer = Uri.EscapeDataString(TwoFactorOptions.Issuer);
        var uri = $"otpauth://totp/{issuer}:{Uri.EscapeDataString(user.UserName ?? user.Id)}?secret={key}&issuer={issuer}&digits=6&period=30";
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(5);
        return new TwoFactorEnrolment(key, Group(key), uri, "data:image/png;base64," + Convert.ToBase64String(png));
    }

    /// <summary>Turns two-factor sign-in on with a first code from the app; the recovery codes, to be shown once.</summary>
    public async Task<Outcome<IReadOnlyList<string>>> EnableAsync(NewsroomUser user, string? code, CancellationToken cancellationToken)
    {
        if (await users.GetTwoFactorEnabledAsync(user))
        {
            return Outcome<IReadOnlyList<string>>.From(Outcome.Conflict("Verifikasi dua langkah sudah aktif."));
        }

        var typed = new string((code ?? "").Where(char.IsAsciiDigit).ToArray());
        if (typed.Length != 6 || !await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, typed))
        {
            return Outcome<IReadOnlyList<string>>.From(Outcome.Invalid(
                new Dictionary<string, string[]> { ["code"] = ["Kode tidak cocok."] },
                "Kode dari aplikasi autentikator salah. Periksa jam ponsel lalu masukkan kode yang sedang tampil."));
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        var codes = await NewCodesAsync(user);
        await AuditAsync(user, AuditActions.TwoFactorEnabled, "Verifikasi dua langkah diaktifkan", cancellationToken);
        return Outcome<IReadOnlyList<string>>.Ok(codes);
    }

    /// <summary>New recovery codes; the old ones stop working.</summary>
    public async Task<Outcome<IReadOnlyList<string>>> RenewRecoveryCodesAsync(NewsroomUser user, CancellationToken cancellationToken)
    {
        if (!await users.GetTwoFactorEnabledAsync(user))
        {
            return Outcome<IReadOnlyList<string>>.From(Outcome.Conflict("Aktifkan verifikasi dua langkah terlebih dahulu."));
        }

        var codes = await NewCodesAsync(user);
        await AuditAsync(user, AuditActions.RecoveryCodesRenewed, "Kode pemulihan dibuat ulang", cancellationToken);
        return Outcome<IReadOnlyList<string>>.Ok(codes);
    }

    /// <summary>Turns two-factor sign-in off, with a current code (or a recovery code), unless the person's role requires it.</summary>
    public async Task<Outcome> DisableAsync(NewsroomUser user, string? code, CancellationToken cancellationToken)
    {
        if (!await users.GetTwoFactorEnabledAsync(user))
        {
            return Outcome.Conflict("Verifikasi dua langkah memang tidak aktif.");
        }

        if (!policy.MayTurnOff(user, await users.GetRolesAsync(user)))
        {
            return Outcome.Forbidden("Peran Anda wajib memakai verifikasi dua langkah, jadi tidak dapat dinonaktifkan.");
        }

        if (await guard.VerifyCodeAsync(user, code) is null)
        {
            return Outcome.Invalid(new Dictionary<string, string[]> { ["code"] = ["Kode tidak cocok."] }, "Kode verifikasi salah.");
        }

        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 0);
        await AuditAsync(user, AuditActions.TwoFactorDisabled, "Verifikasi dua langkah dinonaktifkan", cancellationToken);
        return Outcome.Ok();
    }

    private async Task<IReadOnlyList<string>> NewCodesAsync(NewsroomUser user)
        => [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount) ?? []];

    private Task AuditAsync(NewsroomUser user, string action, string summary, CancellationToken cancellationToken)
        => events.PublishAsync(new AuditEvent(action, user.Id, user.DisplayName, "account", user.Id, summary, clock.GetUtcNow()), cancellationToken);

    /// <summary>The key in groups of four, lower case, as people type it.</summary>
    private static string Group(string key)
    {
        var text = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            text.Append(text.Length > 0 ? " " : "").Append(key.AsSpan(i, Math.Min(4, key.Length - i)));
        }

        return text.ToString().ToLowerInvariant();
    }
}
