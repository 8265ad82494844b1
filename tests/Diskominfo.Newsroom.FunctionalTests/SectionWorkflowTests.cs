using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Diskominfo.Newsroom.FunctionalTests;

/// <summary>
/// The approval chain follows the office's structure: an item belongs to a seksi, its Kasi step goes to the Kasi of that
/// seksi, its Kabid step to the Kabid of that bidang; nobody approves what they wrote; one person takes one step; a Plh/Plt
/// acts for the holder within the letter's dates and the trail says so in its legal form.
/// The demo office: reporter, reporter2 and kasi in Seksi Pengelolaan Media dan Penyiaran; reporter3 and kasi2 in Seksi
/// Layanan Informasi dan Komunikasi Publik; kabid heads Bidang Informasi dan Komunikasi Publik over both.
/// </summary>
public sealed class SectionWorkflowTests
{
    public static TheoryData<string> Providers() => new("Sqlite", "Postgres");

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task KasiStep_OfAnotherSeksisItem_IsRefused_AndReachesOnlyTheCoveringKasi(string provider)
    {
        await using var database = provider == "Sqlite" ? await TestDatabase.SqliteAsync() : await TestDatabase.PostgresAsync();
        await using var app = await NewsroomApp.StartAsync(database, runJobs: false);
        using var reporter3 = await app.LoginAsync("reporter3");
        using var kasi = await app.LoginAsync("kasi");
        using var kasi2 = await app.LoginAsync("kasi2");
        using var kabid = await app.LoginAsync("kabid");
        using var kadis = await app.LoginAsync("kadis");

        var id = await Api.CreatePressReleaseAsync(reporter3, "Layanan Aduan Warga Dibuka");
        var item = await Api.GetAsync(reporter3, id);
        Assert.Equal(Office.SeksiKomunikasi, item.GetProperty("section").GetGuid());
        Assert.Equal("Layanan Informasi dan Komunikasi Publik", item.GetProperty("sectionName").GetString());
        Assert.Equal(HttpStatusCode.OK, (await Api.ActAsync(reporter3, id, "submit")).StatusCode);

        // The Kasi of the other seksi neither sees it on his desk nor is told, and may not act on it.
        Assert.False((await Office.DeskAsync(kasi)).Lists(id));
        Assert.Empty((await kasi.GetFromJsonAsync<JsonElement>("/api/v1/inbox")).EnumerateArray());
        var refused = await Api.ActAsync(kasi, id, "approve");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("Layanan Informasi dan Komunikasi Publik", await Office.DetailAsync(refused), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await Api.ActAsync(kasi, id, "return", "Bukan seksi saya.")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await kasi.PutAsJsonAsync($"/api/v1/items/{id}", new { title = "Diubah", lead = "L.", body = "B.", category = "umum" })).StatusCode);

        // Its own Kasi does, then the Kabid over both seksi, then the Kadis.
        Assert.True((await Office.DeskAsync(kasi2)).Lists(id));
        Assert.Single((await kasi2.GetFromJsonAsync<JsonElement>("/api/v1/inbox")).EnumerateArray());
        Assert.Equal(HttpStatusCode.OK, (await Api.ActAsync(kasi2, id, "approve")).StatusCode);
        Assert.True((await Office.DeskAsync(kabid)).Lists(id));
        Assert.Equal(HttpStatusCode.OK, (await Api.ActAsync(kabid, id, "approve")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Api.ActAsync(kadis, id, "approve")).StatusCode);

