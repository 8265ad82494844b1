using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Infrastructure.Http;
using Diskominfo.Newsroom.Users.Models;
using Diskominfo.Newsroom.Users.Services;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Diskominfo.Newsroom.FunctionalTests;

/// <summary>
/// Forged, altered, expired and stale bearer tokens: each gets 401 on reads and writes, and nothing is done with it;
/// tampered or forged desk cookies are no session (the desk sends them to sign in, the API answers 401).
/// The control (a token made the same way with the site's own key and valid claims) is accepted, so each refusal is
/// owed to the one thing changed.
/// </summary>
public sealed class TokenForgeryTests
{
    private static readonly string[] AdminRole = ["admin"];

    [Fact]
    public async Task ForgedOrStaleTokens_ReadOrWrite_401AndNothingDone()
    {
        await using var database = await TestDatabase.SqliteAsync();
        await using var app = await NewsroomApp.StartAsync(database, runJobs: false);
        using var admin = await app.LoginAsync("admin");
        var itemsBefore = await CountItemsAsync(admin);
        var key = app.Services.GetRequiredService<IOptions<ApiTokenOptions>>().Value.KeyBytes;
        var (reporterId, reporterStamp) = await AccountAsync(app, "reporter");
        var (adminId, adminStamp) = await AccountAsync(app, "admin");
        var now = DateTime.UtcNow;

        // The control: made like the site makes them, with its key; accepted.
        var valid = Sign(key, Claims(reporterId, "reporter", reporterStamp, NewsroomRoles.Reporter), now);
        Assert.Equal(HttpStatusCode.OK, (await WithToken(app, valid).GetAsync("/api/v1/auth/me")).StatusCode);

        // A reporter's own token, to alter.
        using var reporter = await app.LoginAsync("reporter");
        var genuine = reporter.DefaultRequestHeaders.Authorization!.Parameter!;
        var parts = genuine.Split('.');
        var payload = JsonNode.Parse(WebEncoders.Base64UrlDecode(parts[1]))!.AsObject();
        payload["role"] = new JsonArray("admin", "kadis");
        payload["sub"] = adminId;
        var promoted = $"{parts[0]}.{Encode(payload.ToJsonString())}.{parts[2]}";

        var adminClaims = Claims(adminId, "admin", adminStamp, NewsroomRoles.Admin);
        var forged = new Dictionary<string, string>
        {
            ["alg none"] = $"{Encode("""{"alg":"none","typ":"JWT"}""")}.{Encode(Payload(adminClaims, now))}.",
            ["alg none, genuine signature kept"] = $"{Encode("""{"alg":"none","typ":"JWT"}""")}.{parts[1]}.{parts[2]}",
            ["wrong key"] = Sign(System.Security.Cryptography.RandomNumberGenerator.GetBytes(64), adminClaims, now),
            ["HS512 with the site's key"] = Sign(key, adminClaims, now, SecurityAlgorithms.HmacSha512),
            ["payload edited to admin"] = promoted,
            ["signature removed"] = $"{parts[0]}.{parts[1]}.",
            ["expired"] = Sign(key, adminClaims, now.AddHours(-3), lifetime: TimeSpan.FromHours(1)),
            ["not yet valid"] = Sign(key, adminClaims, now.AddHours(2)),
            ["another audience"] = Sign(key, adminClaims, now, audience: "aplikasi-lain"),
            ["another issuer"] = Sign(key, adminClaims, now, issuer: "penerbit-lain"),
            ["no expiry"] = Sign(key, adminClaims, now, expires: false),
            ["no security stamp"] = Sign(key, Claims(adminId, "admin", null, NewsroomRoles.Admin), now),
            ["unknown account"] = Sign(key, Claims(Guid.NewGuid().ToString(), "hantu", adminStamp, NewsroomRoles.Admin), now),
            ["malformed base64"] = "eyJhbGciOiJIUzI1NiJ9.@@@###.$$$",
            ["not a token"] = "bukan-token",
            ["two parts"] = $"{parts[0]}.{parts[1]}",
            ["huge header"] = $"{Encode("{\"alg\":\"HS256\",\"kid\":\"" + new string('A', 300_000) + "\"}")}.{parts[1]}.{parts[2]}",
            ["big header"] = $"{Encode("{\"alg\":\"HS256\",\"kid\":\"" + new string('A', 30_000) + "\"}")}.{parts[1]}.{parts[2]}",
        };

        // A stale security stamp: the admin signs out everywhere, and his earlier token ends with it.
        using var stale = await app.LoginAsync("admin");
        var staleToken = stale.DefaultRequestHeaders.Authorization!.Parameter!;
        var oldStamp = Sign(key, adminClaims, now);
        Assert.Equal(HttpStatusCode.OK, (await WithToken(app, staleToken).GetAsync("/api/v1/auth/me")).StatusCode);
        Assert.True((await admin.PostAsync("/api/v1/auth/sign-out-everywhere", null)).IsSuccessStatusCode);
        forged["stale security stamp"] = staleToken;
        forged["forged with the old stamp"] = oldStamp;

        foreach (var (name, token) in forged)
        {
            using var client = WithToken(app, token);
            var me = await client.GetAsync("/api/v1/auth/me");
            Assert.True(me.StatusCode == HttpStatusCode.Unauthorized, $"{name}: GET /api/v1/auth/me gave {(int)me.StatusCode}");
            var create = await client.PostAsJsonAsync("/api/v1/users", new
            {
                userName = "penyusup", fullName = "Penyusup", email = "penyusup@example.com", roles = AdminRole,
            });
            Assert.True(create.StatusCode == HttpStatusCode.Unauthorized, $"{name}: POST /api/v1/users gave {(int)create.StatusCode}");
            var item = await client.PostAsJsonAsync("/api/v1/items", new { type = "press-release", title = "Berita palsu", lead = "x", body = "x", category = "pemerintahan" });
            Assert.True(item.StatusCode == HttpStatusCode.Unauthorized, $"{name}: POST /api/v1/items gave {(int)item.StatusCode}");
        }

        // Nothing was done: no account, no item.
        using var fresh = await app.LoginAsync("admin");
        var users = await fresh.GetFromJsonAsync<JsonElement>("/api/v1/users?q=penyusup");
        Assert.DoesNotContain("penyusup", users.ToString(), StringComparison.Ordinal);
        Assert.Equal(itemsBefore, await CountItemsAsync(fresh));
    }

    [Fact]
    public async Task TamperedOrForgedDeskCookies_DeskPageFormOrApi_SignInOr401AndNothingDone()
    {
        await using var database = await TestDatabase.SqliteAsync();
        await using var app = await NewsroomApp.StartAsync(database, runJobs: false);
        using var adminApi = await app.LoginAsync("admin");
        // Over plain HTTP (the test server) the site's cookies come without their __Host- prefix.
        var cookieName = app.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme).Cookie.Name!
            .Replace(NewsroomCookies.HostPrefix, string.Empty, StringComparison.Ordinal);
        using var browser = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

        // A genuine desk sign-in, its cookies kept by hand.
        var jar = new Dictionary<string, string>(StringComparer.Ordinal);
        var signInPage = await SendAsync(browser, HttpMethod.Get, "/masuk", jar);
        var signInToken = FormToken(await signInPage.Content.ReadAsStringAsync());
        var signedIn = await SendAsync(browser, HttpMethod.Post, "/masuk", jar, new()
        {
            ["UserName"] = "admin", ["Password"] = NewsroomApp.Password, ["__RequestVerificationToken"] = signInToken,
        });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var genuine = Assert.Single(jar, c => c.Key == cookieName).Value;
        Assert.False(genuine.StartsWith("chunks-", StringComparison.Ordinal), "the desk cookie is chunked; tamper with its chunks");

        // The control: the genuine cookie opens the desk, and its page's form token is what a forgery would reuse.
        var account = await SendAsync(browser, HttpMethod.Get, "/akun", jar);
        Assert.Equal(HttpStatusCode.OK, account.StatusCode);
        var formToken = FormToken(await account.Content.ReadAsStringAsync());
        var auditBefore = await AuditTotalAsync(adminApi);

        var scheme = IdentityConstants.ApplicationScheme;
        var ticket = new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, Guid.NewGuid().ToString()), new Claim(ClaimTypes.Name, "admin"), new Claim(ClaimTypes.Role, NewsroomRoles.Admin)], scheme)), scheme);
        string[] cookiePurpose = ["Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationMiddleware", scheme, "v2"];
        var foreignRing = DataProtectionProvider.Create("Diskominfo.Newsroom");
        var siteRing = app.Services.GetRequiredService<IDataProtectionProvider>();
        var middle = genuine.Length / 2;
        var tampered = new Dictionary<string, string>
        {
            ["one character changed"] = genuine[..middle] + (genuine[middle] == 'A' ? 'B' : 'A') + genuine[(middle + 1)..],
            ["truncated"] = genuine[..(genuine.Length - 10)],
            ["extended"] = genuine + "AAAA",
            ["empty"] = string.Empty,
            ["not base64"] = "%%%bukan-cookie%%%",
            ["forged with another key ring"] = new TicketDataFormat(foreignRing.CreateProtector(cookiePurpose[0], cookiePurpose[1..])).Protect(ticket),
            ["the site's key ring, another purpose"] = new TicketDataFormat(siteRing.CreateProtector("Diskominfo.Newsroom.Tests.AnotherPurpose")).Protect(ticket),
            ["the antiforgery cookie's value"] = jar.Single(c => c.Key == NewsroomCookies.Antiforgery.Replace(NewsroomCookies.HostPrefix, string.Empty, StringComparison.Ordinal)).Value,
        };

        foreach (var (name, value) in tampered)
        {
            var forged = new Dictionary<string, string>(jar, StringComparer.Ordinal) { [cookieName] = value };
            var page = await SendAsync(browser, HttpMethod.Get, "/akun", forged);
            Assert.True(ToSignIn(page), $"{name}: GET /akun gave {(int)page.StatusCode} {page.Headers.Location}");
            var form = await SendAsync(browser, HttpMethod.Post, "/akun?handler=SignOutEverywhere", forged, new() { ["__RequestVerificationToken"] = formToken });
            Assert.True(ToSignIn(form), $"{name}: POST /akun?handler=SignOutEverywhere gave {(int)form.StatusCode} {form.Headers.Location}");
            var api = await SendAsync(browser, HttpMethod.Get, "/api/v1/auth/me", forged);
            Assert.True(api.StatusCode == HttpStatusCode.Unauthorized, $"{name}: GET /api/v1/auth/me gave {(int)api.StatusCode}");
        }

        // Nothing was done: no sign-out everywhere was recorded, and the genuine session still opens the desk.
        Assert.Equal(auditBefore, await AuditTotalAsync(adminApi));
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(browser, HttpMethod.Get, "/akun", jar)).StatusCode);
    }

    /// <summary>The desk's answer to no session: 302 to the sign-in page.</summary>
    private static bool ToSignIn(HttpResponseMessage response)
        => response.StatusCode == HttpStatusCode.Redirect
           && new Uri(new Uri("http://localhost"), response.Headers.Location!).AbsolutePath == "/masuk";

    private static async Task<int> AuditTotalAsync(HttpClient admin)
        => (await admin.GetFromJsonAsync<JsonElement>("/api/v1/audit?pageSize=1")).GetProperty("total").GetInt32();

    private static string FormToken(string page)
    {
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(token));
        return token;
    }

    /// <summary>Sends with the cookies of <paramref name="jar"/> and keeps what the answer sets (a browser without its own cookie store).</summary>
    private static async Task<HttpResponseMessage> SendAsync(
        HttpClient client, HttpMethod method, string path, Dictionary<string, string> jar, Dictionary<string, string>? form = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (form is not null)
        {
            request.Content = new FormUrlEncodedContent(form);
        }

        if (jar.Count > 0)
        {
            request.Headers.Add("Cookie", string.Join("; ", jar.Select(c => $"{c.Key}={c.Value}")));
        }

        var response = await client.SendAsync(request);
        foreach (var header in response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [])
        {
            var pair = header.Split(';')[0];
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            jar[pair[..equals]] = pair[(equals + 1)..];
        }

        return response;
    }

    private static async Task<int> CountItemsAsync(HttpClient client)
        => (await client.GetFromJsonAsync<JsonElement>("/api/v1/items")).GetArrayLength();

    private static async Task<(string Id, string Stamp)> AccountAsync(NewsroomApp app, string userName)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var user = (await scope.ServiceProvider.GetRequiredService<UserManager<NewsroomUser>>().FindByNameAsync(userName))!;
        return (user.Id, AccountClaims.StampDigest(user.SecurityStamp));
    }

    private static List<Claim> Claims(string id, string userName, string? stamp, string role)
    {
        var claims = new List<Claim>
        {
            new("sub", id), new(ClaimTypes.NameIdentifier, id), new("unique_name", userName), new(ClaimTypes.Name, userName),
            new(NewsroomClaims.DisplayName, userName), new("role", role),
        };
        if (stamp is not null)
        {
            claims.Add(new(AccountClaims.Stamp, stamp));
        }

        return claims;
    }

    private static string Sign(
        byte[] key, List<Claim> claims, DateTime issued, string algorithm = SecurityAlgorithms.HmacSha256, string audience = ApiTokenOptions.Issuer,
        string issuer = ApiTokenOptions.Issuer, TimeSpan? lifetime = null, bool expires = true)
    {
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = issued,
            NotBefore = issued,
            Expires = expires ? issued + (lifetime ?? TimeSpan.FromHours(1)) : null,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(key), algorithm),
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    private static string Payload(List<Claim> claims, DateTime now)
    {
        var json = new JsonObject
        {
            ["iss"] = ApiTokenOptions.Issuer,
            ["aud"] = ApiTokenOptions.Issuer,
            ["nbf"] = new DateTimeOffset(now).ToUnixTimeSeconds(),
            ["exp"] = new DateTimeOffset(now.AddHours(1)).ToUnixTimeSeconds(),
        };
        foreach (var claim in claims)
        {
            json[claim.Type] = claim.Value;
        }

        return json.ToJsonString();
    }

    private static string Encode(string json) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(json));

    private static HttpClient WithToken(NewsroomApp app, string token)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
