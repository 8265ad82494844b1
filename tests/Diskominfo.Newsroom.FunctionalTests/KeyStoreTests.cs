using System.Net;
using System.Net.Http.Json;
using System.Runtime.Versioning;
using System.Text.Json;
using Diskominfo.Newsroom.Users.Services;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Diskominfo.Newsroom.FunctionalTests;

/// <summary>
/// Data Protection keys and the API signing key live outside the data folder, encrypted with the keys folder's
/// certificate, readable by their owner only; Production refuses to start otherwise.
/// </summary>
[UnsupportedOSPlatform("windows")]
public sealed class KeyStoreTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task Development_NoKeySettings_KeysOutsideTheDataFolderEncryptedAndOwnerOnly()
    {
        await using var database = await TestDatabase.SqliteAsync();
        await using var app = await NewsroomApp.StartAsync(database, runJobs: false, ownKeyRing: true);
        using var api = await app.LoginAsync("kasi");
        using var desk = await app.SignInAsync("kasi");
        var keys = app.DataDir + "-keys";

        Assert.False(Directory.Exists(Path.Combine(app.DataDir, "keys")));
        Assert.Empty(Directory.EnumerateFiles(app.DataDir, "*.key", SearchOption.AllDirectories));
        Assert.Equal("700", Mode(keys));
        Assert.Equal("700", Mode(Path.Combine(keys, "data-protection")));
        var files = Directory.EnumerateFiles(keys, "*", SearchOption.AllDirectories).ToList();
        Assert.Contains(Path.Combine(keys, "key-ring.pfx"), files);
        Assert.Contains(Path.Combine(keys, "api-signing.key"), files);
        Assert.Contains(Path.Combine(keys, "history-chain.key"), files);
        Assert.All(files, f => Assert.Equal("600", Mode(f)));

        // The key ring's secrets are encrypted (no bare <value>), and so is the signing key.
        var ring = Directory.GetFiles(Path.Combine(keys, "data-protection"), "*.xml");
        Assert.NotEmpty(ring);
        Assert.All(ring, f =>
        {
            var xml = File.ReadAllText(f);
            Assert.Contains("encryptedKey", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<value>", xml, StringComparison.Ordinal);
        });
        var signingKey = app.Services.GetRequiredService<IOptions<ApiTokenOptions>>().Value.KeyBytes;
        Assert.Equal(64, signingKey.Length);
        Assert.DoesNotContain(Convert.ToBase64String(signingKey), await File.ReadAllTextAsync(Path.Combine(keys, "api-signing.key")), StringComparison.Ordinal);

        // And they keep working across a restart on the same folders: the token and the cookie still hold.
        await app.DisposeAsync();
        await using var again = await NewsroomApp.StartAsync(database, runJobs: false, dataDir: app.DataDir);
        using var sameToken = again.CreateClient();
        sameToken.DefaultRequestHeaders.Authorization = api.DefaultRequestHeaders.Authorization;
        Assert.Equal(HttpStatusCode.OK, (await sameToken.GetAsync("/api/v1/auth/me")).StatusCode);
    }

    [Fact]
    public async Task LegacyKeysInTheDataFolder_AreMovedOutEncryptedAndKeepWorking()
    {
        var dataDir = Directory.CreateTempSubdirectory("newsroom-legacy-keys-").FullName;
        var legacyRing = Path.Combine(dataDir, "keys", "data-protection");
        var legacyProtector = DataProtectionProvider.Create(new DirectoryInfo(legacyRing), b => b.SetApplicationName("Diskominfo.Newsroom"))
            .CreateProtector("Diskominfo.Newsroom.Tests.Legacy");
        var protectedToken = legacyProtector.Protect("EAAG-token-lama");
        var legacySigningKey = new byte[64];
        Random.Shared.NextBytes(legacySigningKey);
        await File.WriteAllTextAsync(Path.Combine(dataDir, "keys", "api-signing.key"), Convert.ToBase64String(legacySigningKey));
        var legacyFile = Path.GetFileName(Directory.GetFiles(legacyRing).Single());
        Assert.Contains("<value>", await File.ReadAllTextAsync(Path.Combine(legacyRing, legacyFile)), StringComparison.Ordinal);

        await using var database = await TestDatabase.SqliteAsync();
        await using var app = await NewsroomApp.StartAsync(database, runJobs: false, dataDir: dataDir);

        // Moved out of the data folder and encrypted on the way.
        Assert.False(Directory.Exists(Path.Combine(dataDir, "keys")));
        var moved = Path.Combine(dataDir + "-keys", "data-protection", legacyFile);
        var xml = await File.ReadAllTextAsync(moved);
        Assert.Contains("encryptedKey", xml, StringComparison.Ordinal);
        Assert.DoesNotContain("<value>", xml, StringComparison.Ordinal);
        Assert.Equal("600", Mode(moved));

        // What the old keys protected still opens, and tokens are still signed with the old signing key.
        var protector = app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("Diskominfo.Newsroom.Tests.Legacy");
        Assert.Equal("EAAG-token-lama", protector.Unprotect(protectedToken));
        var login = await app.CreateClient().PostAsJsonAsync("/api/v1/auth/login", new { userName = "kasi", password = NewsroomApp.Password });
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        var validation = await new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            IssuerSigningKey = new SymmetricSecurityKey(legacySigningKey),
            ValidateIssuer = false,
            ValidateAudience = false,
            ValidateLifetime = false,
        });
        Assert.True(validation.IsValid, validation.Exception?.Message);
    }

    [Fact]
    public async Task Production_KeysInsideTheDataFolderOrReadableByOthers_RefusesToStart()
    {
        var dataDir = Directory.CreateTempSubdirectory("newsroom-prod-keys-").FullName;
        var keys = dataDir + "-keys";
        try
        {
            var port = Harness.SiteProcess.FreePort();
            var address = new Uri($"http://127.0.0.1:{port}");

            var inside = Production(port);
            inside["Newsroom__Keys__Directory"] = Path.Combine(dataDir, "keys");
            await using (var refused = SiteRun.Start(dataDir, inside))
            {
                Assert.Equal(1, await refused.ExitCodeAsync(Timeout));
                Assert.Contains("berada di dalam folder data", refused.Output, StringComparison.Ordinal);
            }

            Assert.False(Directory.Exists(Path.Combine(dataDir, "keys", "data-protection")));
            await using (var first = SiteRun.Start(dataDir, Production(port)))
            {
                await first.WaitReadyAsync(address, Timeout);
            }

            var signingKey = Path.Combine(keys, "api-signing.key");
            File.SetUnixFileMode(signingKey, File.GetUnixFileMode(signingKey) | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
            await using (var readable = SiteRun.Start(dataDir, Production(port)))
            {
                Assert.Equal(1, await readable.ExitCodeAsync(Timeout));
                Assert.Contains("dapat dibaca selain oleh pemiliknya", readable.Output, StringComparison.Ordinal);
                Assert.Contains("api-signing.key (0644", readable.Output, StringComparison.Ordinal);
            }

            File.SetUnixFileMode(signingKey, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            File.SetUnixFileMode(keys, File.GetUnixFileMode(keys) | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
            await using (var openFolder = SiteRun.Start(dataDir, Production(port)))
            {
                Assert.Equal(1, await openFolder.ExitCodeAsync(Timeout));
                Assert.Contains("harus 0700", openFolder.Output, StringComparison.Ordinal);
            }

            File.SetUnixFileMode(keys, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            await using var fixedUp = SiteRun.Start(dataDir, Production(port));
            await fixedUp.WaitReadyAsync(address, Timeout);
        }
        finally
        {
            foreach (var folder in new[] { dataDir, keys }.Where(Directory.Exists))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private static Dictionary<string, string> Production(int port) => new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
    };

    private static string Mode(string path) => Convert.ToString((int)File.GetUnixFileMode(path) & 0x1FF, 8);
}
