using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Infrastructure.Hosting;
using Diskominfo.Newsroom.Users.Models;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Diskominfo.Newsroom.Users.Services;

/// <summary>Creates the roles always, and the demo accounts in Development only.</summary>
internal sealed partial class AccountSeeder(IHostEnvironment environment, ILogger<AccountSeeder> logger) : IStartupTask
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

        if (!environment.IsDevelopment())
        {
            return;
        }

        var users = scopedServices.GetRequiredService<UserManager<NewsroomUser>>();
        foreach (var (userName, displayName, role) in DemoAccounts.All)
        {
            if (await users.FindByNameAsync(userName) is not null)
            {
                continue;
            }

            var result = await AccountCommands.CreateAsync(users, userName, displayName, $"{userName}@demo.diskominfo.local", DemoAccounts.Password, role);
            if (result.Succeeded)
            {
                // Marked as a demo account: exempt from the two-factor requirement of its role while demo mode is on.
                var created = await users.FindByNameAsync(userName);
                created!.IsDemo = true;
                await users.UpdateAsync(created);
                LogDemoAccountCreated(logger, userName, role);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo account {UserName} created with role {Role}")]
    private static partial void LogDemoAccountCreated(ILogger logger, string userName, string role);
}
