using Microsoft.Playwright;

namespace Diskominfo.Newsroom.FunctionalTests;

/// <summary>
/// The media library in Chromium: search with thumbnails, a photo picked for another item, the lead chosen, a caption
/// and credit corrected, a photo taken out of a draft and the unused upload deleted, each with its Indonesian message.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class MediaLibraryBrowserTests
{
    [Fact]
    public async Task Library_SearchPickLeadEditRemoveDelete_InTheDesk()
    {
        await using var browser = await Browser.LaunchAsync();
        await using var database = await TestDatabase.SqliteAsync();
        await using var app = await NewsroomApp.StartAsync(database, kestrel: true);
        using var reporter = await app.LoginAsync("reporter");
        var harvest = await Api.CreatePressReleaseAsync(reporter, title: "Panen Raya di Kecamatan Raya");
        var field = await MediaLibraryTests.UploadAsync(reporter, harvest, "Hamparan sawah menguning", "Sari Wulandari");
        var farmer = await MediaLibraryTests.UploadAsync(reporter, harvest, "Petani memanen padi", "Agus Prasetyo");
        var market = await Api.CreatePressReleaseAsync(reporter, title: "Harga Beras Turun di Pasar Induk");

        // Search: the card of the photo, with its thumbnail (the library's rendition) loaded.
        var page = await browser.SignInAsync(app, "reporter");
        await page.GotoAsync("/admin/media");
        await page.GetByRole(AriaRole.Link, new() { Name = "Pustaka media" }).First.WaitForAsync();
        await page.GetByLabel("Cari").FillAsync("memanen");
        await page.GetByRole(AriaRole.Button, new() { Name = "Cari" }).ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("q=memanen"));
        var card = page.Locator($"li.media-card[data-media='{farmer}']");
        await card.WaitForAsync();
        Assert.Equal(1, await page.Locator("li.media-card").CountAsync());
        Assert.Contains("Agus Prasetyo", await card.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Panen Raya di Kecamatan Raya", await card.InnerTextAsync(), StringComparison.Ordinal);
        await page.WaitForFunctionAsync($"() => document.querySelector(\"li.media-card[data-media='{farmer}'] img\").naturalWidth > 0");

        // Picked for the other item from its photo page.
        await page.GotoAsync($"/admin/media/naskah/{market}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Ambil foto dari pustaka media" }).ClickAsync();
        await page.GetByLabel("Cari").FillAsync("memanen");
        await page.GetByRole(AriaRole.Button, new() { Name = "Cari" }).ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("q=memanen"));
        await page.Locator($"li.media-card[data-media='{farmer}']").GetByRole(AriaRole.Button, new() { Name = "Pakai di naskah ini" }).ClickAsync();
        Assert.Contains("ditambahkan ke naskah", await page.Locator(".flash").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(farmer, Assert.Single((await Api.GetAsync(reporter, market)).GetProperty("photos").EnumerateArray()).GetProperty("mediaId").GetGuid());

        // The lead chosen, a caption and credit corrected.
        await page.GotoAsync($"/admin/media/naskah/{harvest}");
        await page.Locator($"li[data-media='{farmer}']").GetByRole(AriaRole.Button, new() { Name = "Jadikan foto utama" }).ClickAsync();
        Assert.Contains("Foto utama diganti", await page.Locator(".flash").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(farmer.ToString(), await page.Locator("ol.item-photos > li").First.GetAttributeAsync("data-media"));
        var fieldPhoto = page.Locator($"li[data-media='{field}']");
        await fieldPhoto.GetByLabel("Keterangan").FillAsync("Hamparan sawah siap panen di Desa Sukamaju");
        await fieldPhoto.GetByLabel("Kredit (fotografer)").FillAsync("Sari W.");
        await fieldPhoto.GetByLabel("Teks alternatif").FillAsync("Sawah kuning keemasan dengan gunung di belakangnya");
        await fieldPhoto.GetByRole(AriaRole.Button, new() { Name = "Simpan teks foto" }).ClickAsync();
        Assert.Contains("disimpan", await page.Locator(".flash").InnerTextAsync(), StringComparison.Ordinal);
        var photos = (await Api.GetAsync(reporter, harvest)).GetProperty("photos").EnumerateArray().ToList();
        Assert.Equal(farmer, photos[0].GetProperty("mediaId").GetGuid());
        Assert.Equal("Hamparan sawah siap panen di Desa Sukamaju", photos[1].GetProperty("caption").GetString());
        Assert.Equal("Sari W.", photos[1].GetProperty("credit").GetString());

        // Taken out of the draft, then deleted from the library as an unused upload.
        await page.Locator($"li[data-media='{field}']").GetByRole(AriaRole.Button, new() { Name = "Lepas dari naskah" }).ClickAsync();
        Assert.Contains("Foto dilepas dari naskah", await page.Locator(".flash").InnerTextAsync(), StringComparison.Ordinal);
        await page.GotoAsync("/admin/media?q=Sukamaju");
        var unused = page.Locator($"li.media-card[data-media='{field}']");
        Assert.DoesNotContain("Dipakai di", await unused.InnerTextAsync(), StringComparison.Ordinal);
        await unused.GetByRole(AriaRole.Button, new() { Name = "Hapus berkas" }).ClickAsync();
        Assert.Contains("Berkas dihapus", await page.Locator(".flash").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator($"li.media-card[data-media='{field}']").CountAsync());
    }
}
