using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Diskominfo.Newsroom.Abstractions.Organization;

namespace Diskominfo.Newsroom.FunctionalTests;

/// <summary>The admins' account pages on the desk: the list, a new account with its one-time password, the account page's actions.</summary>
public sealed partial class AccountDeskTests
{
    [Fact]
    public async Task UsersPage_ListsFiltersAndShowsLastSignIn_ForAdminsOnly()
    {
        await using var database = await TestDatabase.SqliteAsync();
        await using var app = await NewsroomApp.StartAsync(database, runJobs: false);
        using var kasi = await app.SignInAsync("kasi");
        using var desk = await app.SignInAsync("admin");

        var all = await desk.Http.GetStringAsync("/admin/pengguna");
        Assert.Contains("href=\"/admin/pengguna\">Pengguna</a>", all, StringComparison.Ordinal); // the menu
        Assert.Contains("Joko Peliput", all, StringComparison.Ordinal);
        Assert.Contains("Belum pernah", all, StringComparison.Ordinal);          // reporter3 never signed in
        Assert.Matches(@"data-user=""kasi"">[\s\S]*?WIB</td>", all);             // the Kasi did, just now
        Assert.Equal(10, Users(all).Length);

        Assert.Equal(["kasi", "kasi2"], Users(await desk.Http.GetStringAsync("/admin/pengguna?peran=kasi")));
        Assert.Equal(["kasi2", "reporter3"], Users(await desk.Http.GetStringAsync($"/admin/pengguna?bagian={DemoOrganization.SeksiKomunikasi}")));
        Assert.Equal(["reporter", "reporter2", "reporter3"], Users(await desk.Http.GetStringAsync("/admin/pengguna?q=peliput")));
        Assert.Empty(Users(await desk.Http.GetStringAsync("/admin/pengguna?status=nonaktif")));
        Assert.Equal(HttpStatusCode.BadRequest, (await desk.Http.GetAsync("/admin/pengguna?peran=bupati")).StatusCode);

        using (var doorRefusal = await kasi.Http.GetAsync("/admin/pengguna"))
        {
            Assert.Equal(HttpStatusCode.Redirect, doorRefusal.StatusCode);
            Assert.StartsWith("/ditolak", doorRefusal.Headers.Location?.OriginalString, StringComparison.Ordinal);
        }
        Assert.DoesNotContain("href=\"/admin/pengguna\"", await kasi.Http.GetStringAsync("/admin"), StringComparison.Ordinal);

        await desk.Http.GetAsync("/bahasa?c=en&r=%2Fadmin");
        var english = await desk.Http.GetStringAsync("/admin/pengguna?peran=kasi");
        Assert.Contains("<h1>Users</h1>", english, StringComparison.Ordinal);
        Assert.Contains("Last sign-in", english, StringComparison.Ordinal);
        Assert.Contains("Head of section (Kasi)", english, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NewAccountPage_ShowsTheOneTimePasswordOnce_AndTheAccountPageActs()
    {
        await using var database = await TestDatabase.SqliteAsync();
        await using var app = await NewsroomApp.StartAsync(database, runJobs: false);
        using var desk = await app.SignInAsync("admin");

        var invalid = await desk.PostFormAsync("/admin/pengguna/baru", new() { ["UserName"] = "Salah Besar", ["Email"] = "x" });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var invalidPage = await invalid.Content.ReadAsStringAsync();
        Assert.Contains("Nama lengkap wajib diisi.", invalidPage, StringComparison.Ordinal);
        Assert.Contains("Pilih sedikitnya satu peran.", invalidPage, StringComparison.Ordinal);
        Assert.Contains("value=\"Salah Besar\"", invalidPage, StringComparison.Ordinal); // what was typed stays

        var created = await desk.PostFormAsync("/admin/pengguna/baru", new()
        {
            ["UserName"] = "dian.lestari",
            ["FullName"] = "Dian Lestari, S.I.Kom.",
            ["Nip"] = "199205052019032004",
            ["Email"] = "dian@diskominfo.example.go.id",
            ["Phone"] = "0812 7777 8888",
            ["Roles"] = "reporter",
            ["Section"] = DemoOrganization.SeksiKomunikasi.ToString(),
            ["PhotoCredit"] = "Dian L.",
        });
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var createdPage = await created.Content.ReadAsStringAsync();
        var temporary = PasswordPattern().Match(createdPage).Groups[1].Value;
        Assert.NotEmpty(temporary);
        using var api = await app.LoginAsync("admin");
        var id = await Accounts.IdOfAsync(api, "dian.lestari");
        var accountPage = await desk.Http.GetStringAsync($"/admin/pengguna/{id}");
        Assert.DoesNotContain(temporary, accountPage, StringComparison.Ordinal); // shown once
        Assert.Contains("value=\"Dian Lestari, S.I.Kom.\"", accountPage, StringComparison.Ordinal);
        Assert.Contains("Harus ganti kata sandi", accountPage, StringComparison.Ordinal);
        using var dian = await Accounts.LoginAsync(app, "dian.lestari", temporary);

        // Edited on the account page.
        var saved = await desk.PostFormAsync($"/admin/pengguna/{id}", new()
        {
            ["FullName"] = "Dian Lestari",
            ["Email"] = "dian@diskominfo.example.go.id",
            ["Roles"] = "reporter",
            ["Section"] = DemoOrganization.SeksiMedia.ToString(),
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var user = await api.GetFromJsonAsync<JsonElement>($"/api/v1/users/{id}");
        Assert.Equal("Dian Lestari", user.GetProperty("fullName").GetString());
        Assert.Equal(DemoOrganization.SeksiMedia, user.GetProperty("section").GetGuid());
        Assert.Equal(JsonValueKind.Null, user.GetProperty("nip").ValueKind);
        Assert.Contains("Perubahan akun disimpan.", await desk.Http.GetStringAsync($"/admin/pengguna/{id}"), StringComparison.Ordinal);

        // Disabled, enabled, a temporary password shown once.
        Assert.Equal(HttpStatusCode.Redirect, (await desk.PostFormAsync($"/admin/pengguna/{id}", [], $"/admin/pengguna/{id}?handler=disable")).StatusCode);
        Assert.True((await api.GetFromJsonAsync<JsonElement>($"/api/v1/users/{id}")).GetProperty("disabled").GetBoolean());
        Assert.Equal(HttpStatusCode.Redirect, (await desk.PostFormAsync($"/admin/pengguna/{id}", [], $"/admin/pengguna/{id}?handler=enable")).StatusCode);
        Assert.False((await api.GetFromJsonAsync<JsonElement>($"/api/v1/users/{id}")).GetProperty("disabled").GetBoolean());
        var reset = await desk.PostFormAsync($"/admin/pengguna/{id}", new() { ["Method"] = "temporary" }, $"/admin/pengguna/{id}?handler=reset");
        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        var second = PasswordPattern().Match(await reset.Content.ReadAsStringAsync()).Groups[1].Value;
        Assert.NotEqual(temporary, second);
        using var again = await Accounts.LoginAsync(app, "dian.lestari", second);

        // The admin cannot disable himself here either.
        var adminId = await Accounts.IdOfAsync(api, "admin");
        var self = await desk.PostFormAsync($"/admin/pengguna/{adminId}", [], $"/admin/pengguna/{adminId}?handler=disable");
        Assert.Equal(HttpStatusCode.Conflict, self.StatusCode);
        Assert.Contains("akun Anda sendiri", await self.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await desk.Http.GetAsync("/admin/pengguna/tidak-ada")).StatusCode);
    }

    private static string[] Users(string html) => [.. UserRow().Matches(html).Select(m => m.Groups[1].Value).Order(StringComparer.Ordinal)];

    [GeneratedRegex("<tr data-user=\"([^\"]+)\">")]
    private static partial Regex UserRow();

    [GeneratedRegex("<code class=\"temporary-password\">([^<]+)</code>")]
    private static partial Regex PasswordPattern();
}