        item = await Api.GetAsync(kadis, id);
        Assert.Equal("signed", item.GetProperty("status").GetString());
        var approvals = item.GetProperty("history").EnumerateArray().Where(h => h.GetProperty("action").GetString() is "approved" or "signed").ToList();
        Assert.Equal([Office.KasiKomunikasiTitle, Office.KabidTitle, Office.KadisTitle], approvals.Select(Office.ActingAs));
        Assert.True((await kadis.GetFromJsonAsync<JsonElement>($"/api/v1/items/{id}/history/verify")).GetProperty("intact").GetBoolean());
    }

    [Fact]
    public async Task Writer_MayNotApproveOwnItem_APlhOfHisPostMay_AndTheTrailNamesTheLetter()
    {
        await using var database = await TestDatabase.SqliteAsync();
        await using var app = await NewsroomApp.StartAsync(database, runJobs: false);
        using var kasi = await app.LoginAsync("kasi");
        using var kasi2 = await app.LoginAsync("kasi2");
        using var kadis = await app.LoginAsync("kadis");

        var id = await Api.CreatePressReleaseAsync(kasi, "Kasi Menulis Sendiri");
        Assert.Equal(HttpStatusCode.OK, (await Api.ActAsync(kasi, id, "submit")).StatusCode);
        var own = await Api.ActAsync(kasi, id, "approve");
        Assert.Equal(HttpStatusCode.Forbidden, own.StatusCode);
        Assert.Contains("Anda menulis naskah ini", await Office.DetailAsync(own), StringComparison.Ordinal);
        Assert.False((await Office.DeskAsync(kasi)).Lists(id));
        Assert.Equal(HttpStatusCode.Forbidden, (await Api.ActAsync(kasi2, id, "approve")).StatusCode); // another seksi

        // The Kadis appoints the other Kasi as Plh of this seksi's Kasi for three days.
        var kasi2Id = await Office.UserIdAsync(app, "kasi2");
        await Office.AppointAsync(kadis, "kasi", Office.SeksiMedia, kasi2Id, Office.Today(), Office.Today().AddDays(2), "800/123/DISKOMINFO/2026");
        var desk = await Office.DeskAsync(kasi2);
        var row = desk.Single(r => r.GetProperty("id").GetGuid() == id);
        Assert.Equal("Plh. " + Office.KasiMediaTitle, row.GetProperty("actingAs").GetString());
        Assert.Equal(HttpStatusCode.OK, (await Api.ActAsync(kasi2, id, "approve", "Diparaf oleh Plh.")).StatusCode);

        var entry = Office.Entry(await Api.GetAsync(kadis, id), "approved");
        Assert.Equal("Plh. " + Office.KasiMediaTitle, Office.ActingAs(entry));
        Assert.Equal("800/123/DISKOMINFO/2026", entry.GetProperty("reference").GetString());
        Assert.Equal(kasi2Id, entry.GetProperty("actor").GetString());

        // The post and the letter are part of the signed trail: changing them behind the application's back shows.
        var verify = await kadis.GetFromJsonAsync<JsonElement>($"/api/v1/items/{id}/history/verify");
        Assert.True(verify.GetProperty("intact").GetBoolean());
        await HistoryGuards.DropAsync(database, app);
        await database.ExecuteAsync(app, "UPDATE editorial_history SET \"Reference\" = '800/999/PALSU' WHERE \"Reference\" = '800/123/DISKOMINFO/2026'");
        verify = await kadis.GetFromJsonAsync<JsonElement>($"/api/v1/items/{id}/history/verify");
        Assert.False(verify.GetProperty("intact").GetBoolean());
    }

    [Fact]
    public async Task PlhOfTheKadis_ActsOnlyWithinTheLettersDates_AndTheHolderStillMay()
    {
        var clock = new TestClock(new DateTimeOffset(2026, 12, 3, 2, 0, 0, TimeSpan.Zero)); // Thursday 3 December, 09.00 WIB
        await using var database = await TestDatabase.SqliteAsync();
        await using var app = await NewsroomApp.StartAsync(database, runJobs: false, clock: clock);
        using var reporter = await app.LoginAsync("reporter");
        using var kasi = await app.LoginAsync("kasi");
        using var kabid = await app.LoginAsync("kabid");
        using var kasi2 = await app.LoginAsync("kasi2");
        using var kadis = await app.LoginAsync("kadis");

        async Task<Guid> AtKadisAsync(string title)
        {
            var id = await Api.CreatePressReleaseAsync(reporter, title);
            Assert.Equal(HttpStatusCode.OK, (await Api.ActAsync(reporter, id, "submit")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await Api.ActAsync(kasi, id, "approve")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await Api.ActAsync(kabid, id, "approve")).StatusCode);
            return id;
        }

        var kasi2Id = await Office.UserIdAsync(app, "kasi2");
        await Office.AppointAsync(kadis, "kadis", null, kasi2Id, new DateOnly(2026, 12, 4), new DateOnly(2026, 12, 5), "800/45/2026");
        var first = await AtKadisAsync("Bupati Lantik Pejabat Baru");

        // Before the letter's first day: refused with the dates, and not on his desk.
        var early = await Api.ActAsync(kasi2, first, "approve");
        Assert.Equal(HttpStatusCode.Forbidden, early.StatusCode);
        Assert.Contains("berlaku", await Office.DetailAsync(early), StringComparison.Ordinal);
        Assert.False((await Office.DeskAsync(kasi2)).Lists(first));

        // Within the dates he signs, as Plh.
        clock.Advance(TimeSpan.FromDays(1));
        Assert.True((await Office.DeskAsync(kasi2)).Lists(first));
        Assert.Equal(HttpStatusCode.OK, (await Api.ActAsync(kasi2, first, "approve")).StatusCode);
        var signed = Office.Entry(await Api.GetAsync(kadis, first), "signed");
        Assert.Equal("Plh. " + Office.KadisTitle, Office.ActingAs(signed));
        Assert.Equal("800/45/2026", signed.GetProperty("reference").GetString());

        // The holder may still act while a Plh is appointed.
        var second = await AtKadisAsync("Rapat Koordinasi Camat");
        Assert.Equal(HttpStatusCode.OK, (await Api.ActAsync(kadis, second, "approve")).StatusCode);
        Assert.Equal(Office.KadisTitle, Office.ActingAs(Office.Entry(await Api.GetAsync(kadis, second), "signed")));

        // After the last day: refused again.
        clock.Advance(TimeSpan.FromDays(2));
        var third = await AtKadisAsync("Pekan Olahraga Pelajar");
        var late = await Api.ActAsync(kasi2, third, "approve");
        Assert.Equal(HttpStatusCode.Forbidden, late.StatusCode);
        Assert.Contains("berlaku", await Office.DetailAsync(late), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PersonWithTwoRoles_TakesOneStep_AndIsAskedOnce()
    {
        await using var database = await TestDatabase.SqliteAsync();
        await using var app = await NewsroomApp.StartAsync(database, runJobs: false);
        using var reporter = await app.LoginAsync("reporter");
        using var kabid = await app.LoginAsync("kabid");
        var (_, both) = await Office.CreateAccountAsync(app, "rangkap", "Rudi Rangkap Jabatan", ["kasi", "kabid"], Office.SeksiMedia);
        using (both)
        {
            var id = await Api.CreatePressReleaseAsync(reporter, "Pasar Murah Ramadan");
            Assert.Equal(HttpStatusCode.OK, (await Api.ActAsync(reporter, id, "submit")).StatusCode);
            Assert.True((await Office.DeskAsync(both)).Lists(id));
            Assert.Equal(HttpStatusCode.OK, (await Api.ActAsync(both, id, "approve")).StatusCode);

            // The Kabid step: not his to take, not on his desk, and he is not asked again.
            Assert.False((await Office.DeskAsync(both)).Lists(id));
            var second = await Api.ActAsync(both, id, "approve");
            Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
            Assert.Contains("satu langkah", await Office.DetailAsync(second), StringComparison.Ordinal);
            Assert.Single((await both.GetFromJsonAsync<JsonElement>("/api/v1/inbox")).EnumerateArray());
            Assert.Single((await kabid.GetFromJsonAsync<JsonElement>("/api/v1/inbox")).EnumerateArray());
            Assert.Equal(HttpStatusCode.OK, (await Api.ActAsync(kabid, id, "approve")).StatusCode);
        }
    }

    [Fact]
    public async Task Kadis_WritingAnItem_ChoosesItsSeksi_AndItsSignatureWaitsForAPlh_WhoseNameIsOnTheArchiveSheet()
    {
        await using var database = await TestDatabase.SqliteAsync();
        await using var app = await NewsroomApp.StartAsync(database);
        using var kadis = await app.LoginAsync("kadis");
        using var kasi = await app.LoginAsync("kasi");
        using var kabid = await app.LoginAsync("kabid");
        using var kasi2 = await app.LoginAsync("kasi2");

        var noSection = await kadis.PostAsJsonAsync("/api/v1/items", new { type = "press-release", title = "Sambutan Kadis", lead = "Teras.", body = "Isi.", category = "pemerintahan" });
        Assert.Equal(HttpStatusCode.BadRequest, noSection.StatusCode);
        Assert.True((await noSection.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("section", out _));

        var created = await kadis.PostAsJsonAsync("/api/v1/items", new
        {
            type = "press-release", title = "Sambutan Kadis pada Hari Pers", lead = "Kadis memberi sambutan.", body = "Isi sambutan.", category = "pemerintahan",
            section = Office.SeksiMedia,
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await Api.ActAsync(kadis, id, "submit")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Api.ActAsync(kasi, id, "approve")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Api.ActAsync(kabid, id, "approve")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Api.ActAsync(kadis, id, "approve")).StatusCode);

        using var admin = await app.LoginAsync("admin");
        await Office.AppointAsync(admin, "kadis", null, await Office.UserIdAsync(app, "kasi2"), Office.Today(), Office.Today(), "800/7/2026", kind: "plt");
        Assert.Equal(HttpStatusCode.OK, (await Api.ActAsync(kasi2, id, "approve")).StatusCode);
        var item = await Api.WaitForStatusAsync(kadis, id, "archived");
        Assert.Equal("Plt. " + Office.KadisTitle, Office.ActingAs(Office.Entry(item, "signed")));

        var pdf = await (await kadis.GetAsync($"/api/v1/items/{id}/archive-sheet.pdf")).Content.ReadAsByteArrayAsync();
        var text = (await ArchiveSheetTests.PdfTextAsync(pdf)).Replace("\n", " ", StringComparison.Ordinal);
        Assert.Contains("Plt. Kepala Dinas Komunikasi dan Informatika, surat 800/7/2026", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ItemFromBeforeTheOfficesStructure_KeepsWorking_ForAnyHolderOfTheRole()
    {
        await using var database = await TestDatabase.SqliteAsync();
        await using var app = await NewsroomApp.StartAsync(database, runJobs: false);
        using var reporter = await app.LoginAsync("reporter");
        using var kasi2 = await app.LoginAsync("kasi2");

        var id = await Api.CreatePressReleaseAsync(reporter, "Naskah Lama");
        Assert.Equal(HttpStatusCode.OK, (await Api.ActAsync(reporter, id, "submit")).StatusCode);
        await database.ExecuteAsync(app, $"UPDATE editorial_workflows SET \"SectionId\" = NULL WHERE \"ItemId\" = {database.Literal(id)}");
        await database.ExecuteAsync(app, $"UPDATE content_items SET \"SectionId\" = NULL WHERE \"Id\" = {database.Literal(id)}");

        Assert.True((await Office.DeskAsync(kasi2)).Lists(id));
        Assert.Equal(HttpStatusCode.OK, (await Api.ActAsync(kasi2, id, "approve")).StatusCode);
    }
}
