using Diskominfo.Newsroom.FakeGraph;
using Microsoft.Playwright;

namespace Diskominfo.Newsroom.FunctionalTests;

/// <summary>The social channels in a real browser: the admin connects them, the operator adjusts a caption.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SocialBrowserTests
{
    [Fact]
    public async Task AdminConnectsChannelsInTheBrowser_OperatorAdjustsTheInstagramCaption_ThePostCarriesIt()
    {
        await using var browser = await Browser.LaunchAsync();
        await using var database = await TestDatabase.SqliteAsync();
        await using var graph = await FakeGraphServer.StartAsync();
        graph.TokenExpiresAt = DateTimeOffset.UtcNow.AddDays(40).AddHours(1);

        // No channel in configuration: the admin connects both in the admin UI.
        await using var app = await NewsroomApp.StartAsync(database, kestrel: true);
        var admin = await browser.SignInAsync(app, "admin");
        await admin.GetByRole(AriaRole.Link, new() { Name = "Kanal media sosial" }).ClickAsync();
        var facebook = admin.Locator("section.channel-facebook");
        Assert.Contains("Belum disambungkan", await facebook.InnerTextAsync(), StringComparison.Ordinal);

        // Bad input: each field says what is wrong, in Indonesian, and what was typed stays.
        await facebook.GetByLabel("ID Halaman Facebook").FillAsync("halaman kami");
        await facebook.GetByLabel("Token akses").FillAsync("abc");
        await facebook.GetByLabel("Alamat Graph API").FillAsync("graph.facebook.com");
        await facebook.GetByRole(AriaRole.Button, new() { Name = "Simpan dan uji" }).ClickAsync();
        facebook = admin.Locator("section.channel-facebook");
        var errors = await facebook.Locator(".field-error").AllInnerTextsAsync();
        Assert.Contains(errors, e => e.Contains("berupa angka", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("token Meta", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("versinya", StringComparison.Ordinal));
        Assert.Equal("halaman kami", await facebook.GetByLabel("ID Halaman Facebook").InputValueAsync());

        await ConnectAsync(admin, "facebook", "ID Halaman Facebook", graph.PageId, graph);
        await ConnectAsync(admin, "instagram", "ID akun Instagram profesional", graph.InstagramAccountId, graph);
        facebook = admin.Locator("section.channel-facebook");
        Assert.Equal("connected", await facebook.GetAttributeAsync("data-status"));
        var shown = await facebook.InnerTextAsync();
        Assert.Contains(graph.PageName, shown, StringComparison.Ordinal);
        Assert.Contains("••••" + graph.Token[^4..], shown, StringComparison.Ordinal);
        Assert.Contains("(40 hari lagi)", shown, StringComparison.Ordinal);
        Assert.DoesNotContain(graph.Token, await admin.ContentAsync(), StringComparison.Ordinal);
        Assert.Equal(string.Empty, await facebook.GetByLabel("Token akses").InputValueAsync());
        Assert.Equal("connected", await admin.Locator("section.channel-instagram").GetAttributeAsync("data-status"));
        Assert.Contains(graph.InstagramUsername, await admin.Locator("section.channel-instagram").InnerTextAsync(), StringComparison.Ordinal);

        // The operator opens the captions from the item page and tries too many hashtags for Instagram.
        using var reporter = await app.LoginAsync("reporter");
        var id = await Api.CreatePressReleaseAsync(reporter, title: "Festival Budaya Raya");
        Assert.Equal(System.Net.HttpStatusCode.Created, (await Api.UploadAsync(reporter, id, Api.Jpeg(1200, 1200), "festival.jpg", caption: "Penari membuka festival")).StatusCode);
        var desk = await browser.SignInAsync(app, "operator");
        await desk.GotoAsync($"/admin/naskah/{id}");
        await desk.GetByRole(AriaRole.Link, new() { Name = "Pratinjau dan sesuaikan takarir media sosial" }).ClickAsync();
        await desk.WaitForURLAsync($"**/admin/naskah/{id}/takarir");
        var instagram = desk.Locator("section.caption-instagram");
        Assert.Contains("{tautan}", await instagram.GetByLabel("Takarir Instagram").InputValueAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await instagram.Locator(".caption-photos img[alt='Penari membuka festival']").CountAsync());

        var tooMany = "Festival {tautan} " + string.Join(' ', Enumerable.Range(1, 31).Select(i => $"#tagar{i}"));
        await instagram.GetByLabel("Takarir Instagram").FillAsync(tooMany);
        await instagram.GetByRole(AriaRole.Button, new() { Name = "Simpan takarir" }).ClickAsync();
        Assert.Contains("paling banyak 30 tagar", await desk.GetByRole(AriaRole.Alert).InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(tooMany, await desk.Locator("section.caption-instagram").GetByLabel("Takarir Instagram").InputValueAsync());

        const string Own = "Saksikan Festival Budaya Raya akhir pekan ini! Tautan di bio: {tautan} #festivalraya";
        instagram = desk.Locator("section.caption-instagram");
        await instagram.GetByLabel("Takarir Instagram").FillAsync(Own);
        await instagram.GetByRole(AriaRole.Button, new() { Name = "Simpan takarir" }).ClickAsync();
        Assert.Contains("Takarir disimpan", await desk.Locator(".flash").InnerTextAsync(), StringComparison.Ordinal);
        instagram = desk.Locator("section.caption-instagram");
        Assert.Contains("Takarir disesuaikan oleh", await instagram.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("/ 2200 karakter · 1 tagar · 0 sebutan", await instagram.Locator(".caption-counts").InnerTextAsync(), StringComparison.Ordinal);

        // Signed: the Instagram post carries the operator's caption with the article's address, Facebook the automatic one.
        Assert.Equal(System.Net.HttpStatusCode.OK, (await Api.ActAsync(reporter, id, "submit")).StatusCode);
        await Api.SignAsync(app, id);
        var item = await Api.WaitForStatusAsync(reporter, id, "archived");
        var url = Publications.Of(item, "website").GetProperty("url").GetString();
        Assert.Equal(Own.Replace("{tautan}", url, StringComparison.Ordinal), graph.InstagramMedia.Values.Single());
        Assert.Contains(url!, graph.FacebookPosts.Values.Single().Message, StringComparison.Ordinal);

        // Once out, the caption is shown, no longer offered for editing.
        await desk.ReloadAsync();
        Assert.Equal(0, await desk.Locator("section.caption-instagram textarea").CountAsync());
        Assert.Contains("#festivalraya", await desk.Locator("section.caption-instagram .caption-text").InnerTextAsync(), StringComparison.Ordinal);
    }

    private static async Task ConnectAsync(IPage admin, string channel, string idLabel, string targetId, FakeGraphServer graph)
    {
        var section = admin.Locator($"section.channel-{channel}");
        await section.GetByLabel(idLabel).FillAsync(targetId);
        await section.GetByLabel("Token akses").FillAsync(graph.Token);
        await section.GetByLabel("Alamat Graph API").FillAsync(graph.BaseUrl);
        await section.GetByRole(AriaRole.Button, new() { Name = "Simpan dan uji" }).ClickAsync();
        var flash = await admin.Locator(".flash").InnerTextAsync();
        Assert.Contains("disimpan. Tersambung", flash, StringComparison.Ordinal);
    }
}
