using System.Net;
using System.Text.Json;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Diskominfo.Newsroom.Harness;
using Microsoft.Playwright;

namespace Diskominfo.Newsroom.FunctionalTests;

/// <summary>
/// The reporter in the field, on a phone (360 x 740) over a connection that drops: the desk's pages fit the screen and
/// pass axe-core (WCAG 2.1 AA), three photos are made smaller in the browser and sent in pieces that resume after a cut,
/// and text typed offline is kept on the device and reaches the server when the connection returns.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class FieldBrowserTests
{
    private const int PhoneWidth = 360;

    [Fact]
    public async Task PhoneDesk_At360_FitsAndPassesAxe_ThreePhotosResizedAndResumedAfterACut()
    {
        await using var browser = await Browser.LaunchAsync();
        await using var database = await TestDatabase.SqliteAsync();
        await using var app = await NewsroomApp.StartAsync(database, kestrel: true);
        await using var proxy = WeakLineProxy.Start(app.BaseAddress);

        // A draft the Kasi returned with a note: what a reporter finds on the phone.
        using var reporterApi = await app.LoginAsync("reporter");
        using var kasiApi = await app.LoginAsync("kasi");
        var item = await Api.CreatePressReleaseAsync(reporterApi, "Bupati Meninjau Lokasi Banjir Bandang di Kecamatan Sukamaju Bersama Tim SAR Gabungan");
        Assert.Equal(HttpStatusCode.OK, (await Api.ActAsync(reporterApi, item, "submit")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Api.ActAsync(kasiApi, item, "return", "Tambahkan jumlah pengungsi dan foto lokasi.")).StatusCode);

        var context = await browser.Chromium.NewContextAsync(new()
        {
            BaseURL = proxy.Address.ToString(), Locale = "id-ID", ViewportSize = new() { Width = PhoneWidth, Height = 740 }, DeviceScaleFactor = 1,
            HasTouch = true, IsMobile = true,
        });
        context.SetDefaultTimeout(45_000);
        var phone = await context.NewPageAsync();

        // The sign-in page, then every page of the reporter's path: nothing scrolls sideways, axe finds nothing.
        await AssertFitsAndAccessibleAsync(phone, "/masuk");
        await phone.GetByLabel("Nama pengguna").FillAsync("reporter");
        await phone.GetByLabel("Kata sandi").FillAsync(NewsroomApp.Password);
        await phone.GetByRole(AriaRole.Button, new() { Name = "Masuk" }).ClickAsync();
        await phone.WaitForURLAsync("**/admin");
        foreach (var path in new[] { "/admin", "/admin/naskah/baru", $"/admin/naskah/{item}", $"/admin/naskah/{item}/ubah", $"/admin/naskah/{item}/foto", "/admin/kotak-masuk" })
        {
            await AssertFitsAndAccessibleAsync(phone, path);
        }

        // The menu folds behind a button on the phone and opens with it; its targets are at least 44 px high.
        await phone.GotoAsync("/admin");
        var menu = phone.GetByRole(AriaRole.Button, new() { Name = "Menu" });
        Assert.False(await phone.Locator("#menu-meja").IsVisibleAsync());
        await menu.ClickAsync();
        Assert.Equal("true", await menu.GetAttributeAsync("aria-expanded"));
        var inbox = phone.Locator("#menu-meja a[href='/admin/kotak-masuk']");
        Assert.True((await inbox.BoundingBoxAsync())!.Height >= 44);
        Assert.Contains("Tambahkan jumlah pengungsi", await phone.Locator("table.awaiting").InnerTextAsync(), StringComparison.Ordinal);

        // The item page shows the return and its note.
        await phone.GotoAsync($"/admin/naskah/{item}");
        Assert.Contains("Tambahkan jumlah pengungsi", await phone.Locator("main").InnerTextAsync(), StringComparison.Ordinal);

        // Three camera photos (4000 x 3000): chosen at once, made smaller, sent; the connection drops in the middle.
        await phone.GetByRole(AriaRole.Link, new() { Name = "Kirim beberapa foto sekaligus" }).ClickAsync();
        await phone.WaitForURLAsync($"**/admin/naskah/{item}/foto");
        var input = phone.Locator("#foto-pilih");
        Assert.Equal("image/*", await input.GetAttributeAsync("accept"));
        Assert.Equal("environment", await input.GetAttributeAsync("capture"));
        Assert.NotNull(await input.GetAttributeAsync("multiple"));
        Assert.False(await phone.Locator("#unggah-satu").IsVisibleAsync());
        var originals = Enumerable.Range(1, 3).Select(i => FieldPhotos.Noisy(3 * 1024 * 1024, seed: i, width: 4000, height: 3000, sigma: 20)).ToArray();
        var folder = Directory.CreateTempSubdirectory("newsroom-field-photos-").FullName;
        var files = originals.Select((bytes, i) => Path.Combine(folder, $"lokasi-{i + 1}.jpg")).ToArray();
        for (var i = 0; i < files.Length; i++)
        {
            await File.WriteAllBytesAsync(files[i], originals[i]);
        }

        await input.SetInputFilesAsync(files);
        Assert.Equal(3, await phone.Locator(".upload-item progress").CountAsync());
        await phone.GetByLabel("Keterangan foto 1").FillAsync("Tim SAR mengevakuasi warga");
        await phone.GetByLabel("Fotografer (kredit untuk semua foto)").FillAsync("Humas Diskominfo");
        var asked = new List<string>();
        phone.Request += (_, r) => { if (r.Url.Contains("/admin/unggahan", StringComparison.Ordinal)) { lock (asked) { asked.Add(r.Method); } } };
        var before = proxy.Upstream;
        proxy.CutAfter(1536 * 1024);
        await phone.GetByRole(AriaRole.Button, new() { Name = "Kirim foto" }).ClickAsync();
        await phone.WaitForSelectorAsync("#kirim-foto[data-finished='3']", new() { Timeout = 120_000 });

        Assert.Equal(1, proxy.Cuts);
        // The cut fell in the middle of the sending, and each photo was created once: after the cut the sending went on
        // with the same upload (the page asks the server where it stood, HEAD, or Chromium resends the cut piece by
        // itself, which the server takes when it had kept none of it and refuses with 409 otherwise).
        lock (asked)
        {
            Assert.Equal(3, asked.Count(m => m == "POST"));
            Assert.True(asked.Count(m => m == "PATCH") >= 3, string.Join(", ", asked));
        }

        Assert.True(proxy.Upstream - before > 1536 * 1024);

        var progress = await phone.Locator(".upload-item progress").EvaluateAllAsync<int[]>("ps => ps.map(p => p.value)");
        Assert.Equal([100, 100, 100], progress);
        Assert.Contains("3 foto terlampir", await phone.Locator("#foto-ringkasan").InnerTextAsync(), StringComparison.Ordinal);

        // On the item: three photos, each made smaller (longest edge 2560), the caption and credit with the first; less
        // went over the air than the originals weigh.
        var photos = (await Api.GetAsync(reporterApi, item)).GetProperty("photos").EnumerateArray().ToList();
        Assert.Equal(3, photos.Count);
        Assert.All(photos, p => Assert.Equal((2560, 1920), (p.GetProperty("width").GetInt32(), p.GetProperty("height").GetInt32())));
        Assert.Equal("Tim SAR mengevakuasi warga", photos[0].GetProperty("caption").GetString());
        Assert.All(photos, p => Assert.Equal("Humas Diskominfo", p.GetProperty("credit").GetString()));
        Assert.True(proxy.Upstream - before < originals.Sum(o => (long)o.Length), $"{proxy.Upstream - before} bytes sent for {originals.Sum(o => o.Length)} of originals");
        await phone.GotoAsync($"/admin/naskah/{item}");
        Assert.Equal(3, await phone.Locator(".photos img").CountAsync());
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task OfflineDraft_TypedOffline_KeptWithBanner_SentWhenOnline_AndOfferedBackWhenUnsent()
    {
        await using var browser = await Browser.LaunchAsync();
        await using var database = await TestDatabase.SqliteAsync();
        await using var app = await NewsroomApp.StartAsync(database, kestrel: true);
        using var reporterApi = await app.LoginAsync("reporter");
        var item = await Api.CreatePressReleaseAsync(reporterApi, "Pasar Murah Ramadan di Alun-Alun");
        var page = await browser.SignInAsync(app, "reporter");

        // Offline: the save stays on the device, the banner says so, the text is in the form and in localStorage.
        await page.GotoAsync($"/admin/naskah/{item}/ubah");
        await page.Context.SetOfflineAsync(true);
        await page.GetByLabel("Judul").FillAsync("Pasar Murah Ramadan Diserbu Warga");
        await page.GetByLabel("Isi berita (Markdown)").FillAsync("Sebanyak **2.000 paket** sembako terjual dalam tiga jam.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Simpan perubahan" }).ClickAsync();
        var banner = page.Locator("#draft-banner");
        await banner.WaitForAsync(new() { State = WaitForSelectorState.Visible });
        Assert.Contains("Tersimpan di perangkat ini; akan dikirim saat tersambung kembali", await banner.InnerTextAsync(), StringComparison.Ordinal);
        var kept = await page.EvaluateAsync<string?>("() => Object.keys(localStorage).filter(k => k.startsWith('newsroom.draft:')).map(k => localStorage.getItem(k))[0] ?? null");
        Assert.Contains("Pasar Murah Ramadan Diserbu Warga", kept, StringComparison.Ordinal);
        Assert.Equal("Pasar Murah Ramadan di Alun-Alun", (await Api.GetAsync(reporterApi, item)).GetProperty("title").GetString());

        // Back online: it is sent by itself, the page goes to the item, the local copy is gone.
        await page.Context.SetOfflineAsync(false);
        await page.WaitForURLAsync($"**/admin/naskah/{item}");
        var saved = await Api.GetAsync(reporterApi, item);
        Assert.Equal("Pasar Murah Ramadan Diserbu Warga", saved.GetProperty("title").GetString());
        Assert.Contains("2.000 paket", saved.GetProperty("body").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await page.EvaluateAsync<int>("() => Object.keys(localStorage).filter(k => k.startsWith('newsroom.draft:')).length"));

        // Typed but never saved (the page left): offered back when the form opens again, and restored on request.
        await page.GotoAsync($"/admin/naskah/{item}/ubah");
        await page.GetByLabel("Teras berita (lead)").FillAsync("Warga antre sejak subuh untuk paket sembako murah.");
        await page.WaitForFunctionAsync("() => Object.keys(localStorage).some(k => k.startsWith('newsroom.draft:'))");
        await page.GotoAsync("/admin");
        await page.GotoAsync($"/admin/naskah/{item}/ubah");
        await page.Locator("#draft-offer").WaitForAsync(new() { State = WaitForSelectorState.Visible });
        await page.GetByRole(AriaRole.Button, new() { Name = "Pulihkan salinan" }).ClickAsync();
        Assert.Equal("Warga antre sejak subuh untuk paket sembako murah.", await page.GetByLabel("Teras berita (lead)").InputValueAsync());
        await page.GetByRole(AriaRole.Button, new() { Name = "Simpan perubahan" }).ClickAsync();
        await page.WaitForURLAsync($"**/admin/naskah/{item}");
        Assert.Equal("Warga antre sejak subuh untuk paket sembako murah.", (await Api.GetAsync(reporterApi, item)).GetProperty("lead").GetString());
    }

    private static async Task AssertFitsAndAccessibleAsync(IPage page, string path)
    {
        var response = await page.GotoAsync(path);
        Assert.Equal((int)HttpStatusCode.OK, response!.Status);
        var width = await page.EvaluateAsync<int>("() => document.scrollingElement.scrollWidth");
        if (width > PhoneWidth)
        {
            var wide = await page.EvaluateAsync<string[]>(
                "w => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > w).slice(0, 8).map(e => e.tagName + '.' + e.className + '#' + e.id + ' ' + Math.round(e.getBoundingClientRect().right))",
                PhoneWidth);
            Assert.Fail($"{path} scrolls sideways at {PhoneWidth} px: {width} px wide; beyond the edge: {string.Join(", ", wide)}");
        }
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        });
        var violations = string.Join("\n", result.Violations.Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => string.Join(" ", n.Target)))})"));
        Assert.True(result.Violations.Length == 0, $"{path}:\n{violations}");
    }
}
