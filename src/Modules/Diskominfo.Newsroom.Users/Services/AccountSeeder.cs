using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Infrastructure.Hosting;
using Diskominfo.Newsroom.Users.Models;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Diskominfo.Newsroom.Users.Services;

/// <summary>
/// Creates the roles always, and the demo accounts when the site runs the demo (<see cref="DemoMode"/>): marked as demo
/// accounts and placed in the demo office's bidang and seksi. Demo accounts made before sections existed get theirs.
/// </summary>
internal sealed partial class AccountSeeder(
    IHostEnvironment environment, IConfiguration configuration, TimeProvider clock, ILogger<AccountSeeder> logger) : IStartupTask
{
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
            var result = await users.CreateAsync(user, DemoAccounts.Password);
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
