using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Infrastructure.Hosting;
using Diskominfo.Newsroom.Users.Models;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Diskominfo.Newsroom.Users.Services;

/// <summary>
/// <c>create-admin --user NAME --email EMAIL</c>: creates the first admin of a Production site (which has no demo
/// accounts). The password comes from NEWSROOM_ADMIN_PASSWORD or standard input (asked for without echo at a
/// terminal, one line when piped), never from the command line, where other users and the shell history would see it.
/// </summary>
public static class UsersCommands
{
    public const string PasswordVariable = "NEWSROOM_ADMIN_PASSWORD";

    public static async Task<int> CreateAdminAsync(IServiceProvider services, string[] args, TextWriter output)
    {
        string? Arg(string name)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        }

        if (args.Any(a => a.StartsWith("--password", StringComparison.Ordinal)))
        {
            await output.WriteLineAsync(
                $"Kata sandi tidak boleh diberikan di baris perintah (--password): isikan lewat masukan standar atau variabel {PasswordVariable}.");
            return 2;
        }

        var userName = Arg("--user") ?? "admin";
        var email = Arg("--email");
        if (string.IsNullOrWhiteSpace(email))
        {
            await output.WriteLineAsync($"Pemakaian: create-admin --user NAMA --email EMAIL (kata sandi dari masukan standar atau variabel {PasswordVariable})");
            return 2;
        }

        var password = Environment.GetEnvironmentVariable(PasswordVariable);
        if (string.IsNullOrEmpty(password))
        {
            password = await AdminPasswordReader.ReadAsync(output);
        }

        if (string.IsNullOrEmpty(password))
        {
            await output.WriteLineAsync($"Kata sandi kosong: isikan lewat masukan standar atau variabel {PasswordVariable}.");
            return 2;
        }

        if (password == DemoAccounts.Password)
        {
            await output.WriteLineAsync("Kata sandi demo tidak boleh dipakai untuk akun sungguhan. Pilih kata sandi lain.");
            return 2;
        }

        await services.GetRequiredService<NewsroomInitializer>().StartAsync(CancellationToken.None);
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<NewsroomUser>>();
        var result = await AccountCommands.CreateAsync(
            users, userName, "Admin Sistem", email, password, NewsroomRoles.Admin, scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow());
        if (!result.Succeeded)
        {
            await output.WriteLineAsync("Gagal membuat admin: " + string.Join(" ", result.Errors.Select(e => e.Description)));
            return 1;
        }

        await output.WriteLineAsync($"Admin '{userName}' dibuat.");
        return 0;
    }
}
