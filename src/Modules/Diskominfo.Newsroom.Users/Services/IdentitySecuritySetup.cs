using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Diskominfo.Newsroom.Users.Services;

/// <summary>
/// Identity's settings for accounts: the security stamp is checked every minute (so a disabled account, a new password or
/// new roles end sessions within one), a disabled account may not sign in (<see cref="ActiveAccountConfirmation"/>),
/// and password-reset links come from <see cref="ResetLinkTokenProvider"/>, valid one hour.
/// </summary>
internal sealed class IdentitySecuritySetup
    : IConfigureOptions<IdentityOptions>, IConfigureOptions<SecurityStampValidatorOptions>, IConfigureOptions<DataProtectionTokenProviderOptions>
{
    public static readonly TimeSpan StampInterval = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan ResetLinkLifetime = TimeSpan.FromHours(1);

    public void Configure(IdentityOptions options)
    {
        // "Confirmed" is what ActiveAccountConfirmation answers: not disabled.
        options.SignIn.RequireConfirmedAccount = true;
        options.Tokens.ProviderMap[ResetLinkTokenProvider.ProviderName] = new TokenProviderDescriptor(typeof(ResetLinkTokenProvider));
        options.Tokens.PasswordResetTokenProvider = ResetLinkTokenProvider.ProviderName;
    }

    public void Configure(SecurityStampValidatorOptions options) => options.ValidationInterval = StampInterval;

    public void Configure(DataProtectionTokenProviderOptions options) => options.TokenLifespan = ResetLinkLifetime;
}
