using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Diskominfo.Newsroom.Abstractions.Audit;
using Diskominfo.Newsroom.Abstractions.Organization;

namespace Diskominfo.Newsroom.FunctionalTests;

/// <summary>The admins' account API: creating with a one-time password, listing, editing, disabling, validation, unlocking.</summary>
public sealed class AccountAdminTests
{
    private const string NewPassword = "Jembatan-Raya-2027";
    private static readonly string[] Reporter = ["reporter"];
    private static readonly string[] Kasi = ["kasi"];
    private static readonly string[] Operator = ["operator"];
    private static readonly string[] OperatorAdmin = ["operator", "admin"];
    private static readonly string[] Admin = ["admin"];

    [Fact]
    public Task CreateUser_Sqlite_TemporaryPasswordWorksOnce_AndMustBeChangedFirst() => CreateUserAsync(TestDatabase.SqliteAsync);

    [Fact]
    public Task CreateUser_Postgres_TemporaryPasswordWorksOnce_AndMustBeChangedFirst() => CreateUserAsync(TestDatabase.PostgresAsync);

    private static async Task CreateUserAsync(Func<Task<TestDatabase>> db)
    {
        var audit = new AuditRecorder();
        await using var database = await db();
        await using var app = await NewsroomApp.StartAsync(database, runJobs: false, services: audit.Register);
        using var admin = await app.LoginAsync("admin");

        var response = await admin.PostAsJsonAsync("/api/v1/users", new
        {
            userName = "budi.santoso",
            fullName = "Budi Santoso, S.Sos.",
            nip = "198703152010011002",
            email = "budi@diskominfo.example.go.id",
            phone = "+62 812 1111 2222",
            roles = Reporter,
            section = (string?)null,
            photoCredit = "Budi S.",
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetString()!;
        Assert.Equal($"/api/v1/users/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal("budi.santoso", created.GetProperty("userName").GetString());
        Assert.Equal("Budi Santoso, S.Sos.", created.GetProperty("fullName").GetString());
        Assert.Equal("198703152010011002", created.GetProperty("nip").GetString());
        Assert.Equal(["reporter"], created.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(JsonValueKind.Null, created.GetProperty("section").ValueKind);
        Assert.False(created.GetProperty("disabled").GetBoolean());
        Assert.Equal(JsonValueKind.Null, created.GetProperty("lastSignInAt").ValueKind);
        Assert.True(created.GetProperty("mustChangePassword").GetBoolean());
        Assert.NotEqual(JsonValueKind.Null, created.GetProperty("createdAt").ValueKind);
        var temporary = created.GetProperty("temporaryPassword").GetString()!;
        Assert.Matches("^[A-Za-z2-9]{4}-[A-Za-z2-9]{4}-[A-Za-z2-9]{4}$", temporary);
        var read = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/users/{id}");
        Assert.False(read.TryGetProperty("temporaryPassword", out _)); // shown once, never again
        Assert.Single(audit.Of(AuditActions.AccountCreated), e => e.TargetId == id && e.After!["nip"] == "198703152010011002");

        // Signed in with the one-time password, nothing but the change is open: the API answers 403 ...
        using var first = await Accounts.LoginAsync(app, "budi.santoso", temporary);
        var blocked = await Accounts.ProblemAsync(await first.GetAsync("/api/v1/items"), HttpStatusCode.Forbidden);
        Assert.True(blocked.GetProperty("passwordChangeRequired").GetBoolean());
        Assert.Contains("kata sandi sementara", blocked.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await first.GetAsync("/api/v1/auth/me")).StatusCode);

        // ... and the desk leads to the password page.
        var (desk, signedIn) = await Accounts.SignInAsync(app, "budi.santoso", temporary);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var home = await desk.Http.GetAsync("/admin");
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.Equal("/akun/kata-sandi", home.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await desk.Http.GetAsync("/akun/kata-sandi")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await desk.Http.GetAsync("/css/admin.css")).StatusCode);

        // A wrong current password, a short one, the same one again: refused field by field.
        var wrong = await Accounts.ProblemAsync(
            await first.PostAsJsonAsync("/api/v1/auth/change-password", new { currentPassword = "salah-sekali-123", newPassword = NewPassword }), HttpStatusCode.BadRequest);
        Assert.Equal("Kata sandi sekarang salah.", wrong.GetProperty("errors").GetProperty("currentPassword")[0].GetString());
        var shortOne = await Accounts.ProblemAsync(
            await first.PostAsJsonAsync("/api/v1/auth/change-password", new { currentPassword = temporary, newPassword = "Pendek1" }), HttpStatusCode.BadRequest);
        Assert.Contains("minimal 10 karakter", shortOne.GetProperty("errors").GetProperty("newPassword")[0].GetString(), StringComparison.Ordinal);
        var same = await Accounts.ProblemAsync(
            await first.PostAsJsonAsync("/api/v1/auth/change-password", new { currentPassword = temporary, newPassword = temporary }), HttpStatusCode.BadRequest);
        Assert.Contains("berbeda", same.GetProperty("errors").GetProperty("newPassword")[0].GetString(), StringComparison.Ordinal);

        // The change answers with a fresh token that works; the old one does not, nor does the one-time password.
        var changed = await first.PostAsJsonAsync("/api/v1/auth/change-password", new { currentPassword = temporary, newPassword = NewPassword });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var fresh = await changed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Bearer", fresh.GetProperty("tokenType").GetString());
        Assert.True(fresh.GetProperty("expiresIn").GetInt32() > 0);
        using var second = Accounts.WithToken(app, fresh.GetProperty("accessToken").GetString()!);
        var me = await second.GetFromJsonAsync<JsonElement>("/api/v1/auth/me");
        Assert.False(me.GetProperty("mustChangePassword").GetBoolean());
        Assert.NotEqual(JsonValueKind.Null, me.GetProperty("lastSignInAt").ValueKind);
        Assert.Equal(HttpStatusCode.OK, (await second.GetAsync("/api/v1/items")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await first.GetAsync("/api/v1/auth/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Accounts.LoginResponseAsync(app, "budi.santoso", temporary)).StatusCode);
        using var again = await Accounts.LoginAsync(app, "budi.santoso", NewPassword);
        Assert.Single(audit.Of(AuditActions.PasswordChanged), e => e.TargetId == id && e.ActorId == id);
    }

    [Fact]
    public Task ListUsers_Sqlite_SearchFiltersAndPaging_FindTheRightAccounts() => ListUsersAsync(TestDatabase.SqliteAsync);

    [Fact]
    public Task ListUsers_Postgres_SearchFiltersAndPaging_FindTheRightAccounts() => ListUsersAsync(TestDatabase.PostgresAsync);

    private static async Task ListUsersAsync(Func<Task<TestDatabase>> db)
    {
        await using var database = await db();
        await using var app = await NewsroomApp.StartAsync(database, runJobs: false);
        using var admin = await app.LoginAsync("admin");
        await Accounts.CreateAsync(admin, "sri.wahyuni", "Sri Wahyuni", nip: "199001012015032001");

        async Task<string[]> NamesAsync(string query)
        {
            var page = await admin.GetFromJsonAsync<JsonElement>("/api/v1/users?" + query);
            return [.. page.GetProperty("items").EnumerateArray().Select(u => u.GetProperty("userName").GetString()!).Order(StringComparer.Ordinal)];
        }

        Assert.Equal(["reporter", "reporter2", "reporter3"], await NamesAsync("q=peliput"));
        Assert.Equal(["sri.wahyuni"], await NamesAsync("q=20150320"));                  // part of the NIP
        Assert.Equal(["kabid"], await NamesAsync("q=KABID@demo"));                     // the e-mail, in any case
        Assert.Equal(["sri.wahyuni"], await NamesAsync("q=WAHYU"));                    // the full name, in any case
        Assert.Equal(["kasi", "kasi2"], await NamesAsync("role=kasi"));
        Assert.Equal(["kasi2", "reporter3"], await NamesAsync($"section={DemoOrganization.SeksiKomunikasi}"));
        Assert.Equal(["kasi2"], await NamesAsync($"section={DemoOrganization.SeksiKomunikasi}&role=kasi"));
        Assert.Empty(await NamesAsync("disabled=true"));

        var kasi2 = await Accounts.IdOfAsync(admin, "kasi2");
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/v1/users/{kasi2}/disable", null)).StatusCode);
        Assert.Equal(["kasi2"], await NamesAsync("disabled=true"));
        Assert.Equal(10, (await NamesAsync("disabled=false&pageSize=100")).Length);

        var paged = await admin.GetFromJsonAsync<JsonElement>("/api/v1/users?pageSize=5&page=3");
        Assert.Equal(11, paged.GetProperty("total").GetInt32()); // ten demo accounts and Sri
        Assert.Equal(3, paged.GetProperty("page").GetInt32());
        Assert.Equal(1, paged.GetProperty("items").GetArrayLength());
        var kasi = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/users?q=kasi2")).GetProperty("items")[0];
        Assert.Equal("Layanan Informasi dan Komunikasi Publik", kasi.GetProperty("sectionName").GetString());

        foreach (var (query, field) in new[] { ("pageSize=0", "pageSize"), ("pageSize=101", "pageSize"), ("page=0", "page"), ("role=bupati", "role"), ("section=bukan-id", "section"), ("disabled=mungkin", "disabled") })
        {
            var problem = await Accounts.ProblemAsync(await admin.GetAsync("/api/v1/users?" + query), HttpStatusCode.BadRequest);
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), query);
        }
    }

    [Fact]
    public async Task UpdateUser_ChangesFields_AndNewRolesEndTheOldSessionsAndTokens()
    {
        var clock = new TestClock(DateTimeOffset.UtcNow);
        var audit = new AuditRecorder();
        await using var database = await TestDatabase.SqliteAsync();
        await using var app = await NewsroomApp.StartAsync(database, runJobs: false, clock: clock, services: audit.Register);
        using var admin = await app.LoginAsync("admin");
        using var reporterToken = await app.LoginAsync("reporter2");
        using var reporterDesk = await app.SignInAsync("reporter2");
        var id = await Accounts.IdOfAsync(admin, "reporter2");

        // Only the name changes: the sessions go on.
        var renamed = await admin.PutAsJsonAsync($"/api/v1/users/{id}", new
        {
            fullName = "Andi Pratama",
            email = "reporter2@demo.diskominfo.local",
            roles = Reporter,
            section = DemoOrganization.SeksiMedia.ToString(),
        });
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        Assert.Equal("Andi Pratama", (await renamed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("fullName").GetString());
        var update = Assert.Single(audit.Of(AuditActions.AccountUpdated));
        Assert.Equal("Andi Peliput", update.Before!["fullName"]);
        Assert.Equal("Andi Pratama", update.After!["fullName"]);
        Assert.False(update.After.ContainsKey("roles"));
        clock.Advance(TimeSpan.FromSeconds(61));
        Assert.Equal(HttpStatusCode.OK, (await reporterToken.GetAsync("/api/v1/items")).StatusCode);
        Assert.True(await Accounts.DeskOpenAsync(reporterDesk));

        // Made Kasi of another seksi: roles and section change, the old token and session end.
        var promoted = await admin.PutAsJsonAsync($"/api/v1/users/{id}", new
        {
            fullName = "Andi Pratama",
            nip = "198811112012121003",
            email = "andi@diskominfo.example.go.id",
            phone = "0812 3333 4444",
            roles = Kasi,
            section = DemoOrganization.SeksiKomunikasi.ToString(),
            photoCredit = "Andi P.",
        });
        Assert.Equal(HttpStatusCode.OK, promoted.StatusCode);
        var user = await promoted.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(["kasi"], user.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(DemoOrganization.SeksiKomunikasi, user.GetProperty("section").GetGuid());
        Assert.Equal("0812 3333 4444", user.GetProperty("phone").GetString());
        Assert.Equal("andi@diskominfo.example.go.id", user.GetProperty("email").GetString());
        var roles = Assert.Single(audit.Of(AuditActions.RolesChanged));
        Assert.Equal("reporter", roles.Before!["roles"]);
        Assert.Equal("kasi", roles.After!["roles"]);
        Assert.Single(audit.Of(AuditActions.SectionChanged));

        clock.Advance(TimeSpan.FromSeconds(61));
        Assert.Equal(HttpStatusCode.Unauthorized, (await reporterToken.GetAsync("/api/v1/items")).StatusCode);
        Assert.False(await Accounts.DeskOpenAsync(reporterDesk));
        using var asKasi = await app.LoginAsync("reporter2");
        Assert.Equal(HttpStatusCode.OK, (await asKasi.GetAsync("/api/v1/reports/service-times")).StatusCode); // a Kasi's report

        // The section goes with null.
        var cleared = await admin.PutAsJsonAsync($"/api/v1/users/{id}", new { fullName = "Andi Pratama", email = "andi@diskominfo.example.go.id", roles = Kasi, section = (string?)null });
        Assert.Equal(JsonValueKind.Null, (await cleared.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("section").ValueKind);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PutAsJsonAsync("/api/v1/users/tidak-ada", new { fullName = "X" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/v1/users/tidak-ada")).StatusCode);
    }

    [Fact]
    public Task DisableUser_Sqlite_EndsSessionsAndTokens_RefusesSignIn_UntilEnabled() => DisableUserAsync(TestDatabase.SqliteAsync);

    [Fact]
    public Task DisableUser_Postgres_EndsSessionsAndTokens_RefusesSignIn_UntilEnabled() => DisableUserAsync(TestDatabase.PostgresAsync);

    private static async Task DisableUserAsync(Func<Task<TestDatabase>> db)
    {
        var clock = new TestClock(DateTimeOffset.UtcNow);
        var audit = new AuditRecorder();
        await using var database = await db();
        await using var app = await NewsroomApp.StartAsync(database, runJobs: false, clock: clock, services: audit.Register);
        using var admin = await app.LoginAsync("admin");
        using var token = await app.LoginAsync("reporter");
        using var desk = await app.SignInAsync("reporter");
        var id = await Accounts.IdOfAsync(admin, "reporter");
        Assert.True(await Accounts.DeskOpenAsync(desk));

        var disabled = await admin.PostAsync($"/api/v1/users/{id}/disable", null);
        Assert.Equal(HttpStatusCode.OK, disabled.StatusCode);
        Assert.True((await disabled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("disabled").GetBoolean());
        Assert.Single(audit.Of(AuditActions.AccountDisabled), e => e.TargetId == id);

        clock.Advance(TimeSpan.FromSeconds(61));
        Assert.Equal(HttpStatusCode.Unauthorized, (await token.GetAsync("/api/v1/items")).StatusCode);
        Assert.False(await Accounts.DeskOpenAsync(desk));

        // The right password is told the account is disabled; a wrong one gets the usual answer.
        var refused = await Accounts.ProblemAsync(await Accounts.LoginResponseAsync(app, "reporter", NewsroomApp.Password), HttpStatusCode.Forbidden);
        Assert.Equal("Akun Anda dinonaktifkan; hubungi admin.", refused.GetProperty("detail").GetString());
        var wrong = await Accounts.ProblemAsync(await Accounts.LoginResponseAsync(app, "reporter", "bukan-kata-sandinya"), HttpStatusCode.Unauthorized);
        Assert.Equal("Nama pengguna atau kata sandi salah.", wrong.GetProperty("detail").GetString());
        var (_, form) = await Accounts.SignInAsync(app, "reporter", NewsroomApp.Password);
        Assert.Equal(HttpStatusCode.Forbidden, form.StatusCode);
        Assert.Contains("Akun Anda dinonaktifkan; hubungi admin.", await form.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var enabled = await admin.PostAsync($"/api/v1/users/{id}/enable", null);
        Assert.False((await enabled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("disabled").GetBoolean());
        Assert.Single(audit.Of(AuditActions.AccountEnabled));
        using var back = await app.LoginAsync("reporter");
        Assert.Equal(HttpStatusCode.OK, (await back.GetAsync("/api/v1/items")).StatusCode);
    }

    [Fact]
    public async Task Disable_SelfOrTheLastAdmin_Refused()
    {
        await using var database = await TestDatabase.SqliteAsync();
        await using var app = await NewsroomApp.StartAsync(database, runJobs: false);
        using var admin = await app.LoginAsync("admin");
        var adminId = await Accounts.IdOfAsync(admin, "admin");

        var self = await Accounts.ProblemAsync(await admin.PostAsync($"/api/v1/users/{adminId}/disable", null), HttpStatusCode.Conflict);
        Assert.Contains("akun Anda sendiri", self.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var demote = await Accounts.ProblemAsync(
            await admin.PutAsJsonAsync($"/api/v1/users/{adminId}", new { fullName = "Admin Sistem", email = "admin@demo.diskominfo.local", roles = Operator }),
            HttpStatusCode.BadRequest);
        Assert.Contains("admin aktif terakhir", demote.GetProperty("errors").GetProperty("roles")[0].GetString(), StringComparison.Ordinal);

        // With a second admin, the first may give up the role.
        var second = await Accounts.CreateAsync(admin, "admin.dua", "Admin Kedua", role: "admin");
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/v1/users/{adminId}", new { fullName = "Admin Sistem", email = "admin@demo.diskominfo.local", roles = OperatorAdmin })).StatusCode);
        Assert.Equal("admin", second.GetProperty("roles")[0].GetString());
    }

    [Fact]
    public async Task CreateUser_EveryInvalidField_RefusedWithAnIndonesianMessage()
    {
        await using var database = await TestDatabase.SqliteAsync();
        await using var app = await NewsroomApp.StartAsync(database, runJobs: false);
        using var admin = await app.LoginAsync("admin");
        await Accounts.CreateAsync(admin, "pemilik.nip", "Pemilik NIP", nip: "198001012005011001");

        async Task ExpectAsync(object body, string field, string fragment)
        {
            var problem = await Accounts.ProblemAsync(await admin.PostAsJsonAsync("/api/v1/users", body), HttpStatusCode.BadRequest);
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out var errors), $"{field}: {problem}");
            Assert.Contains(fragment, errors[0].GetString(), StringComparison.Ordinal);
        }

        object Body(string userName = "baru.satu", string? fullName = "Orang Baru", string? nip = null, string? email = "baru@diskominfo.example.go.id",
            string? phone = null, string[]? roles = null, string? section = null, string? photoCredit = null)
            => new { userName, fullName, nip, email, phone, roles = roles ?? ["reporter"], section, photoCredit };

        await ExpectAsync(Body(userName: "ab"), "userName", "3 sampai 50");
        await ExpectAsync(Body(userName: "Budi Besar"), "userName", "huruf kecil");
        await ExpectAsync(Body(userName: new string('a', 51)), "userName", "3 sampai 50");
        await ExpectAsync(Body(userName: "kasi"), "userName", "sudah dipakai");
        await ExpectAsync(Body(fullName: " "), "fullName", "wajib diisi");
        await ExpectAsync(Body(fullName: new string('x', 201)), "fullName", "200");
        await ExpectAsync(Body(nip: "12345678901234567"), "nip", "18 angka");
        await ExpectAsync(Body(nip: "19800101200501100A"), "nip", "18 angka");
        await ExpectAsync(Body(nip: "198001012005011001"), "nip", "sudah dipakai");
        await ExpectAsync(Body(email: null), "email", "wajib diisi");
        await ExpectAsync(Body(email: "bukan surel"), "email", "tidak valid");
        await ExpectAsync(Body(email: "KASI@demo.diskominfo.local"), "email", "sudah dipakai");
        await ExpectAsync(Body(phone: "telepon saya"), "phone", "angka");
        await ExpectAsync(Body(roles: []), "roles", "sedikitnya satu");
        await ExpectAsync(Body(roles: ["bupati"]), "roles", "tidak dikenal");
        await ExpectAsync(Body(photoCredit: new string('f', 201)), "photoCredit", "200");
        await ExpectAsync(Body(section: "bukan-id"), "section", "tidak valid");
        await ExpectAsync(Body(section: Guid.NewGuid().ToString()), "section", "tidak ditemukan");
        await ExpectAsync(Body(roles: ["kasi"], section: DemoOrganization.Bidang.ToString()), "section", "di seksi");
        await ExpectAsync(Body(roles: ["reporter"], section: DemoOrganization.Bidang.ToString()), "section", "di seksi");
        await ExpectAsync(Body(roles: ["kabid"], section: DemoOrganization.SeksiMedia.ToString()), "section", "di bidang");

        // Several at once, each under its field.
        var many = await Accounts.ProblemAsync(await admin.PostAsJsonAsync("/api/v1/users", new { userName = "x", roles = Array.Empty<string>() }), HttpStatusCode.BadRequest);
        var fields = many.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(["email", "fullName", "roles", "userName"], fields);
        Assert.Equal("Data tidak valid", many.GetProperty("title").GetString());

        // A fitting section is taken.
        var kabid = await Accounts.CreateAsync(admin, "kabid.baru", "Kabid Baru", role: "kabid", section: DemoOrganization.Bidang.ToString());
        Assert.Equal("Informasi dan Komunikasi Publik", kabid.GetProperty("sectionName").GetString());
    }

    [Fact]
    public async Task UsersApi_NonAdmins403_Anonymous401_OnEveryRoute()
    {
        await using var database = await TestDatabase.SqliteAsync();
        await using var app = await NewsroomApp.StartAsync(database, runJobs: false);
        using var admin = await app.LoginAsync("admin");
        var id = await Accounts.IdOfAsync(admin, "reporter");
        var body = new { fullName = "X", email = "x@diskominfo.example.go.id", roles = Reporter };
        var routes = new (string Name, Func<HttpClient, Task<HttpResponseMessage>> Call)[]
        {
            ("list", c => c.GetAsync("/api/v1/users")),
            ("create", c => c.PostAsJsonAsync("/api/v1/users", new { userName = "penyusup", fullName = "X", email = "p@diskominfo.example.go.id", roles = Admin })),
            ("read", c => c.GetAsync($"/api/v1/users/{id}")),
            ("update", c => c.PutAsJsonAsync($"/api/v1/users/{id}", body)),
            ("disable", c => c.PostAsync($"/api/v1/users/{id}/disable", null)),
            ("enable", c => c.PostAsync($"/api/v1/users/{id}/enable", null)),
            ("reset-password", c => c.PostAsJsonAsync($"/api/v1/users/{id}/reset-password", new { method = "temporary" })),
            ("unlock", c => c.PostAsync($"/api/v1/users/{id}/unlock", null)),
        };
        var mismatches = new List<string>();
        foreach (var role in new[] { "reporter", "kasi", "kabid", "kadis", "arsiparis", "operator" })
        {
            using var client = await app.LoginAsync(role);
            foreach (var (name, call) in routes)
            {
                var status = (await call(client)).StatusCode;
                if (status != HttpStatusCode.Forbidden)
                {
                    mismatches.Add($"{name} by {role}: {(int)status}");
                }
            }
        }

        using var anonymous = app.CreateClient();
        foreach (var (name, call) in routes)
        {
            var status = (await call(anonymous)).StatusCode;
            if (status != HttpStatusCode.Unauthorized)
            {
                mismatches.Add($"{name} anonymous: {(int)status}");
            }
        }

        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
        Assert.False((await admin.GetFromJsonAsync<JsonElement>($"/api/v1/users/{id}")).GetProperty("disabled").GetBoolean());
    }

    [Fact]
    public async Task OpenApi_DescribesTheAccountRoutes()
    {
        await using var database = await TestDatabase.SqliteAsync();
        await using var app = await NewsroomApp.StartAsync(database, runJobs: false);
        using var client = app.CreateClient();
        var document = await client.GetStringAsync("/openapi/v1.json");
        foreach (var path in new[] { "/api/v1/users", "/api/v1/users/{id}", "/api/v1/users/{id}/reset-password", "/api/v1/users/{id}/unlock",
                     "/api/v1/auth/change-password", "/api/v1/auth/forgot-password", "/api/v1/auth/reset-password", "/api/v1/auth/me", "/api/v1/auth/sign-out-everywhere" })
        {
            Assert.Contains($"\"{path}\"", document, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Unlock_EndsALockout_AndTheRightPasswordWorksAgain()
    {
        var audit = new AuditRecorder();
        await using var database = await TestDatabase.SqliteAsync();
        await using var app = await NewsroomApp.StartAsync(database, runJobs: false, services: audit.Register);
        using var admin = await app.LoginAsync("admin");
        var id = await Accounts.IdOfAsync(admin, "kadis");
        for (var i = 0; i < 5; i++)
        {
            await Accounts.LoginResponseAsync(app, "kadis", "tebakan-salah-" + i);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await Accounts.LoginResponseAsync(app, "kadis", NewsroomApp.Password)).StatusCode);
        Assert.True((await admin.GetFromJsonAsync<JsonElement>($"/api/v1/users/{id}")).GetProperty("lockedOut").GetBoolean());

        var unlocked = await admin.PostAsync($"/api/v1/users/{id}/unlock", null);
        Assert.Equal(HttpStatusCode.OK, unlocked.StatusCode);
        Assert.False((await unlocked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("lockedOut").GetBoolean());
        Assert.Single(audit.Of(AuditActions.AccountUnlocked), e => e.TargetId == id);
        Assert.Equal(HttpStatusCode.OK, (await Accounts.LoginResponseAsync(app, "kadis", NewsroomApp.Password)).StatusCode);
    }

    [Fact]
    public async Task ResetPassword_WithSmtp_MailsALinkByDefault_ThePasswordStaysUntilItIsUsed()
    {
        await using var smtp = new SmtpSink();
        await using var database = await TestDatabase.SqliteAsync();
        await using var app = await NewsroomApp.StartAsync(database, runJobs: false, extraSettings: new Dictionary<string, string?>
        {
            ["Newsroom:Smtp:Host"] = "127.0.0.1",
            ["Newsroom:Smtp:Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Newsroom:Smtp:Security"] = "none",
            ["Newsroom:Smtp:PollInterval"] = "00:00:00.200",
            ["Newsroom:Smtp:DeskBaseUrl"] = "https://newsroom.example.go.id/",
        });
        using var admin = await app.LoginAsync("admin");
        var id = await Accounts.IdOfAsync(admin, "operator");

        var reset = await admin.PostAsync($"/api/v1/users/{id}/reset-password", null);
        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        var answer = await reset.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("email", answer.GetProperty("method").GetString());
        Assert.False(answer.TryGetProperty("temporaryPassword", out _));
        var mail = await smtp.WaitForAsync(m => m.To == "operator@demo.diskominfo.local");
        Assert.Contains("https://newsroom.example.go.id/atur-ulang-kata-sandi?token=", mail.Data.Replace("=\r\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
        using var still = await app.LoginAsync("operator"); // nothing changes until the link is used
    }

    [Fact]
    public async Task ResetPassword_WithoutSmtp_GivesATemporaryPassword_ThatMustBeChanged()
    {
        var audit = new AuditRecorder();
        await using var database = await TestDatabase.SqliteAsync();
        await using var app = await NewsroomApp.StartAsync(database, runJobs: false, services: audit.Register);
        using var admin = await app.LoginAsync("admin");
        using var before = await app.LoginAsync("arsiparis");
        var id = await Accounts.IdOfAsync(admin, "arsiparis");

        var noMail = await Accounts.ProblemAsync(await admin.PostAsJsonAsync($"/api/v1/users/{id}/reset-password", new { method = "email" }), HttpStatusCode.Conflict);
        Assert.Contains("SMTP", noMail.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var bogus = await Accounts.ProblemAsync(await admin.PostAsJsonAsync($"/api/v1/users/{id}/reset-password", new { method = "merpati" }), HttpStatusCode.BadRequest);
        Assert.True(bogus.GetProperty("errors").TryGetProperty("method", out _));

        var reset = await admin.PostAsync($"/api/v1/users/{id}/reset-password", null);
        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        var answer = await reset.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("temporary", answer.GetProperty("method").GetString());
        var temporary = answer.GetProperty("temporaryPassword").GetString()!;
        Assert.Equal(HttpStatusCode.Unauthorized, (await before.GetAsync("/api/v1/items")).StatusCode); // the old token ended
        Assert.Equal(HttpStatusCode.Unauthorized, (await Accounts.LoginResponseAsync(app, "arsiparis", NewsroomApp.Password)).StatusCode);
        using var after = await Accounts.LoginAsync(app, "arsiparis", temporary);
        Assert.True((await Accounts.ProblemAsync(await after.GetAsync("/api/v1/items"), HttpStatusCode.Forbidden)).GetProperty("passwordChangeRequired").GetBoolean());
        Assert.Single(audit.Of(AuditActions.AccountPasswordReset), e => e.After!["method"] == "temporary");
    }
}
