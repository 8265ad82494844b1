using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Infrastructure.Hosting;
using Diskominfo.Newsroom.Users.Models;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Diskominfo.Newsroom.Users.Services;

/// <summary>
/// <c>create-admin --user NAME --email EMAIL</c>, password from NEWSROOM_ADMIN_PASSWORD: creates the first admin
/// of a Production site (which has no demo accounts).
/// </summary>
public static class UsersCommands
{
    public static async Task<int> CreateAdminAsync(IServiceProvider services, string[] args, TextWriter output)
    {
        string? Arg(string name)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        }

        var userName = Arg("--user") ?? "admin";
        var email = Arg("--email");
        var password = Environment.GetEnvironmentVariable("NEWSROOM_ADMIN_PASSWORD") ?? Arg("--password");
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrWhiteSpace(password))
        {
            await output.WriteLineAsync("Pemakaian: create-admin --user NAMA --email EMAIL (kata sandi di variabel NEWSROOM_ADMIN_PASSWORD)");
            return 2;
        }

        await services.GetRequiredService<NewsroomInitializer>().StartAsync(CancellationToken.None);
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<NewsroomUser>>();
        var result = await AccountCommands.CreateAsync(users, userName, "Admin Sistem", email, password, NewsroomRoles.Admin);
        if (!result.Succeeded)
        {
            await output.WriteLineAsync("Gagal membuat admin: " + string.Join(" ", result.Errors.Select(e => e.Description)));
            return 1;
        }

        await output.WriteLineAsync($"Admin '{userName}' dibuat.");
        return 0;
    }
}
