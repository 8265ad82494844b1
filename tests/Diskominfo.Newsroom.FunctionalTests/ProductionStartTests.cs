using System.Net;
using System.Net.Http.Json;

namespace Diskominfo.Newsroom.FunctionalTests;

/// <summary>Production refuses to run with the demo password anywhere; the first admin's password never goes on the command line.</summary>
public sealed class ProductionStartTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task Production_AccountsWithTheDemoPassword_RefusesToStartAndNamesThem()
    {
        var dataDir = Directory.CreateTempSubdirectory("newsroom-prod-").FullName;
        try
        {
            // The demo office, made in Development.
            var port = Harness.SiteProcess.FreePort();
            var address = new Uri($"http://127.0.0.1:{port}");
            await using (var development = SiteRun.Start(dataDir, Environment("Development", port)))
            {
                await development.WaitReadyAsync(address, Timeout);
            }

            await using (var production = SiteRun.Start(dataDir, Environment("Production", port)))
            {
                var exitCode = await production.ExitCodeAsync(Timeout);
                Assert.NotEqual(0, exitCode);
                Assert.Contains("masih memakai kata sandi demo", production.Output, StringComparison.Ordinal);
                foreach (var name in new[] { "admin", "kadis", "kasi", "reporter2" })
                {
                    Assert.Matches($"kata sandi demo: [a-z0-9, ]*\\b{name}\\b", production.Output);
                }
            }

            // With the demo office switched on explicitly, it runs.
            var demo = Environment("Production", port);
            demo["Newsroom__DemoAccounts"] = "true";
            await using var withDemo = SiteRun.Start(dataDir, demo);
            await withDemo.WaitReadyAsync(address, Timeout);
        }
        finally
        {
            Directory.Delete(dataDir, recursive: true);
        }
    }

    [Fact]
    public async Task CreateAdmin_PasswordFromStandardInput_CreatesTheAdminAndProductionStarts()
    {
        var dataDir = Directory.CreateTempSubdirectory("newsroom-admin-").FullName;
        try
        {
            var port = Harness.SiteProcess.FreePort();
            string[] command = ["create-admin", "--user", "kepala", "--email", "admin@example.go.id"];

            await using (var onCommandLine = SiteRun.Start(dataDir, Environment("Production", port), [.. command, "--password", "Kantor#Diskominfo2026"]))
            {
                Assert.NotEqual(0, await onCommandLine.ExitCodeAsync(Timeout));
                Assert.Contains("tidak boleh diberikan di baris perintah", onCommandLine.Output, StringComparison.Ordinal);
            }

            await using (var demoPassword = SiteRun.Start(dataDir, Environment("Production", port), command))
            {
                await demoPassword.Input.WriteLineAsync(NewsroomApp.Password);
                demoPassword.Input.Close();
                Assert.NotEqual(0, await demoPassword.ExitCodeAsync(Timeout));
                Assert.Contains("Kata sandi demo tidak boleh dipakai", demoPassword.Output, StringComparison.Ordinal);
            }

            await using (var created = SiteRun.Start(dataDir, Environment("Production", port), command))
            {
                await created.Input.WriteLineAsync("Kantor#Diskominfo2026");
                created.Input.Close();
                Assert.Equal(0, await created.ExitCodeAsync(Timeout));
                Assert.Contains("Admin 'kepala' dibuat.", created.Output, StringComparison.Ordinal);
                Assert.DoesNotContain("Kantor#Diskominfo2026", created.Output, StringComparison.Ordinal);
            }

            // No demo password anywhere: Production starts, and the admin signs in with the password typed in.
            var address = new Uri($"http://127.0.0.1:{port}");
            await using var production = SiteRun.Start(dataDir, Environment("Production", port));
            await production.WaitReadyAsync(address, Timeout);
            using var client = new HttpClient { BaseAddress = address };
            var login = await client.PostAsJsonAsync("/api/v1/auth/login", new { userName = "kepala", password = "Kantor#Diskominfo2026" });
            Assert.Equal(HttpStatusCode.OK, login.StatusCode);
            var demo = await client.PostAsJsonAsync("/api/v1/auth/login", new { userName = "admin", password = NewsroomApp.Password });
            Assert.Equal(HttpStatusCode.Unauthorized, demo.StatusCode); // no demo accounts in Production

            // Run from the build output (not published), the pages still get the theme's style sheet.
            var home = await client.GetStringAsync("/");
            var sheet = System.Text.RegularExpressions.Regex.Match(home, @"href=""(/_content/[^""]+\.css[^""]*)""").Groups[1].Value;
            Assert.NotEmpty(sheet);
            using var css = await client.GetAsync(sheet);
            Assert.Equal(HttpStatusCode.OK, css.StatusCode);
            Assert.Equal("text/css", css.Content.Headers.ContentType?.MediaType);
        }
        finally
        {
            Directory.Delete(dataDir, recursive: true);
        }
    }

    private static Dictionary<string, string> Environment(string name, int port) => new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = name,
        ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
    };
}
