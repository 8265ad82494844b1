using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Diskominfo.Newsroom.Abstractions.Audit;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Diskominfo.Newsroom.FunctionalTests;

/// <summary>A person's own account: forgotten password by e-mail, changing the password, the profile, through the API and the desk.</summary>
public sealed partial class AccountSelfServiceTests
{
    private const string NewPassword = "Pasar-Raya-Baru-2027";

    private static Dictionary<string, string?> Smtp(SmtpSink smtp) => new()
    {
        ["Newsroom:Smtp:Host"] = "127.0.0.1",
        ["Newsroom:Smtp:Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Newsroom:Smtp:Security"] = "none",
        ["Newsroom:Smtp:PollInterval"] = "00:00:00.200",
        ["Newsroom:Smtp:DeskBaseUrl"] = "https://newsroom.example.go.id",
    };

    [Fact]
    public Task ForgotPassword_Sqlite_SameAnswerForAnyAddress_LinkResetsOnce_AndExpiresAfterAnHour() => ForgotPasswordAsync(TestDatabase.SqliteAsync);

    [Fact]
    public Task ForgotPassword_Postgres_SameAnswerForAnyAddress_LinkResetsOnce_AndExpiresAfterAnHour() => ForgotPasswordAsync(TestDatabase.PostgresAsync);

    private static async Task ForgotPasswordAsync(Func<Task<TestDatabase>> db)
    {
        await using var smtp = new SmtpSink();
        var clock = new TestClock(DateTimeOffset.UtcNow);
        var audit = new AuditRecorder();
        await using var database = await db();
        await using var app = await NewsroomApp.StartAsync(database, runJobs: false, clock: clock, extraSettings: Smtp(smtp), services: audit.Register);
        using var anonymous = app.CreateClient();
        using var oldToken = await app.LoginAsync("reporter");

        // Known or not, the answer is the same 202 with nothing in it.
        var unknown = await anonymous.PostAsJsonAsync("/api/v1/auth/forgot-password", new { email = "tidak.ada@diskominfo.example.go.id" });
        var known = await anonymous.PostAsJsonAsync("/api/v1/auth/forgot-password", new { email = "reporter@demo.diskominfo.local" });
        Assert.Equal(HttpStatusCode.Accepted, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, known.StatusCode);
        Assert.Equal(await unknown.Content.ReadAsStringAsync(), await known.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Accepted, (await anonymous.PostAsJsonAsync("/api/v1/auth/forgot-password", new { email = "" })).StatusCode);

        var mail = Parse(await smtp.WaitForAsync(m => m.To == "reporter@demo.diskominfo.local"));
        Assert.Equal("Atur ulang kata sandi Newsroom", mail.Subject);
        var token = TokenIn(mail.TextBody);
        await Task.Delay(1000);
        Assert.Single(smtp.Received); // nothing to the unknown address
        Assert.Single(audit.Of(AuditActions.PasswordResetRequested)); // only the account that exists

        // The link works once: the password changes, the old token and password stop.
        Assert.Equal(HttpStatusCode.NoContent, (await anonymous.PostAsJsonAsync("/api/v1/auth/reset-password", new { token, newPassword = NewPassword })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await oldToken.GetAsync("/api/v1/items")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Accounts.LoginResponseAsync(app, "reporter", NewsroomApp.Password)).StatusCode);
        using var fresh = await Accounts.LoginAsync(app, "reporter", NewPassword);
        Assert.Single(audit.Of(AuditActions.PasswordReset));
        var used = await Accounts.ProblemAsync(
            await anonymous.PostAsJsonAsync("/api/v1/auth/reset-password", new { token, newPassword = "Lain-Lagi-2027x" }), HttpStatusCode.BadRequest);
        Assert.Contains("sudah dipakai", used.GetProperty("errors").GetProperty("token")[0].GetString(), StringComparison.Ordinal);

        // A new link, used after an hour: refused.
        await anonymous.PostAsJsonAsync("/api/v1/auth/forgot-password", new { email = "REPORTER@demo.diskominfo.local" });
        await WaitForCountAsync(smtp, 2);
        var late = TokenIn(Parse(smtp.Received.Last()).TextBody);
        clock.Advance(TimeSpan.FromMinutes(61));
        var expired = await Accounts.ProblemAsync(
            await anonymous.PostAsJsonAsync("/api/v1/auth/reset-password", new { token = late, newPassword = "Lain-Lagi-2027x" }), HttpStatusCode.BadRequest);
        Assert.Contains("satu jam", expired.GetProperty("errors").GetProperty("token")[0].GetString(), StringComparison.Ordinal);
        var garbage = await Accounts.ProblemAsync(
            await anonymous.PostAsJsonAsync("/api/v1/auth/reset-password", new { token = "bukan-token", newPassword = "Lain-Lagi-2027x" }), HttpStatusCode.BadRequest);
        Assert.True(garbage.GetProperty("errors").TryGetProperty("token", out _));
    }

