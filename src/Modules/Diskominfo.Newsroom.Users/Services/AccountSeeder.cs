using System.Collections.Concurrent;
using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Infrastructure.Hosting;
using Diskominfo.Newsroom.Users.Models;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Diskominfo.Newsroom.Users.Services;

/// <summary>
/// Creates the roles always, and the demo accounts when the site runs the demo (<see cref="DemoMode"/>): marked as demo
/// accounts and placed in the demo office's bidang and seksi. Demo accounts made before sections existed get theirs.
/// </summary>
/// <remarks>
/// The demo password is published (README, sign-in page), so its hash is made once per process and the same hash is
/// given to every demo account: a salt per account protects a secret password, and this one is not secret. Ten
/// PBKDF2 hashes (about 40 ms each here) were most of a fresh demo site's start-up, and the tests start hundreds.
/// </remarks>
internal sealed partial class AccountSeeder(
    IHostEnvironment environment, IConfiguration configuration, TimeProvider clock, ILogger<AccountSeeder> logger) : IStartupTask
{
    /// <summary>The demo password's hash, per kind of hasher and its settings.</summary>
    private static readonly ConcurrentDictionary<(Type, PasswordHasherCompatibilityMode, int), string> DemoHashes = new();

    public int Order => 0;

    public async Task RunAsync(IServiceProvider scopedServices, CancellationToken cancellationToken)
    {
        var roles = scopedServices.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in NewsroomRoles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }

        if (!DemoMode.IsOn(configuration, environment))
        {
            return;
        }

        var users = scopedServices.GetRequiredService<UserManager<NewsroomUser>>();
        var hasher = scopedServices.GetRequiredService<IPasswordHasher<NewsroomUser>>();
        var hasherOptions = scopedServices.GetRequiredService<IOptions<PasswordHasherOptions>>().Value;
        foreach (var (userName, displayName, role) in DemoAccounts.All)
        {
            var section = DemoAccounts.SectionOf(userName);
            if (await users.FindByNameAsync(userName) is { } existing)
            {
                // Made by an earlier version (no creation date): a demo account, now placed in the demo office.
                if (existing.CreatedAt is null && (!existing.IsDemo || (existing.SectionId is null && section is not null)))
                {
                    existing.IsDemo = true;
                    existing.SectionId ??= section;
                    await users.UpdateAsync(existing);
                }

                continue;
            }

            var user = new NewsroomUser
            {
                UserName = userName,
                Email = $"{userName}@demo.diskominfo.local",
                EmailConfirmed = true,
                DisplayName = displayName,
                SectionId = section,
                IsDemo = true,
                CreatedAt = clock.GetUtcNow(),
            };
            user.PasswordHash = DemoHashes.GetOrAdd((hasher.GetType(), hasherOptions.CompatibilityMode, hasherOptions.IterationCount), _ => hasher.HashPassword(user, DemoAccounts.Password));
            var result = await users.CreateAsync(user);
            if (result.Succeeded)
            {
                await users.AddToRoleAsync(user, role);
                LogDemoAccountCreated(logger, userName, role);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo account {UserName} created with role {Role}")]
    private static partial void LogDemoAccountCreated(ILogger logger, string userName, string role);
}
