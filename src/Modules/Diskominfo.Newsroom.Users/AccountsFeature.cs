using Diskominfo.Newsroom.Abstractions.Admin;
using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Users.Endpoints;
using Diskominfo.Newsroom.Users.Models;
using Diskominfo.Newsroom.Users.Services;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Diskominfo.Newsroom.Users;

/// <summary>
/// The office's accounts, part of the Users module: the admins' account pages and API, a person's own profile and
/// password, forgotten passwords, and sessions and tokens that end when the account changes.
/// </summary>
internal static class AccountsFeature
{
    public const string AdminPath = "/admin/pengguna";
    public const string ProfilePath = "/akun";

    public static IServiceCollection AddAccounts(this IServiceCollection services)
    {
        services.AddOptions<AccountSessionOptions>().BindConfiguration("Newsroom:Auth");
        services.AddSingleton<IdentitySecuritySetup>();
        services.AddSingleton<IConfigureOptions<IdentityOptions>>(sp => sp.GetRequiredService<IdentitySecuritySetup>());
        services.AddSingleton<IConfigureOptions<SecurityStampValidatorOptions>>(sp => sp.GetRequiredService<IdentitySecuritySetup>());
        services.AddSingleton<IConfigureOptions<DataProtectionTokenProviderOptions>>(sp => sp.GetRequiredService<IdentitySecuritySetup>());
        services.AddSingleton<IConfigureOptions<CookieAuthenticationOptions>, ApplicationCookieSetup>();
        services.AddSingleton<IPostConfigureOptions<JwtBearerOptions>, BearerEventsSetup>();
        services.AddTransient<ResetLinkTokenProvider>();
        services.AddScoped<IUserConfirmation<NewsroomUser>, ActiveAccountConfirmation>();
        services.AddScoped<IUserClaimsPrincipalFactory<NewsroomUser>, AccountClaimsFactory>();
        services.AddScoped<IPasswordValidator<NewsroomUser>, DemoPasswordValidator>();
        services.AddScoped<AccountCookieEvents>();
        services.AddScoped<BearerTokenEvents>();
        services.AddSingleton<AccountStateCache>();

        services.AddScoped<SignInRecorder>();
        services.AddScoped<AccountAudit>();
        services.AddScoped<AccountValidator>();
        services.AddScoped<UserQueries>();
        services.AddScoped<AccountEditor>();
        services.AddScoped<AccountStatusService>();
        services.AddScoped<AdminPasswordReset>();
        services.AddScoped<ResetLinks>();
        services.AddScoped<PasswordRecovery>();
        services.AddScoped<PasswordChanger>();
        services.AddScoped<SessionRevoker>();
        services.AddScoped<ProfileEditor>();
        services.AddSingleton<PasswordResetQueue>();
        services.AddHostedService<PasswordResetMailer>();

        services.AddSingleton(new AdminMenuItem("Pengguna", AdminPath, 89, NewsroomRoles.Admin));
        services.AddSingleton(new AdminMenuItem("Akun saya", ProfilePath, 99));
        return services;
    }

    public static IEndpointRouteBuilder MapAccounts(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapUserAdminEndpoints();
        endpoints.MapAccountEndpoints();
        return endpoints;
    }
}