    [Fact]
    public async Task ForgotPassword_DeskPages_SameMessage_LinkPageSetsThePassword()
    {
        await using var smtp = new SmtpSink();
        await using var database = await TestDatabase.SqliteAsync();
        await using var app = await NewsroomApp.StartAsync(database, runJobs: false, extraSettings: Smtp(smtp));
        var (desk, _) = await Accounts.SignInAsync(app, "nobody", "x"); // an anonymous browser with a cookie jar
        Assert.Contains("href=\"/lupa-kata-sandi\"", await desk.Http.GetStringAsync("/masuk"), StringComparison.Ordinal);

        var unknown = await (await desk.PostFormAsync("/lupa-kata-sandi", new() { ["Email"] = "tidak.ada@diskominfo.example.go.id" })).Content.ReadAsStringAsync();
        var known = await (await desk.PostFormAsync("/lupa-kata-sandi", new() { ["Email"] = "kasi@demo.diskominfo.local" })).Content.ReadAsStringAsync();
        Assert.Contains("Jika alamat itu terdaftar", known, StringComparison.Ordinal);
        Assert.Equal(StripTokens(unknown), StripTokens(known));

        var link = Parse(await smtp.WaitForAsync(m => m.To == "kasi@demo.diskominfo.local")).TextBody ?? "";
        var path = LinkPattern().Match(link).Groups[1].Value;
        Assert.StartsWith("/atur-ulang-kata-sandi?token=", path, StringComparison.Ordinal);
        var mismatch = await desk.PostFormAsync(path, new() { ["Token"] = TokenIn(link), ["NewPassword"] = NewPassword, ["RepeatPassword"] = "lain" });
        Assert.Equal(HttpStatusCode.BadRequest, mismatch.StatusCode);
        var done = await desk.PostFormAsync(path, new() { ["Token"] = TokenIn(link), ["NewPassword"] = NewPassword, ["RepeatPassword"] = NewPassword });
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Contains("Kata sandi baru disimpan", await done.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var again = await desk.PostFormAsync(path, new() { ["Token"] = TokenIn(link), ["NewPassword"] = "Lain-Lagi-2027x", ["RepeatPassword"] = "Lain-Lagi-2027x" });
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        using var kasi = await Accounts.LoginAsync(app, "kasi", NewPassword);
    }

    [Fact]
    public async Task ChangePassword_Api_ReturnsAWorkingToken_OldTokenAndOtherSessionsEnd()
    {
        var clock = new TestClock(DateTimeOffset.UtcNow);
        await using var database = await TestDatabase.SqliteAsync();
        await using var app = await NewsroomApp.StartAsync(database, runJobs: false, clock: clock);
        using var phone = await app.LoginAsync("kabid");
        using var laptop = await app.SignInAsync("kabid");
        using var other = await app.LoginAsync("kabid");

        var changed = await phone.PostAsJsonAsync("/api/v1/auth/change-password", new { currentPassword = NewsroomApp.Password, newPassword = NewPassword });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        using var renewed = Accounts.WithToken(app, (await changed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!);
        Assert.Equal("kabid", (await renewed.GetFromJsonAsync<JsonElement>("/api/v1/auth/me")).GetProperty("userName").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, (await phone.GetAsync("/api/v1/items")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await other.GetAsync("/api/v1/items")).StatusCode);
        Assert.True(await Accounts.DeskOpenAsync(laptop)); // within the minute
        clock.Advance(TimeSpan.FromSeconds(61));
        Assert.False(await Accounts.DeskOpenAsync(laptop));
        Assert.Equal(HttpStatusCode.OK, (await renewed.GetAsync("/api/v1/items")).StatusCode);
    }

    [Fact]
    public async Task ChangePassword_Desk_ForcedAfterATemporaryPassword_ThenTheDeskOpens_AndThisSessionGoesOn()
    {
        await using var database = await TestDatabase.SqliteAsync();
        await using var app = await NewsroomApp.StartAsync(database, runJobs: false);
        using var admin = await app.LoginAsync("admin");
        var created = await Accounts.CreateAsync(admin, "rudi.hartono", "Rudi Hartono");
        var temporary = created.GetProperty("temporaryPassword").GetString()!;

        var (desk, _) = await Accounts.SignInAsync(app, "rudi.hartono", temporary);
        foreach (var path in new[] { "/admin", "/akun", "/admin/kotak-masuk" })
        {
            var response = await desk.Http.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/akun/kata-sandi", response.Headers.Location?.OriginalString);
        }

        var page = await desk.Http.GetStringAsync("/akun/kata-sandi");
        Assert.Contains("kata sandi sementara", page, StringComparison.Ordinal);
        var wrong = await desk.PostFormAsync("/akun/kata-sandi", new() { ["CurrentPassword"] = "salah-sekali-1", ["NewPassword"] = NewPassword, ["RepeatPassword"] = NewPassword });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("Kata sandi sekarang salah.", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var done = await desk.PostFormAsync("/akun/kata-sandi", new() { ["CurrentPassword"] = temporary, ["NewPassword"] = NewPassword, ["RepeatPassword"] = NewPassword });
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await desk.Http.GetAsync("/admin")).StatusCode);
        Assert.Contains("Kata sandi diganti", await desk.Http.GetStringAsync("/akun"), StringComparison.Ordinal);
        Assert.False((await admin.GetFromJsonAsync<JsonElement>($"/api/v1/users/{created.GetProperty("id").GetString()}")).GetProperty("mustChangePassword").GetBoolean());
    }

    [Fact]
    public async Task Profile_ShowsWhatTheAdminKeeps_ChangesContactDetails_RefusesBadOnes()
    {
        var audit = new AuditRecorder();
        await using var database = await TestDatabase.SqliteAsync();
        await using var app = await NewsroomApp.StartAsync(database, runJobs: false, services: audit.Register);
        using var desk = await app.SignInAsync("reporter3");

        var page = await desk.Http.GetStringAsync("/akun");
        Assert.Contains("Joko Peliput", page, StringComparison.Ordinal);
        Assert.Contains("Layanan Informasi dan Komunikasi Publik", page, StringComparison.Ordinal);
        Assert.Contains("Petugas Peliput", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/akun/2fa\"", page, StringComparison.Ordinal);
        Assert.Contains("Keluar dari semua perangkat", page, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"FullName\"", page, StringComparison.Ordinal);

        var bad = await desk.PostFormAsync("/akun", new() { ["Email"] = "kasi@demo.diskominfo.local", ["Phone"] = "nomor saya", ["PhotoCredit"] = "Joko" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var badPage = await bad.Content.ReadAsStringAsync();
        Assert.Contains("sudah dipakai akun lain", badPage, StringComparison.Ordinal);
        Assert.Contains("Nomor telepon hanya berisi angka", badPage, StringComparison.Ordinal);

        var saved = await desk.PostFormAsync("/akun", new() { ["Email"] = "joko@diskominfo.example.go.id", ["Phone"] = "0813 5555 6666", ["PhotoCredit"] = "Joko P./Diskominfo" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        using var api = await app.LoginAsync("reporter3");
        var me = await api.GetFromJsonAsync<JsonElement>("/api/v1/auth/me");
        Assert.Equal("joko@diskominfo.example.go.id", me.GetProperty("email").GetString());
        Assert.Equal("0813 5555 6666", me.GetProperty("phone").GetString());
        Assert.Equal("Joko P./Diskominfo", me.GetProperty("photoCredit").GetString());
        Assert.Equal("Joko Peliput", me.GetProperty("fullName").GetString());
        var change = Assert.Single(audit.Of(AuditActions.AccountUpdated));
        Assert.Equal("reporter3@demo.diskominfo.local", change.Before!["email"]);
        Assert.Equal("joko@diskominfo.example.go.id", change.After!["email"]);
    }

    [Fact]
    public async Task NewPassword_TheDemoPassword_RefusedWhenTheSiteRunsNoDemo()
    {
        await using var database = await TestDatabase.SqliteAsync();
        await using var app = await NewsroomApp.StartAsync(database, runJobs: false,
            extraSettings: new Dictionary<string, string?> { ["Newsroom:DemoAccounts"] = "false" });
        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<Users.Models.NewsroomUser>>();
            var admin = new Users.Models.NewsroomUser { UserName = "admin.kantor", Email = "admin@diskominfo.example.go.id", DisplayName = "Admin Kantor" };
            Assert.True((await users.CreateAsync(admin, "Kantor-Raya-2026")).Succeeded);
            Assert.True((await users.AddToRoleAsync(admin, "admin")).Succeeded);
            Assert.Null(await users.FindByNameAsync("kasi")); // no demo accounts
        }

        using var client = await Accounts.LoginAsync(app, "admin.kantor", "Kantor-Raya-2026");
        var refused = await Accounts.ProblemAsync(
            await client.PostAsJsonAsync("/api/v1/auth/change-password", new { currentPassword = "Kantor-Raya-2026", newPassword = NewsroomApp.Password }),
            HttpStatusCode.BadRequest);
        Assert.Contains("akun demo", refused.GetProperty("errors").GetProperty("newPassword")[0].GetString(), StringComparison.Ordinal);
    }

    private static MimeMessage Parse(ReceivedMail mail) => MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(mail.Data)));

    private static string TokenIn(string? text) => TokenPattern().Match(text ?? "").Groups[1].Value;

    private static string StripTokens(string html) => AntiforgeryPattern().Replace(html, "");

    private static async Task WaitForCountAsync(SmtpSink smtp, int count)
    {
        for (var i = 0; i < 100 && smtp.Received.Count < count; i++)
        {
            await Task.Delay(100);
        }

        Assert.Equal(count, smtp.Received.Count);
    }

    [GeneratedRegex(@"atur-ulang-kata-sandi\?token=([A-Za-z0-9_-]+)")]
    private static partial Regex TokenPattern();

    [GeneratedRegex(@"https://newsroom\.example\.go\.id(/atur-ulang-kata-sandi\?token=[A-Za-z0-9_-]+)")]
    private static partial Regex LinkPattern();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"[^\"]+\"")]
    private static partial Regex AntiforgeryPattern();
}
