using Diskominfo.Newsroom.Infrastructure.Hosting;
using Diskominfo.Newsroom.Users.Data;
using Diskominfo.Newsroom.Users.Models;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Diskominfo.Newsroom.Users.Services;

/// <summary>
/// Outside Development, and unless the site runs with demo accounts (<c>Newsroom:DemoAccounts=true</c>), the site
/// refuses to start while any account (not disabled) still has the demo password, naming the accounts. Runs after the database is
/// migrated and before the job server; the hashes are verified in parallel (a few hundred accounts in seconds).
/// Not part of <c>create-admin</c>, which must work on such a database.
/// </summary>
internal sealed partial class DemoPasswordCheck(
    IServiceScopeFactory scopes, IConfiguration configuration, IHostEnvironment environment, ILogger<DemoPasswordCheck> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (environment.IsDevelopment() || DemoMode.IsOn(configuration, environment))
        {
            return;
        }

        var found = await FindAsync(cancellationToken);
        if (found.Count == 0)
        {
            return;
        }

        var names = string.Join(", ", found);
        LogRefused(logger, names);
        throw new StartupRefusedException(
            $"Situs tidak dijalankan: akun berikut masih memakai kata sandi demo: {names}. Ganti kata sandinya (atau nonaktifkan akunnya) lalu jalankan lagi. " +
            $"The site will not start: these accounts still have the demo password: {names}.");
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The user names of the accounts whose password is the demo password, in order.</summary>
    public async Task<IReadOnlyList<string>> FindAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<UsersDbContext>();
        var hasher = scope.ServiceProvider.GetRequiredService<IPasswordHasher<NewsroomUser>>();
        var accounts = await db.Users.AsNoTracking().Where(u => u.PasswordHash != null && !u.Disabled).ToListAsync(cancellationToken);
        var found = new System.Collections.Concurrent.ConcurrentBag<string>();
        Parallel.ForEach(accounts, new ParallelOptions { CancellationToken = cancellationToken }, account =>
        {
            if (hasher.VerifyHashedPassword(account, account.PasswordHash!, DemoAccounts.Password) != PasswordVerificationResult.Failed)
            {
                found.Add(account.UserName ?? account.Id);
            }
        });
        return [.. found.Order(StringComparer.Ordinal)];
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "Not starting: accounts with the demo password: {UserNames}")]
    private static partial void LogRefused(ILogger logger, string userNames);
}
