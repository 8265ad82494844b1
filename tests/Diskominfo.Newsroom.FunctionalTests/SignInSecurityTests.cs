using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Diskominfo.Newsroom.Abstractions.Audit;
using Diskominfo.Newsroom.Users.Models;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Diskominfo.Newsroom.FunctionalTests;

/// <summary>One answer for strangers and wrong passwords, a lockout a stranger cannot hold, limits per client address, the audit of it all.</summary>
public sealed partial class SignInSecurityTests
{
    private const string Generic = "Nama pengguna atau kata sandi salah.";
    private const string Locked = "Akun dikunci sementara";

    [Fact]
    public async Task SignIn_UnknownUserAndWrongPassword_SameAnswerAndOneHashVerificationEach()
    {
        var counter = new HashVerificationCounter();
        var audit = new AuditRecorder();
        await using var database = await TestDatabase.SqliteAsync();
        await using var app = await NewsroomApp.StartAsync(database, runJobs: false, services: s =>
        {
            s.AddSingleton(counter);
            s.AddScoped<IPasswordHasher<NewsroomUser>, CountingPasswordHasher>();
            audit.Register(s);
        });
        using var api = app.CreateClient();

        // The API.
        counter.Reset();
        var unknown = await TwoFactorTests.LoginAsync(api, "tidak-ada", password: "Rahasia#Sekali1");
        Assert.Equal(1, counter.Value);
        counter.Reset();
        var wrong = await TwoFactorTests.LoginAsync(api, "kasi", password: "Rahasia#Sekali1");
        Assert.Equal(1, counter.Value);
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        Assert.Equal(unknown.StatusCode, wrong.StatusCode);
        var unknownBody = WithoutTraceId(await unknown.Content.ReadAsStringAsync());
        Assert.Equal(unknownBody, WithoutTraceId(await wrong.Content.ReadAsStringAsync()));
        Assert.Contains(Generic, unknownBody, StringComparison.Ordinal);

        // The form (the page differs only by its antiforgery token and the user name typed back).
        using var browser = new DeskClient(app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }));
        counter.Reset();
        var unknownForm = await browser.PostFormAsync("/masuk", new() { ["UserName"] = "tidak-ada", ["Password"] = "Rahasia#Sekali1" });
        Assert.Equal(1, counter.Value);
        counter.Reset();
        var wrongForm = await browser.PostFormAsync("/masuk", new() { ["UserName"] = "kasi", ["Password"] = "Rahasia#Sekali1" });
        Assert.Equal(1, counter.Value);
        Assert.Equal(HttpStatusCode.Unauthorized, unknownForm.StatusCode);
        Assert.Equal(unknownForm.StatusCode, wrongForm.StatusCode);
        var unknownPage = await unknownForm.Content.ReadAsStringAsync();
        Assert.Contains(Generic, unknownPage, StringComparison.Ordinal);
        Assert.Equal(Normalize(unknownPage, "tidak-ada"), Normalize(await wrongForm.Content.ReadAsStringAsync(), "kasi"));

        // The right password: still one verification.
        counter.Reset();
        Assert.Equal(HttpStatusCode.OK, (await TwoFactorTests.LoginAsync(api, "kasi")).StatusCode);
        Assert.Equal(1, counter.Value);

        // The audit: a stranger is recorded by what was typed, never with a password.
        var failed = audit.Of(AuditActions.SignInFailed);
        Assert.Equal(4, failed.Count);
        Assert.All(failed.Where(e => e.ActorName == "tidak-ada"), e => Assert.Null(e.ActorId));
        Assert.Equal(2, failed.Count(e => e.ActorName == "tidak-ada"));
        Assert.Equal(2, failed.Count(e => e.ActorId is not null && e.ActorName == "Budi Kepala Seksi"));
        Assert.Contains(audit.Of(AuditActions.SignedIn), e => e.ActorName == "Budi Kepala Seksi" && e.After!["channel"] == "api");
        var everything = JsonSerializer.Serialize(audit.Events);
        Assert.DoesNotContain("Rahasia#Sekali1", everything, StringComparison.Ordinal);
        Assert.DoesNotContain(NewsroomApp.Password, everything, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lockout_FiveWrongPasswords_OnlyTheRightPasswordLearnsIt_AndASecondFactorLetsIn()
    {
        var audit = new AuditRecorder();
        await using var database = await TestDatabase.SqliteAsync();
        await using var app = await NewsroomApp.StartAsync(database, runJobs: false, services: audit.Register);
        using var api = app.CreateClient();

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await TwoFactorTests.LoginAsync(api, "kasi", password: "salah-salah-" + i)).StatusCode);
        }

        Assert.Single(audit.Of(AuditActions.LockedOut));
        var lockedUntil = await LockoutEndAsync(app, "kasi");
        Assert.NotNull(lockedUntil);

        // The right password alone learns that the account is locked; a wrong one gets the generic answer, and does not extend it.
        var right = await TwoFactorTests.LoginAsync(api, "kasi");
        Assert.Equal(HttpStatusCode.TooManyRequests, right.StatusCode);
        Assert.True(right.Headers.RetryAfter?.Delta > TimeSpan.FromMinutes(14));
        Assert.Contains(Locked, await right.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        for (var i = 0; i < 6; i++)
        {
            var wrong = await TwoFactorTests.LoginAsync(api, "kasi", password: "masih-salah-" + i);
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
            Assert.DoesNotContain(Locked, await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(lockedUntil, await LockoutEndAsync(app, "kasi"));
        using var browser = new DeskClient(app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }));
        var form = await browser.PostFormAsync("/masuk", new() { ["UserName"] = "kasi", ["Password"] = NewsroomApp.Password });
        Assert.Equal(HttpStatusCode.TooManyRequests, form.StatusCode);
        Assert.Contains(Locked, await form.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var formWrong = await browser.PostFormAsync("/masuk", new() { ["UserName"] = "kasi", ["Password"] = "salah-lagi-1" });
        Assert.Equal(HttpStatusCode.Unauthorized, formWrong.StatusCode);
        Assert.DoesNotContain(Locked, await formWrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // With two-factor sign-in on, the right password and a valid code let the locked person in and end the lockout.
        var (key, _) = await TwoFactorTests.EnrolAsync(app, "reporter");
        for (var i = 0; i < 5; i++)
        {
            await TwoFactorTests.LoginAsync(api, "reporter", password: "salah-salah-" + i);
        }

        Assert.NotNull(await LockoutEndAsync(app, "reporter"));
        var needsCode = await TwoFactorTests.LoginAsync(api, "reporter");
        Assert.Equal(HttpStatusCode.Unauthorized, needsCode.StatusCode);
        Assert.True((await needsCode.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("twoFactorRequired").GetBoolean());
        var passwordStep = await browser.PostFormAsync("/masuk", new() { ["UserName"] = "reporter", ["Password"] = NewsroomApp.Password });
        Assert.Equal("/masuk/2fa", passwordStep.Headers.Location?.OriginalString);
        var codeStep = await browser.PostFormAsync("/masuk/2fa", new() { ["Code"] = Totp.Unused(key) });
        Assert.Equal(HttpStatusCode.Redirect, codeStep.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.Http.GetAsync("/admin")).StatusCode);
        Assert.Null(await LockoutEndAsync(app, "reporter"));
        Assert.Equal(HttpStatusCode.OK, (await TwoFactorTests.LoginAsync(api, "reporter", code: Totp.Unused(key))).StatusCode);

        // Wrong codes lock too, and then the code step waits like the password.
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await TwoFactorTests.LoginAsync(api, "reporter", code: Totp.WrongCode(key))).StatusCode);
        }

        var codeLocked = await TwoFactorTests.LoginAsync(api, "reporter", code: Totp.Unused(key));
        Assert.Equal(HttpStatusCode.TooManyRequests, codeLocked.StatusCode);
        Assert.Contains(Locked, await codeLocked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RateLimit_SignInOverTheLimit_429WithRetryAfterForApiAndForm()
    {
        await using var database = await TestDatabase.SqliteAsync();
        await using var app = await NewsroomApp.StartAsync(database, runJobs: false, extraSettings: new Dictionary<string, string?>
        {
            ["Newsroom:RateLimits:SignIn:PermitLimit"] = "3",
            ["Newsroom:RateLimits:SignIn:WindowSeconds"] = "120",
        });
        using var api = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await TwoFactorTests.LoginAsync(api, "kasi")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await TwoFactorTests.LoginAsync(api, "kasi", password: "salah-salah-1")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await TwoFactorTests.LoginAsync(api, "tidak-ada")).StatusCode);

        var refused = await TwoFactorTests.LoginAsync(api, "kasi");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Terlalu banyak percobaan dari alamat Anda", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);

        // Reading the form is never limited; sending it is, with a plain Indonesian page.
        using var browser = new DeskClient(app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }));
        Assert.Equal(HttpStatusCode.OK, (await browser.Http.GetAsync("/masuk")).StatusCode);
        var form = await browser.PostFormAsync("/masuk", new() { ["UserName"] = "kasi", ["Password"] = NewsroomApp.Password });
        Assert.Equal(HttpStatusCode.TooManyRequests, form.StatusCode);
        Assert.True(form.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal("text/html", form.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Terlalu banyak percobaan", await form.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Other routes are not limited.
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task PasswordReset_FromOneAddress_IsLimited_SeparatelyFromSignIn()
    {
        await using var database = await TestDatabase.SqliteAsync();
        await using var app = await NewsroomApp.StartAsync(database, runJobs: false, extraSettings: new Dictionary<string, string?>
        {
            ["Newsroom:RateLimits:PasswordReset:PermitLimit"] = "2",
            ["Newsroom:RateLimits:PasswordReset:WindowSeconds"] = "600",
        });
        using var api = app.CreateClient();
        Assert.Equal(HttpStatusCode.Accepted, (await api.PostAsJsonAsync("/api/v1/auth/forgot-password", new { email = "kasi@demo.diskominfo.local" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await api.PostAsJsonAsync("/api/v1/auth/reset-password", new { token = "palsu", newPassword = "Kata-Sandi-Baru-2026" })).StatusCode);

        var refused = await api.PostAsJsonAsync("/api/v1/auth/forgot-password", new { email = "kadis@demo.diskominfo.local" });
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Contains("Terlalu banyak", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        using var browser = new DeskClient(app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }));
        Assert.Equal(HttpStatusCode.OK, (await browser.Http.GetAsync("/lupa-kata-sandi")).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await browser.PostFormAsync("/lupa-kata-sandi", new() { ["Email"] = "kasi@demo.diskominfo.local" })).StatusCode);

        // Signing in has its own budget.
        Assert.Equal(HttpStatusCode.OK, (await TwoFactorTests.LoginAsync(api, "kasi")).StatusCode);
    }

    private static async Task<DateTimeOffset?> LockoutEndAsync(NewsroomApp app, string userName)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<NewsroomUser>>();
        return (await users.FindByNameAsync(userName))!.LockoutEnd;
    }

    /// <summary>Problem details carry the request's own trace id.</summary>
    private static string WithoutTraceId(string body) => TraceIdRegex().Replace(body, "");

    private static string Normalize(string page, string typedName)
        => AntiforgeryRegex().Replace(page, "").Replace($"value=\"{typedName}\"", "value=\"\"", StringComparison.Ordinal);

    [GeneratedRegex(",?\"traceId\":\"[^\"]+\"")]
    private static partial Regex TraceIdRegex();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"[^\"]+\"")]
    private static partial Regex AntiforgeryRegex();
}
