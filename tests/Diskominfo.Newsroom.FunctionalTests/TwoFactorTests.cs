using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Diskominfo.Newsroom.Abstractions.Audit;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Diskominfo.Newsroom.FunctionalTests;

/// <summary>Two-factor sign-in with an authenticator app: enrolment, the second step on the form and the API, recovery codes, the role gate.</summary>
public sealed partial class TwoFactorTests
{
    [Fact]
    public async Task TwoFactor_EnrolledOnDesk_FormAndApiAskForTheCode()
    {
        await using var database = await TestDatabase.SqliteAsync();
        await EnrolAndSignInAsync(database);
    }

    [Fact]
    public async Task TwoFactor_EnrolledOnDesk_FormAndApiAskForTheCode_OnPostgres()
    {
        await using var database = await TestDatabase.PostgresAsync();
        await EnrolAndSignInAsync(database);
    }

    private static async Task EnrolAndSignInAsync(TestDatabase database)
    {
        var audit = new AuditRecorder();
        await using var app = await NewsroomApp.StartAsync(database, runJobs: false, services: audit.Register);

        // The reporter's role does not require it; the reporter turns it on anyway.
        using (var desk = await app.SignInAsync("reporter"))
        {
            var page = await desk.Http.GetStringAsync("/akun/2fa");
            Assert.Contains("<img src=\"data:image/png;base64,", page, StringComparison.Ordinal);
            var key = SharedKey(page);
            Assert.Matches("^[A-Z2-7]{16,}$", key);
            var grouped = GroupedKeyRegex().Match(page).Groups[1].Value;
            Assert.Equal(key.ToLowerInvariant(), grouped.Replace(" ", "", StringComparison.Ordinal));

            var wrong = await desk.PostFormAsync("/akun/2fa", new() { ["Code"] = Totp.WrongCode(key) }, "/akun/2fa?handler=enable");
            Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
            Assert.Contains("Kode dari aplikasi autentikator salah", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);

            var enabled = await desk.PostFormAsync("/akun/2fa", new() { ["Code"] = Totp.Unused(key) }, "/akun/2fa?handler=enable");
            Assert.Equal(HttpStatusCode.OK, enabled.StatusCode);
            var codes = RecoveryCodes(await enabled.Content.ReadAsStringAsync());
            Assert.Equal(10, codes.Count);
            Assert.Equal(10, codes.Distinct().Count());
            Assert.Empty(RecoveryCodes(await desk.Http.GetStringAsync("/akun/2fa"))); // shown once
            Assert.Single(audit.Of(AuditActions.TwoFactorEnabled));

            // The form: password, then the code.
            using var browser = new DeskClient(app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }));
            var first = await browser.PostFormAsync("/masuk", new() { ["UserName"] = "reporter", ["Password"] = NewsroomApp.Password });
            Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
            Assert.Equal("/masuk/2fa", first.Headers.Location?.OriginalString);
            Assert.Equal(HttpStatusCode.Redirect, (await browser.Http.GetAsync("/admin")).StatusCode); // not signed in yet
            var badCode = await browser.PostFormAsync("/masuk/2fa", new() { ["Code"] = Totp.WrongCode(key) });
            Assert.Equal(HttpStatusCode.Unauthorized, badCode.StatusCode);
            Assert.Contains("Kode verifikasi salah", await badCode.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            var second = await browser.PostFormAsync("/masuk/2fa", new() { ["Code"] = Totp.Unused(key) });
            Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
            Assert.Equal("/admin", second.Headers.Location?.OriginalString);
            Assert.Equal(HttpStatusCode.OK, (await browser.Http.GetAsync("/admin")).StatusCode);

            // The API: 401 with twoFactorRequired until the code comes with the password.
            using var api = app.CreateClient();
            var noCode = await LoginAsync(api, "reporter");
            Assert.Equal(HttpStatusCode.Unauthorized, noCode.StatusCode);
            var problem = await noCode.Content.ReadFromJsonAsync<JsonElement>();
            Assert.True(problem.GetProperty("twoFactorRequired").GetBoolean());
            Assert.Contains("verifikasi dua langkah", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
            var wrongCode = await LoginAsync(api, "reporter", code: Totp.WrongCode(key));
            Assert.Equal(HttpStatusCode.Unauthorized, wrongCode.StatusCode);
            Assert.True((await wrongCode.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("twoFactorRequired").GetBoolean());
            var code = Totp.Unused(key);
            var withCode = await LoginAsync(api, "reporter", code: code);
            Assert.Equal(HttpStatusCode.OK, withCode.StatusCode);
            await AssertTokenWorksAsync(app, withCode);

            // A code from the app is taken once: seen on the way, it does not open a second session.
            var replayed = await LoginAsync(api, "reporter", code: code);
            Assert.Equal(HttpStatusCode.Unauthorized, replayed.StatusCode);
            Assert.True((await replayed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("twoFactorRequired").GetBoolean());

            // A recovery code works once, typed with or without its dash.
            Assert.Equal(HttpStatusCode.OK, (await LoginAsync(api, "reporter", code: codes[0])).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await LoginAsync(api, "reporter", code: codes[0])).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await LoginAsync(api, "reporter", code: codes[1].Replace("-", "", StringComparison.Ordinal).ToLowerInvariant())).StatusCode);
            var signedIn = audit.Of(AuditActions.SignedIn).Where(e => e.ActorName == "Rina Peliput").ToList();
            Assert.Contains(signedIn, e => e.After!["method"] == "totp" && e.After["channel"] == "form");
            Assert.Contains(signedIn, e => e.After!["method"] == "recovery_code" && e.After["channel"] == "api");

            // New recovery codes: the old ones stop working.
            var renewed = await desk.PostFormAsync("/akun/2fa", [], "/akun/2fa?handler=RecoveryCodes");
            Assert.Equal(HttpStatusCode.OK, renewed.StatusCode);
            var newCodes = RecoveryCodes(await renewed.Content.ReadAsStringAsync());
            Assert.Equal(10, newCodes.Count);
            Assert.Equal(HttpStatusCode.Unauthorized, (await LoginAsync(api, "reporter", code: codes[2])).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await LoginAsync(api, "reporter", code: newCodes[0])).StatusCode);
            Assert.Single(audit.Of(AuditActions.RecoveryCodesRenewed));

            // Off again, with a current code; then the password alone is enough.
            var offWrong = await desk.PostFormAsync("/akun/2fa", new() { ["Code"] = Totp.WrongCode(key) }, "/akun/2fa?handler=disable");
            Assert.Equal(HttpStatusCode.BadRequest, offWrong.StatusCode);
            var off = await desk.PostFormAsync("/akun/2fa", new() { ["Code"] = Totp.Unused(key) }, "/akun/2fa?handler=disable");
            Assert.Equal(HttpStatusCode.OK, off.StatusCode);
            Assert.Contains("Verifikasi dua langkah dinonaktifkan.", await off.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.OK, (await LoginAsync(api, "reporter")).StatusCode);
            Assert.Single(audit.Of(AuditActions.TwoFactorDisabled));
        }
    }

    [Fact]
    public async Task RequiredRole_WithoutTwoFactor_IsSentToEnrolAndTheApiAnswers403()
    {
        await using var database = await TestDatabase.SqliteAsync();
        await using var app = await NewsroomApp.StartAsync(database, runJobs: false);
        await NotDemoAsync(database, app, "kadis");

        using var desk = await app.SignInAsync("kadis");
        foreach (var path in new[] { "/admin", "/admin/naskah/baru", "/admin/kotak-masuk" })
        {
            var gated = await desk.Http.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, gated.StatusCode);
            Assert.Equal("/akun/2fa", gated.Headers.Location?.OriginalString);
        }

        var enrolPage = await desk.Http.GetStringAsync("/akun/2fa");
        Assert.Contains("Peran Anda wajib memakai verifikasi dua langkah", enrolPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await desk.Http.GetAsync("/")).StatusCode); // the public site is not the desk

        // The API: the token is given, but everything except enrolment answers 403 until enrolled.
        using var api = await app.LoginAsync("kadis");
        var refused = await api.GetAsync("/api/v1/desk");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("twoFactorSetupRequired").GetBoolean());
        Assert.Contains("wajib", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);

        var status = await api.GetFromJsonAsync<JsonElement>("/api/v1/auth/2fa");
        Assert.False(status.GetProperty("enabled").GetBoolean());
        Assert.True(status.GetProperty("required").GetBoolean());
        var key = status.GetProperty("sharedKey").GetString()!;
        Assert.StartsWith("otpauth://totp/Newsroom%20Diskominfo:kadis?secret=" + key, status.GetProperty("authenticatorUri").GetString(), StringComparison.Ordinal);
        Assert.Contains("issuer=Newsroom%20Diskominfo", status.GetProperty("authenticatorUri").GetString(), StringComparison.Ordinal);
        var enable = await api.PostAsJsonAsync("/api/v1/auth/2fa/enable", new { code = Totp.Unused(key) });
        Assert.Equal(HttpStatusCode.OK, enable.StatusCode);
        Assert.Equal(10, (await enable.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("recoveryCodes").GetArrayLength());

        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/desk")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await desk.Http.GetAsync("/admin")).StatusCode);

        // The role requires it: it cannot be turned off, on the desk or through the API.
        var page = await desk.Http.GetStringAsync("/akun/2fa");
        Assert.Contains("tidak dapat dinonaktifkan", page, StringComparison.Ordinal);
        Assert.DoesNotContain("handler=disable", page, StringComparison.Ordinal);
        var off = await api.PostAsJsonAsync("/api/v1/auth/2fa/disable", new { code = Totp.Unused(key) });
        Assert.Equal(HttpStatusCode.Forbidden, off.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await LoginAsync(app.CreateClient(), "kadis")).StatusCode);
    }

    [Fact]
    public async Task DemoAccounts_InRequiredRoles_SignInWithPasswordAlone()
    {
        await using var database = await TestDatabase.SqliteAsync();
        await using var app = await NewsroomApp.StartAsync(database, runJobs: false);

        foreach (var user in new[] { "kadis", "admin" })
        {
            using var desk = await app.SignInAsync(user);
            Assert.Equal(HttpStatusCode.OK, (await desk.Http.GetAsync("/admin")).StatusCode);
            Assert.DoesNotContain("wajib memakai", await desk.Http.GetStringAsync("/akun/2fa"), StringComparison.Ordinal);
            using var api = await app.LoginAsync(user);
            Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/desk")).StatusCode);

            // The page in English too.
            await desk.Http.GetAsync("/bahasa?c=en&r=%2Fakun%2F2fa");
            var english = await desk.Http.GetStringAsync("/akun/2fa");
            Assert.Contains("<h1>Two-step verification</h1>", english, StringComparison.Ordinal);
            Assert.Contains("Install an authenticator app on your phone", english, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task TwoFactorRoles_Setting_ChoosesWhoMustEnrol()
    {
        await using var database = await TestDatabase.SqliteAsync();
        await using var app = await NewsroomApp.StartAsync(database, runJobs: false, extraSettings: new Dictionary<string, string?>
        {
            ["Newsroom:Auth:TwoFactorRoles"] = "kasi",
        });
        await NotDemoAsync(database, app, "kasi");
        await NotDemoAsync(database, app, "kadis");

        using var kasi = await app.LoginAsync("kasi");
        Assert.Equal(HttpStatusCode.Forbidden, (await kasi.GetAsync("/api/v1/desk")).StatusCode);
        using var kadis = await app.LoginAsync("kadis");
        Assert.Equal(HttpStatusCode.OK, (await kadis.GetAsync("/api/v1/desk")).StatusCode);
    }

    internal static Task NotDemoAsync(TestDatabase database, NewsroomApp app, string userName)
        => database.ExecuteAsync(app, $"UPDATE users_accounts SET \"IsDemo\" = FALSE WHERE \"UserName\" = '{userName}'");

    internal static Task<HttpResponseMessage> LoginAsync(HttpClient client, string userName, string? password = null, string? code = null)
        => client.PostAsJsonAsync("/api/v1/auth/login", new { userName, password = password ?? NewsroomApp.Password, code });

    internal static string SharedKey(string enrolmentPage) => SharedKeyRegex().Match(enrolmentPage).Groups[1].Value;

    internal static List<string> RecoveryCodes(string page) => [.. RecoveryCodeRegex().Matches(page).Select(m => m.Groups[1].Value)];

    /// <summary>Enrols <paramref name="userName"/> through the API; the key and the recovery codes.</summary>
    internal static async Task<(string Key, List<string> Codes)> EnrolAsync(NewsroomApp app, string userName)
    {
        using var api = await app.LoginAsync(userName);
        var key = (await api.GetFromJsonAsync<JsonElement>("/api/v1/auth/2fa")).GetProperty("sharedKey").GetString()!;
        var enable = await api.PostAsJsonAsync("/api/v1/auth/2fa/enable", new { code = Totp.Unused(key) });
        Assert.Equal(HttpStatusCode.OK, enable.StatusCode);
        var codes = (await enable.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("recoveryCodes").EnumerateArray().Select(c => c.GetString()!).ToList();
        return (key, codes);
    }

    private static async Task AssertTokenWorksAsync(NewsroomApp app, HttpResponseMessage login)
    {
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/desk")).StatusCode);
    }

    [GeneratedRegex("data-key=\"([A-Z2-7]+)\"")]
    private static partial Regex SharedKeyRegex();

    [GeneratedRegex("class=\"shared-key\"[^>]*>([a-z2-7 ]+)<")]
    private static partial Regex GroupedKeyRegex();

    [GeneratedRegex("<li><code>([A-Z0-9]{5}-[A-Z0-9]{5})</code></li>")]
    private static partial Regex RecoveryCodeRegex();
}
