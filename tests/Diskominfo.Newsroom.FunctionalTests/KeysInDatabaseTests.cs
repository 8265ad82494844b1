using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Runtime.Versioning;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using System.Text.RegularExpressions;
using Diskominfo.Newsroom.Infrastructure.Keys;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Diskominfo.Newsroom.FunctionalTests;

/// <summary>
/// With <c>Newsroom:Keys:Store</c> = <c>Database</c> two nodes on one PostgreSQL database share the Data Protection key
/// ring and the API signing key: a sign-in cookie and an API token made by one are accepted by the other. The rows
/// hold nothing readable without the certificate, and without a configured certificate the site refuses to start.
/// </summary>
[UnsupportedOSPlatform("windows")]
public sealed partial class KeysInDatabaseTests
{
    private const string CertificatePassword = "sertifikat-uji";

    [Fact]
    public async Task StoreDatabase_TwoNodesSameCertificate_CookieAndTokenFromOneWorkOnTheOther_RowsHoldNoPlainKey()
    {
        var certificate = WriteCertificate();
        try
        {
            await using var database = await TestDatabase.PostgresAsync();
            var settings = Settings(certificate);
            await using var first = await NewsroomApp.StartAsync(database, runJobs: false, extraSettings: settings);
            await using var second = await NewsroomApp.StartAsync(database, runJobs: false, extraSettings: settings);

            // A desk sign-in on node 1 (its cookies carried by hand) opens the desk on node 2.
            using var one = first.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
            var cookies = await SignInAsync(one, "admin");
            using var two = second.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
            using (var request = new HttpRequestMessage(HttpMethod.Get, "/admin/pengaturan/situs"))
            {
                request.Headers.Add("Cookie", cookies);
                using var desk = await two.SendAsync(request);
                Assert.Equal(HttpStatusCode.OK, desk.StatusCode);
            }

            using (var anonymous = await two.GetAsync("/admin/pengaturan/situs"))
            {
                Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode); // the desk is closed without the cookie
            }

            // An API token issued by node 1 is accepted by node 2.
            using var login = await one.PostAsJsonAsync("/api/v1/auth/login", new { userName = "reporter", password = NewsroomApp.Password });
            login.EnsureSuccessStatusCode();
            var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
            using (var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/auth/me"))
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                using var me = await two.SendAsync(request);
                Assert.Equal(HttpStatusCode.OK, me.StatusCode);
                Assert.Equal("reporter", (await me.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("userName").GetString());
            }

            // Both nodes hold the same keys; the rows hold none of them in the clear.
            var signing = first.Services.GetRequiredService<ISecretKeys>().Get(SecretKeyNames.ApiSigning).Bytes;
            Assert.Equal(signing, second.Services.GetRequiredService<ISecretKeys>().Get(SecretKeyNames.ApiSigning).Bytes);
            var secrets = await RowsAsync(database, "SELECT \"Sealed\" FROM keys_secret");
            Assert.Equal(SecretKeyNames.All.Count, secrets.Count);
            Assert.All(secrets, s =>
            {
                Assert.DoesNotContain(Convert.ToBase64String(signing), s, StringComparison.Ordinal);
                Assert.DoesNotContain(Convert.ToHexString(signing), s, StringComparison.OrdinalIgnoreCase);
                Assert.Contains(certificate.Thumbprint, s, StringComparison.OrdinalIgnoreCase);
            });
            var ring = await RowsAsync(database, "SELECT \"Xml\" FROM keys_data_protection");
            Assert.Single(ring); // made once, under the initialization lock, not once per node
            Assert.All(ring, xml =>
            {
                Assert.Contains("urn:diskominfo-newsroom:key-ring:v1", xml, StringComparison.Ordinal);
                Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
                Assert.DoesNotContain("<value>", xml, StringComparison.Ordinal);
            });

            // Nothing was written to either node's keys folder.
            Assert.False(Directory.Exists(Path.Combine(first.DataDir.TrimEnd('/') + "-keys", "data-protection")));
            Assert.False(File.Exists(Path.Combine(second.DataDir.TrimEnd('/') + "-keys", SecretKeyNames.ApiSigning + ".key")));
        }
        finally
        {
            File.Delete(certificate.Path);
        }
    }

    [Fact]
    public async Task StoreDatabase_WithoutCertificate_RefusesToStartInIndonesian()
    {
        var dataDir = Directory.CreateTempSubdirectory("newsroom-db-keys-").FullName;
        try
        {
            var environment = new Dictionary<string, string>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{Harness.SiteProcess.FreePort()}",
                ["Newsroom__Keys__Store"] = "Database",
            };
            await using var refused = SiteRun.Start(dataDir, environment);
            Assert.Equal(1, await refused.ExitCodeAsync(TimeSpan.FromSeconds(120)));
            Assert.Contains("Newsroom:Keys:Store = Database", refused.Output, StringComparison.Ordinal);
            Assert.Contains("memerlukan sertifikat kunci yang sama di setiap node", refused.Output, StringComparison.Ordinal);
            Assert.False(File.Exists(Path.Combine(dataDir, "newsroom.db")), "the refusal came after the database was touched");
        }
        finally
        {
            Directory.Delete(dataDir, recursive: true);
            if (Directory.Exists(dataDir + "-keys"))
            {
                Directory.Delete(dataDir + "-keys", recursive: true);
            }
        }
    }

    private static Dictionary<string, string?> Settings((string Path, string Thumbprint) certificate) => new()
    {
        ["Newsroom:Keys:Store"] = "Database",
        ["Newsroom:Keys:Certificate"] = certificate.Path,
        ["Newsroom:Keys:CertificatePassword"] = CertificatePassword,
    };

    /// <summary>A PKCS#12 file with an RSA certificate, mode 0600, outside any data folder: what an operator copies to every node.</summary>
    private static (string Path, string Thumbprint) WriteCertificate()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=Newsroom uji beberapa node", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var path = Path.Combine(Path.GetTempPath(), $"newsroom-nodes-{Guid.NewGuid():N}.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pkcs12, CertificatePassword));
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return (path, certificate.Thumbprint);
    }

    /// <summary>Signs in through the desk's form with explicit cookies; the cookies a browser would then send.</summary>
    private static async Task<string> SignInAsync(HttpClient client, string userName)
    {
        var jar = new Dictionary<string, string>(StringComparer.Ordinal);
        using var form = await client.GetAsync("/masuk");
        Keep(form, jar);
        var token = AntiforgeryToken().Match(await form.Content.ReadAsStringAsync()).Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(token));
        using var post = new HttpRequestMessage(HttpMethod.Post, "/masuk")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["UserName"] = userName,
                ["Password"] = NewsroomApp.Password,
                ["__RequestVerificationToken"] = token,
            }),
        };
        post.Headers.Add("Cookie", string.Join("; ", jar.Select(c => $"{c.Key}={c.Value}")));
        using var signedIn = await client.SendAsync(post);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Keep(signedIn, jar);
        return string.Join("; ", jar.Select(c => $"{c.Key}={c.Value}"));
    }

    private static void Keep(HttpResponseMessage response, Dictionary<string, string> jar)
    {
        foreach (var header in response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [])
        {
            var pair = header.Split(';', 2)[0];
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            jar[pair[..equals]] = pair[(equals + 1)..];
        }
    }

    private static async Task<List<string>> RowsAsync(TestDatabase database, string sql)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
