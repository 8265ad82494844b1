using System.Text;
using Diskominfo.Newsroom.Users.Models;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace Diskominfo.Newsroom.Users.Services;

/// <summary>
/// Password-reset tokens: the user id, the purpose, the account's security stamp and the time of issue, protected with
/// Data Protection. Valid for <see cref="DataProtectionTokenProviderOptions.TokenLifespan"/> by the site's clock, and
/// once only: using one sets a new password, which changes the stamp.
/// </summary>
internal sealed class ResetLinkTokenProvider(
    IDataProtectionProvider protection, IOptions<DataProtectionTokenProviderOptions> options, TimeProvider clock)
    : IUserTwoFactorTokenProvider<NewsroomUser>
{
    public const string ProviderName = "NewsroomResetLink";
    private readonly IDataProtector _protector = protection.CreateProtector("Diskominfo.Newsroom.Users.ResetLink");

    public async Task<string> GenerateAsync(string purpose, UserManager<NewsroomUser> manager, NewsroomUser user)
    {
        var payload = string.Join('\n',
            clock.GetUtcNow().UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture),
            await manager.GetUserIdAsync(user),
            purpose,
            await manager.GetSecurityStampAsync(user) ?? "");
        return WebEncoders.Base64UrlEncode(_protector.Protect(Encoding.UTF8.GetBytes(payload)));
    }

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<NewsroomUser> manager, NewsroomUser user)
    {
        string[] parts;
        try
        {
            parts = Encoding.UTF8.GetString(_protector.Unprotect(WebEncoders.Base64UrlDecode(token))).Split('\n');
        }
        catch (Exception e) when (e is FormatException or System.Security.Cryptography.CryptographicException)
        {
            return false;
        }

        if (parts.Length != 4 || !long.TryParse(parts[0], System.Globalization.CultureInfo.InvariantCulture, out var ticks))
        {
            return false;
        }

        var issued = new DateTimeOffset(ticks, TimeSpan.Zero);
        var now = clock.GetUtcNow();
        return now >= issued - TimeSpan.FromMinutes(5)
            && now - issued <= options.Value.TokenLifespan
            && parts[1] == await manager.GetUserIdAsync(user)
            && parts[2] == purpose
            && parts[3] == (await manager.GetSecurityStampAsync(user) ?? "");
    }

    public Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<NewsroomUser> manager, NewsroomUser user) => Task.FromResult(false);
}
