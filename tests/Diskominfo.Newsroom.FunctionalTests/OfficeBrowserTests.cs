using System.Net;
using Microsoft.Playwright;

namespace Diskominfo.Newsroom.FunctionalTests;

/// <summary>
/// The office's people in a real browser: the admin creates a reporter, who signs in with the one-time password and must
/// choose his own; the Kadis appoints a Plh, who signs for him; the Kadis enrols two-factor sign-in and signs in with a code.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class OfficeBrowserTests
{
    [Fact]
    public async Task NewReporter_FirstSignIn_PlhSignsForTheKadis_KadisEnrolsTwoFactor()
    {
        await using var browser = await Browser.LaunchAsync();
        await using var database = await TestDatabase.SqliteAsync();
        await using var app = await NewsroomApp.StartAsync(database, runJobs: false, kestrel: true);

        // The admin creates a reporter in Seksi Pengelolaan Media dan Penyiaran; the one-time password is shown once.
        var admin = await browser.SignInAsync(app, "admin");
        await admin.GotoAsync("/admin/pengguna/baru");
        await admin.GetByLabel("Nama pengguna").FillAsync("sinta");
        await admin.GetByLabel("Nama lengkap dengan gelar").FillAsync("Sinta Maharani, S.I.Kom.");
        await admin.GetByLabel("Surel").FillAsync("sinta@diskominfo.example.go.id");
        await admin.GetByLabel("Petugas Peliput").CheckAsync();
        await admin.GetByLabel("Bidang/seksi").SelectOptionAsync(new SelectOptionValue { Value = Office.SeksiMedia.ToString() });
        await admin.GetByRole(AriaRole.Button, new() { Name = "Buat akun" }).ClickAsync();
        var temporary = (await admin.Locator("code.temporary-password").InnerTextAsync()).Trim();
        Assert.False(string.IsNullOrEmpty(temporary));

        // The reporter's first sign-in leads to the password page; nothing else opens until he has chosen his own.
        var sinta = await browser.SignInAsync(app, "sinta", temporary, "**/akun/kata-sandi**");
        await sinta.GotoAsync("/admin/naskah/baru");
        Assert.Contains("/akun/kata-sandi", sinta.Url, StringComparison.Ordinal);
        await sinta.GetByLabel("Kata sandi sekarang").FillAsync(temporary);
        await sinta.GetByLabel("Kata sandi baru (minimal").FillAsync("Sinta-Meliput-2026");
        await sinta.GetByLabel("Ulangi kata sandi baru").FillAsync("Sinta-Meliput-2026");
        await sinta.GetByRole(AriaRole.Button, new() { Name = "Ganti kata sandi" }).ClickAsync();
        await sinta.GotoAsync("/admin/naskah/baru");
        Assert.EndsWith("/admin/naskah/baru", new Uri(sinta.Url).AbsolutePath, StringComparison.Ordinal);

        // An item of hers reaches the Kadis's step.
        using var sintaApi = await LoginAsync(app, "sinta", "Sinta-Meliput-2026");
        var id = await Api.CreatePressReleaseAsync(sintaApi, "Sinta Meliput Festival Budaya");
        Assert.Equal(HttpStatusCode.OK, (await Api.ActAsync(sintaApi, id, "submit")).StatusCode);
        foreach (var approver in new[] { "kasi", "kabid" })
        {
            using var client = await app.LoginAsync(approver);
            Assert.Equal(HttpStatusCode.OK, (await Api.ActAsync(client, id, "approve")).StatusCode);
        }

        // The Kadis appoints Wati (kasi2) Plh of the Kadis for today, with the letter's number.
        var kadis = await browser.SignInAsync(app, "kadis");
        await kadis.GotoAsync("/admin/plh");
        await kadis.GetByLabel("Jenis").SelectOptionAsync("plh");
        await kadis.GetByLabel("Jabatan").SelectOptionAsync(new SelectOptionValue { Label = Office.KadisTitle });
        await kadis.GetByLabel("Pegawai yang ditunjuk").SelectOptionAsync(new SelectOptionValue { Value = await Office.UserIdAsync(app, "kasi2") });
        var today = Office.Today().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await kadis.GetByLabel("Mulai tanggal").FillAsync(today);
        await kadis.GetByLabel("Sampai tanggal").FillAsync(today);
        await kadis.GetByLabel("Nomor surat penunjukan").FillAsync("800/77/DISKOMINFO/2026");
        await kadis.GetByRole(AriaRole.Button, new() { Name = "Tunjuk" }).ClickAsync();
        Assert.Contains("Plh. " + Office.KadisTitle, await kadis.Locator("main").InnerTextAsync(), StringComparison.Ordinal);

        // The Plh finds the item on her desk, acting as Plh, signs it; the trail names her post and the letter.
        var plh = await browser.SignInAsync(app, "kasi2");
        var row = plh.Locator("table.awaiting tr", new() { HasText = "Sinta Meliput Festival Budaya" });
        Assert.Contains("Plh. " + Office.KadisTitle, await row.InnerTextAsync(), StringComparison.Ordinal);
        await row.GetByRole(AriaRole.Link, new() { Name = "Sinta Meliput Festival Budaya" }).ClickAsync();
        Assert.Contains("Anda bertindak sebagai Plh. " + Office.KadisTitle, await plh.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await plh.GetByRole(AriaRole.Button, new() { Name = "Tanda tangani" }).ClickAsync();
        var timeline = await plh.Locator("ol.timeline").InnerTextAsync();
        Assert.Contains("Ditandatangani", timeline, StringComparison.Ordinal);
        Assert.Contains($"Wati Kepala Seksi (Plh. {Office.KadisTitle}, surat 800/77/DISKOMINFO/2026)", timeline, StringComparison.Ordinal);

        // The Kadis enrols two-factor sign-in with the key shown, keeps his recovery codes, and from then on signs in with a code.
        await kadis.GotoAsync("/akun/2fa");
        var key = await kadis.Locator("code.shared-key").GetAttributeAsync("data-key");
        Assert.False(string.IsNullOrEmpty(key));
        Assert.Equal(1, await kadis.Locator("img[src^='data:image/png']").CountAsync()); // the QR code
        await kadis.GetByLabel("Kode verifikasi").FillAsync(Totp.Unused(key!));
        await kadis.GetByRole(AriaRole.Button, new() { Name = "Aktifkan" }).ClickAsync();
        Assert.Equal(10, await kadis.Locator("ul.recovery-codes li").CountAsync());

        var second = await browser.SignInAsync(app, "kadis", NewsroomApp.Password, "**/masuk/2fa**");
        await second.GetByLabel("Kode verifikasi atau kode pemulihan").FillAsync(Totp.Unused(key!));
        await second.GetByRole(AriaRole.Button, new() { Name = "Masuk" }).ClickAsync();
        await second.WaitForURLAsync("**/admin");
        Assert.Contains("Ahmad Kepala Dinas", await second.Locator("header").InnerTextAsync(), StringComparison.Ordinal);
    }

    private static async Task<HttpClient> LoginAsync(NewsroomApp app, string userName, string password)
    {
        var client = app.CreateClient();
        var response = await System.Net.Http.Json.HttpClientJsonExtensions.PostAsJsonAsync(client, "/api/v1/auth/login", new { userName, password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var token = (await System.Net.Http.Json.HttpContentJsonExtensions.ReadFromJsonAsync<System.Text.Json.JsonElement>(response.Content)).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
