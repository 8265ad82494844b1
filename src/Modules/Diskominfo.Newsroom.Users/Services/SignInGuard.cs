using Diskominfo.Newsroom.Abstractions.Audit;
using Diskominfo.Newsroom.Abstractions.Events;
using Diskominfo.Newsroom.Users.Models;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;

namespace Diskominfo.Newsroom.Users.Services;

/// <summary>
/// The two steps of a sign-in, for the form and the API alike.
/// <para>The password step gives one answer, in one time, to an unknown user and a wrong password: an unknown user's
/// password is verified against a dummy hash, so exactly one hash verification happens either way. Five wrong answers
/// lock the account for 15 minutes, but only someone who typed the right password learns that it is locked; wrong
/// passwords during a lockout do not extend it, so a stranger cannot keep an account locked all day.</para>
/// <para>The second step (a code from the authenticator app or a recovery code) lets a locked person in and ends the
/// lockout, unless wrong codes caused that lockout: then the code step waits like the password.</para>
/// </summary>
internal sealed partial class SignInGuard(
    UserManager<NewsroomUser> users,
    IPasswordHasher<NewsroomUser> hasher,
    IEventPublisher events,
    TimeProvider clock,
    ILogger<SignInGuard> logger)
{
    private const string TokenProvider = "[Newsroom]";
    private const string CodeLockoutToken = "CodeLockout";
    private const string LastCodeToken = "LastCode";
    private static readonly NewsroomUser Nobody = new() { UserName = "-" };
    private static string? s_dummyHash;

    public async Task<SignInCheck> CheckPasswordAsync(string userName, string password, string channel, CancellationToken cancellationToken)
    {
        var user = await users.FindByNameAsync(userName);
        if (user?.PasswordHash is null)
        {
            hasher.VerifyHashedPassword(Nobody, DummyHash(), password);
            await AuditFailedAsync(user, userName, user is null ? "unknown_user" : "no_password", channel, cancellationToken);
            return SignInCheck.Failed;
        }

        var passwordRight = await users.CheckPasswordAsync(user, password);
        var locked = await users.IsLockedOutAsync(user);
        if (!passwordRight)
        {
            if (!locked)
            {
                await users.AccessFailedAsync(user);
                await AuditIfLockedAsync(user, channel, cancellationToken);
            }

            await AuditFailedAsync(user, userName, locked ? "wrong_password_while_locked" : "wrong_password", channel, cancellationToken);
            return SignInCheck.Failed;
        }

        if (user.Disabled)
        {
            await AuditFailedAsync(user, userName, "disabled", channel, cancellationToken);
            return new SignInCheck(SignInVerdict.Disabled, user);
        }

        if (await users.GetTwoFactorEnabledAsync(user))
        {
            if (locked && await LockedByCodesAsync(user))
            {
                await AuditFailedAsync(user, userName, "locked_out", channel, cancellationToken);
                return new SignInCheck(SignInVerdict.LockedOut, user, user.LockoutEnd);
            }

            return new SignInCheck(SignInVerdict.TwoFactorRequired, user);
        }

        if (locked)
        {
            await AuditFailedAsync(user, userName, "locked_out", channel, cancellationToken);
            return new SignInCheck(SignInVerdict.LockedOut, user, user.LockoutEnd);
        }

        await SignedInAsync(user, channel, "password", cancellationToken);
        return new SignInCheck(SignInVerdict.Succeeded, user);
    }

    /// <summary>
    /// The second step for <paramref name="user"/>, who gave the right password: a 6-digit code from the app, or a
    /// recovery code (used up by this).
    /// </summary>
    public async Task<SignInCheck> CheckSecondFactorAsync(NewsroomUser user, string? code, string channel, CancellationToken cancellationToken)
    {
        if (await users.IsLockedOutAsync(user) && await LockedByCodesAsync(user))
        {
            await AuditFailedAsync(user, user.UserName, "locked_out", channel, cancellationToken);
            return new SignInCheck(SignInVerdict.LockedOut, user, user.LockoutEnd);
        }

        var method = await VerifyCodeAsync(user, code);
        if (method is null)
        {
            await users.AccessFailedAsync(user);
            if (await users.IsLockedOutAsync(user) && user.LockoutEnd is { } until)
            {
                await users.SetAuthenticationTokenAsync(user, TokenProvider, CodeLockoutToken, until.UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture));
                await AuditLockedAsync(user, channel, cancellationToken);
            }

            await AuditFailedAsync(user, user.UserName, "wrong_code", channel, cancellationToken);
            return SignInCheck.Failed;
        }

        await SignedInAsync(user, channel, method, cancellationToken);
        return new SignInCheck(SignInVerdict.Succeeded, user);
    }

    /// <summary>
    /// Checks a code from the app (6 digits, each code once) or a recovery code (10 letters and digits, with or without its
    /// dash; used up when right). Returns how the person proved it (<c>totp</c>, <c>recovery_code</c>) or null when wrong.
    /// </summary>
    public async Task<string?> VerifyCodeAsync(NewsroomUser user, string? code)
    {
        var typed = new string((code ?? "").Where(char.IsLetterOrDigit).ToArray()).ToUpperInvariant();
        if (typed.Length == 6 && typed.All(char.IsAsciiDigit))
        {
            if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, typed))
            {
                return null;
            }

            // A code is valid for about 90 seconds (one step either side): it is used once only within that time.
            var now = clock.GetUtcNow().ToUnixTimeSeconds();
            var last = (await users.GetAuthenticationTokenAsync(user, TokenProvider, LastCodeToken))?.Split('|');
            if (last is [var lastCode, var lastAt] && lastCode == typed
                && long.TryParse(lastAt, System.Globalization.CultureInfo.InvariantCulture, out var at) && now - at < 180)
            {
                return null;
            }

            await users.SetAuthenticationTokenAsync(user, TokenProvider, LastCodeToken, $"{typed}|{now.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
            return "totp";
        }

        if (typed.Length == 10)
        {
            var redeemed = await users.RedeemTwoFactorRecoveryCodeAsync(user, $"{typed[..5]}-{typed[5..]}");
            if (redeemed.Succeeded)
            {
                LogRecoveryCodeUsed(logger, user.Id, await users.CountRecoveryCodesAsync(user));
                return "recovery_code";
            }
        }

        return null;
    }

    /// <summary>The current lockout was caused by wrong codes (then the code step waits it out too).</summary>
    /// <remarks>The lockout's end as stored may be rounded (SQLite keeps it as a packed binary): within a second is the same.</remarks>
    private async Task<bool> LockedByCodesAsync(NewsroomUser user)
        => user.LockoutEnd is { } until
            && long.TryParse(await users.GetAuthenticationTokenAsync(user, TokenProvider, CodeLockoutToken), System.Globalization.CultureInfo.InvariantCulture, out var ticks)
            && Math.Abs(until.UtcTicks - ticks) < TimeSpan.TicksPerSecond;

    private async Task SignedInAsync(NewsroomUser user, string channel, string method, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        user.AccessFailedCount = 0;
        user.LockoutEnd = null;
        user.LastSignInAt = now;
        await users.UpdateAsync(user);
        await events.PublishAsync(
            new AuditEvent(
                AuditActions.SignedIn, user.Id, user.DisplayName, "account", user.Id,
                channel == SignInChannel.Api ? "Masuk lewat API" : "Masuk lewat formulir",
                now,
                After: new Dictionary<string, string?> { ["channel"] = channel, ["method"] = method }),
            cancellationToken);
    }

    private async Task AuditIfLockedAsync(NewsroomUser user, string channel, CancellationToken cancellationToken)
    {
        if (await users.IsLockedOutAsync(user))
        {
            await AuditLockedAsync(user, channel, cancellationToken);
        }
    }

    private async Task AuditLockedAsync(NewsroomUser user, string channel, CancellationToken cancellationToken)
    {
        LogLockedOut(logger, user.Id, user.LockoutEnd);
        await events.PublishAsync(
            new AuditEvent(
                AuditActions.LockedOut, user.Id, user.DisplayName, "account", user.Id,
                "Akun dikunci sementara setelah terlalu banyak percobaan masuk yang gagal",
                clock.GetUtcNow(),
                After: new Dictionary<string, string?> { ["channel"] = channel, ["lockedUntil"] = user.LockoutEnd?.ToString("O") }),
            cancellationToken);
    }

    /// <summary>A failed sign-in: no actor id for an unknown user name (the name is what was typed); never the password.</summary>
    private Task AuditFailedAsync(NewsroomUser? user, string? typedName, string reason, string channel, CancellationToken cancellationToken)
        => events.PublishAsync(
            new AuditEvent(
                AuditActions.SignInFailed, user?.Id, user?.DisplayName is { Length: > 0 } name ? name : typedName, user is null ? null : "account", user?.Id,
                "Gagal masuk",
                clock.GetUtcNow(),
                After: new Dictionary<string, string?> { ["channel"] = channel, ["reason"] = reason, ["userName"] = typedName }),
            cancellationToken);

    /// <summary>A hash of a random password made by the site's own hasher, so that verifying against it costs what a real one does.</summary>
    private string DummyHash()
        => s_dummyHash ??= hasher.HashPassword(Nobody, Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16)));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Account {UserId} locked out until {Until}")]
    private static partial void LogLockedOut(ILogger logger, string userId, DateTimeOffset? until);

    [LoggerMessage(Level = LogLevel.Information, Message = "Account {UserId} signed in with a recovery code; {Left} left")]
    private static partial void LogRecoveryCodeUsed(ILogger logger, string userId, int left);
}
