using Diskominfo.Newsroom.Abstractions.Admin;
using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Infrastructure.Data;
using Diskominfo.Newsroom.Infrastructure.Hosting;
using Diskominfo.Newsroom.Users.Data;
using Diskominfo.Newsroom.Users.Endpoints;
using Diskominfo.Newsroom.Users.Models;
using Diskominfo.Newsroom.Users.Services;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Diskominfo.Newsroom.Users;

public static class UsersModule
{
    internal const string Name = "users";
    private const string SelectorScheme = "newsroom";

    /// <summary>Accounts and roles (Identity), sign-in by cookie for pages and by bearer token for <c>/api</c>.</summary>
    public static IServiceCollection AddUsersModule(this IServiceCollection services)
    {
        services.AddModuleDbContext<UsersDbContext, SqliteUsersDbContext, PostgresUsersDbContext>(Name);
        services.AddNewsroomCommand<CreateAdminCommand>();
        services.AddIdentity<NewsroomUser, IdentityRole>(o =>
            {
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.Password.RequiredLength = 10;
                o.Password.RequireNonAlphanumeric = false;
                o.User.RequireUniqueEmail = true;
            })
            .AddEntityFrameworkStores<UsersDbContext>()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<IndonesianIdentityErrorDescriber>();
        services.AddSingleton<IConfigureOptions<CookieAuthenticationOptions>, IdentityCookiesSetup>();
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/masuk";
            o.LogoutPath = "/keluar";
            o.AccessDeniedPath = "/ditolak";
        });

        services.AddScoped<IUserDirectory, UserDirectory>();
        services.AddSingleton<IConfigureOptions<ApiTokenOptions>, TokenOptionsSetup>();
        services.AddSingleton<IConfigureOptions<JwtBearerOptions>, JwtBearerOptionsSetup>();
        services.AddAuthentication(o =>
            {
                // AddIdentity set the cookie as the default for authenticate and challenge; the selector must win both.
                o.DefaultScheme = SelectorScheme;
                o.DefaultAuthenticateScheme = SelectorScheme;
                o.DefaultChallengeScheme = SelectorScheme;
                o.DefaultForbidScheme = SelectorScheme;
            })
            .AddPolicyScheme(SelectorScheme, "Cookie or bearer", o => o.ForwardDefaultSelector = SelectScheme)
            .AddJwtBearer();
        services.AddAuthorizationBuilder()
            .AddPolicy(NewsroomPolicies.Staff, p => p.RequireRole(NewsroomRoles.All))
            .AddPolicy(NewsroomPolicies.ApiStaff, p => p.AddAuthenticationSchemes(JwtBearerDefaults.AuthenticationScheme).RequireRole(NewsroomRoles.All))
            .AddPolicy(NewsroomPolicies.Admin, p => p.RequireRole(NewsroomRoles.Admin));

        services.AddSingleton<TokenService>();
        services.AddSingleton<IStartupTask, AccountSeeder>();
        services.AddSignInSecurity();
        services.AddAccounts();
        return services;
    }

    public static IEndpointRouteBuilder MapUsersEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapAuthEndpoints();
        endpoints.MapTwoFactorEndpoints();
        endpoints.MapAccounts();
        return endpoints;
    }

    /// <summary>Two-factor sign-in, the sign-in guard, the rate limits per client address, the demo-password check at start.</summary>
    private static void AddSignInSecurity(this IServiceCollection services)
    {
        services.AddSingleton<IConfigureOptions<TwoFactorOptions>, TwoFactorOptionsSetup>();
        services.AddSingleton<IConfigureOptions<RateLimiterOptions>, UsersRateLimiterSetup>();
        services.AddSingleton<TwoFactorPolicy>();
        services.AddScoped<SignInGuard>();
        services.AddScoped<TwoFactorService>();
        services.AddHostedService<DemoPasswordCheck>();
        services.AddSingleton(new AdminMenuItem("Verifikasi dua langkah", TwoFactorEnrolmentGate.EnrolPath, 97));
    }

    /// <summary>
    /// After authentication: a person with a one-time password must change it before anything else, and a person whose
    /// role requires two-factor sign-in and who has not enrolled may only enrol.
    /// </summary>
    public static IApplicationBuilder UseUsersModule(this IApplicationBuilder app)
        => app.UseMiddleware<PasswordChangeGate>().UseMiddleware<TwoFactorEnrolmentGate>();

    /// <summary>The API takes bearer tokens only (no cookies, so no cross-site requests); pages take the cookie.</summary>
    private static string SelectScheme(HttpContext context)
    {
        var isApi = context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);
        var hasBearer = context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);
        return isApi || hasBearer ? JwtBearerDefaults.AuthenticationScheme : IdentityConstants.ApplicationScheme;
    }
}
