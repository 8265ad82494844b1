using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Diskominfo.Newsroom.FakeGraph;

namespace Diskominfo.Newsroom.FunctionalTests;

/// <summary>The clipping and adventorial flows of the SOPs, end to end through the API.</summary>
public sealed class FlowTests
{
    [Fact]
    public async Task Clipping_ReceivedSelectedInitialledSigned_IsArchivedAndNeverPosted()
    {
        await using var database = await TestDatabase.SqliteAsync();
        await using var graph = await FakeGraphServer.StartAsync();
        await using var app = await NewsroomApp.StartAsync(database, graph);
        using var officer = await app.LoginAsync("reporter");
        using var anonymous = app.CreateClient();

        var invalid = await officer.PostAsJsonAsync("/api/v1/items", new { type = "clipping", title = "Kliping", mediaType = "radio", tone = "senang" });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var problem = await invalid.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("koran, majalah, tabloid", problem.GetProperty("errors").GetProperty("mediaType")[0].GetString(), StringComparison.Ordinal);
        Assert.True(problem.GetProperty("errors").TryGetProperty("outlet", out _));
        Assert.True(problem.GetProperty("errors").TryGetProperty("editionDate", out _));

        var created = await officer.PostAsJsonAsync("/api/v1/items", new
        {
            type = "clipping",
            title = "Pembangunan Jembatan Raya diapresiasi warga",
            outlet = "Harian Suara Raya",
            mediaType = "koran",
            editionDate = "2026-11-21",
            page = "5",
            headline = "Warga Apresiasi Jembatan Raya",
            text = "Warga dua kecamatan menyambut baik pembangunan jembatan.",
            tone = "positif",
            topics = (string[])["infrastruktur", "jembatan"],
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.Created, (await Api.UploadAsync(officer, id, Api.Jpeg(1200, 1700), "halaman-5.jpg", "Halaman 5")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Api.ActAsync(officer, id, "submit")).StatusCode);
        await Api.SignAsync(app, id);

        var item = await Api.WaitForStatusAsync(officer, id, "archived");
        Assert.Empty(item.GetProperty("publications").EnumerateArray());
        Assert.Empty(graph.FacebookPosts);
        Assert.Empty(graph.InstagramMedia);
        Assert.Equal(JsonValueKind.Null, item.GetProperty("slug").ValueKind);
        Assert.Equal("Harian Suara Raya", item.GetProperty("clipping").GetProperty("outlet").GetString());
        Assert.Equal(["created", "submitted", "approved", "approved", "signed", "archived"],
            item.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("action").GetString()));
        Assert.NotEqual(JsonValueKind.Null, item.GetProperty("archive").ValueKind);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/v1/items/{id}")).StatusCode);
        Assert.DoesNotContain("Jembatan Raya diapresiasi", await anonymous.GetStringAsync("/"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Adventorial_PreparedByKasiCheckedByKabidSignedByKadis_IsPublishedLabelledAndArchived()
    {
        await using var database = await TestDatabase.SqliteAsync();
        await using var graph = await FakeGraphServer.StartAsync();
        await using var app = await NewsroomApp.StartAsync(database, graph);
        using var kasi = await app.LoginAsync("kasi");
        using var kabid = await app.LoginAsync("kabid");
        using var kadis = await app.LoginAsync("kadis");
        using var anonymous = app.CreateClient();

        var negative = await kasi.PostAsJsonAsync("/api/v1/items", new
        {
            type = "adventorial", title = "x", lead = "y", body = "z", category = "pembangunan", outlet = "Tabloid Raya", cost = -5,
        });
        Assert.Equal(HttpStatusCode.BadRequest, negative.StatusCode);
        Assert.Contains("negatif", await negative.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var created = await kasi.PostAsJsonAsync("/api/v1/items", new
        {
            type = "adventorial",
            title = "Program Jalan Mulus Kabupaten Raya",
            lead = "Pemerintah Kabupaten Raya menuntaskan perbaikan 40 kilometer jalan.",
            body = "Program ini dibiayai APBD 2026.",
            category = "pembangunan",
            outlet = "Majalah Pembangunan",
            cost = 7_500_000m,
            budgetLine = "2.16.2.21.01.0001",
            hspkReference = "HSPK 2026 butir 7.3",
            contractNumber = "027/45/DISKOMINFO/2026",
            publicationDate = "2026-11-25",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.Created, (await Api.UploadAsync(kasi, id, Api.Jpeg(1600, 1000), "adventorial.jpg", "Jalan yang diperbaiki")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Api.ActAsync(kasi, id, "submit")).StatusCode);

        // SOP Adventorial: the Kabid checks (and may return), then the Kadis signs; no Kasi step after the PPTK.
        Assert.Equal(HttpStatusCode.Forbidden, (await Api.ActAsync(kadis, id, "approve")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Api.ActAsync(kabid, id, "return", "Lampirkan nomor kontrak yang benar.")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Api.ActAsync(kasi, id, "submit")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Api.ActAsync(kabid, id, "approve")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Api.ActAsync(kadis, id, "approve")).StatusCode);

        var item = await Api.WaitForStatusAsync(kasi, id, "archived");
        Assert.Equal(["kabid", "kadis"], item.GetProperty("history").EnumerateArray()
            .Where(h => h.GetProperty("action").GetString() is "approved" or "signed").Select(h => h.GetProperty("role").GetString()));
        Assert.All(item.GetProperty("publications").EnumerateArray(), p => Assert.Equal("published", p.GetProperty("status").GetString()));
        Assert.Single(graph.FacebookPosts);
        Assert.Single(graph.InstagramMedia);
        Assert.Equal(7_500_000m, item.GetProperty("adventorial").GetProperty("cost").GetDecimal());

        var page = await anonymous.GetStringAsync($"/berita/{item.GetProperty("slug").GetString()}");
        Assert.Contains("class=\"label-paid\">Adventorial</p>", page, StringComparison.Ordinal);
        Assert.Contains("Program Jalan Mulus", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Adventorial_OrderedByKadis_AssignedByKabidToAKasi_PreparedByThePptk_ThenSigned()
    {
        await using var database = await TestDatabase.SqliteAsync();
        await using var app = await NewsroomApp.StartAsync(database);
        using var reporter = await app.LoginAsync("reporter");
        using var kasi = await app.LoginAsync("kasi");
        using var kabid = await app.LoginAsync("kabid");
        using var kadis = await app.LoginAsync("kadis");
        var kasiId = (await Api.GetAsync(kasi, await Api.CreatePressReleaseAsync(kasi))).GetProperty("owner").GetString();
        var reporterId = (await Api.GetAsync(reporter, await Api.CreatePressReleaseAsync(reporter))).GetProperty("owner").GetString();

        var noNote = await kadis.PostAsJsonAsync("/api/v1/items", new { type = "adventorial", title = "Jalan Mulus", outlet = "Majalah Pembangunan" });
        Assert.Equal(HttpStatusCode.BadRequest, noNote.StatusCode);
        Assert.Contains("Catatan pesanan", await noNote.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var ordered = await kadis.PostAsJsonAsync("/api/v1/items", new
        {
            type = "adventorial", title = "Program Jalan Mulus", outlet = "Majalah Pembangunan",
            orderNote = "Muat capaian perbaikan jalan 2026, tayang akhir November.",
        });
        Assert.Equal(HttpStatusCode.Created, ordered.StatusCode);
        var id = (await ordered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.Equal("ordered", (await Api.GetAsync(kadis, id)).GetProperty("status").GetString());

        // It waits for the Kabid; nobody writes it before a PPTK is assigned.
        var kabidDesk = await kabid.GetFromJsonAsync<JsonElement>("/api/v1/desk");
        Assert.Contains(kabidDesk.EnumerateArray(), row => row.GetProperty("id").GetGuid() == id && row.GetProperty("standardMinutes").GetInt32() == 10);
        Assert.Equal(HttpStatusCode.Conflict, (await kasi.PutAsJsonAsync($"/api/v1/items/{id}", Article)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await Api.ActAsync(kadis, id, "submit")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await kasi.PostAsJsonAsync($"/api/v1/items/{id}/assign", new { userId = kasiId })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await kabid.PostAsJsonAsync($"/api/v1/items/{id}/assign", new { userId = reporterId })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await kabid.PostAsJsonAsync($"/api/v1/items/{id}/assign", new { userId = kasiId, note = "Koordinasikan dengan Dinas PU." })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await kabid.PostAsJsonAsync($"/api/v1/items/{id}/assign", new { userId = kasiId })).StatusCode);

        // The PPTK finds it on his desk and in his inbox; an incomplete file cannot be submitted.
        Assert.Contains((await kasi.GetFromJsonAsync<JsonElement>("/api/v1/desk")).EnumerateArray(), row => row.GetProperty("id").GetGuid() == id);
        Assert.Contains((await kasi.GetFromJsonAsync<JsonElement>("/api/v1/inbox")).EnumerateArray(),
            n => n.GetProperty("message").GetString()!.Contains("sebagai PPTK", StringComparison.Ordinal));
        var incomplete = await Api.ActAsync(kasi, id, "submit");
        Assert.Equal(HttpStatusCode.BadRequest, incomplete.StatusCode);
        Assert.Contains("lead", await incomplete.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await kasi.PutAsJsonAsync($"/api/v1/items/{id}", Article)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Api.ActAsync(kasi, id, "submit")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Api.ActAsync(kabid, id, "approve")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Api.ActAsync(kadis, id, "approve")).StatusCode);

        var item = await Api.WaitForStatusAsync(kadis, id, "archived");
        Assert.Equal(["ordered", "assigned", "submitted", "approved", "signed", "published", "archived"],
            item.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("action").GetString()));
        var assigned = item.GetProperty("history")[1];
        Assert.Equal("kabid", assigned.GetProperty("role").GetString());
        Assert.Contains("Budi Kepala Seksi", assigned.GetProperty("note").GetString(), StringComparison.Ordinal);

        var report = await kadis.GetFromJsonAsync<JsonElement>("/api/v1/reports/service-times");
        Assert.Contains(report.GetProperty("steps").EnumerateArray(),
            s => s.GetProperty("contentType").GetString() == "adventorial" && s.GetProperty("step").GetString() == "assign" && s.GetProperty("count").GetInt32() == 1);
    }

    private static readonly object Article = new
    {
        type = "adventorial",
        title = "Program Jalan Mulus Kabupaten Raya",
        lead = "Pemerintah Kabupaten Raya menuntaskan perbaikan 40 kilometer jalan.",
        body = "Program ini dibiayai APBD 2026.",
        category = "pembangunan",
        outlet = "Majalah Pembangunan",
        cost = 7_500_000m,
        contractNumber = "027/45/DISKOMINFO/2026",
    };

    [Fact]
    public async Task Clippings_GroupedByMediaType_AndTheKasiSetsAsideThoseNotSelected()
    {
        await using var database = await TestDatabase.SqliteAsync();
        await using var app = await NewsroomApp.StartAsync(database, runJobs: false);
        using var officer = await app.LoginAsync("reporter");
        using var kasi = await app.LoginAsync("kasi");
        using var kabid = await app.LoginAsync("kabid");

        async Task<Guid> ClippingAsync(string title, string outlet, string mediaType, string editionDate)
        {
            var response = await officer.PostAsJsonAsync("/api/v1/items", new { type = "clipping", title, outlet, mediaType, editionDate, tone = "netral" });
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
            Assert.Equal(HttpStatusCode.OK, (await Api.ActAsync(officer, id, "submit")).StatusCode);
            return id;
        }

        var selected = await ClippingAsync("Jembatan Raya di Harian Suara", "Harian Suara Raya", "koran", "2026-11-21");
        var notSelected = await ClippingAsync("Iklan baris yang menyebut kabupaten", "Pos Raya", "koran", "2026-11-22");
        await ClippingAsync("Wisata Danau Raya di Majalah Jelajah", "Majalah Jelajah", "majalah", "2026-11-02");
        await ClippingAsync("Berita bulan lalu", "Tabloid Raya", "tabloid", "2026-10-30");
        var release = await Api.CreatePressReleaseAsync(officer);
        await Api.ActAsync(officer, release, "submit");

        Assert.Equal(HttpStatusCode.BadRequest, (await Api.ActAsync(kasi, notSelected, "reject")).StatusCode); // a reason is required
        Assert.Equal(HttpStatusCode.Forbidden, (await Api.ActAsync(kabid, notSelected, "reject", "Bukan berita.")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await Api.ActAsync(kasi, release, "reject", "Tidak.")).StatusCode); // copy is returned, not rejected
        Assert.Equal(HttpStatusCode.OK, (await Api.ActAsync(kasi, notSelected, "reject", "Iklan, bukan pemberitaan.")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Api.ActAsync(kasi, selected, "approve")).StatusCode);
        var rejected = await Api.GetAsync(officer, notSelected);
        Assert.Equal("rejected", rejected.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await Api.ActAsync(kabid, notSelected, "approve")).StatusCode);
        Assert.DoesNotContain((await kabid.GetFromJsonAsync<JsonElement>("/api/v1/desk")).EnumerateArray(), r => r.GetProperty("id").GetGuid() == notSelected);

        using var desk = await app.SignInAsync("kasi");
        var page = await desk.Http.GetStringAsync("/admin/kliping?Bulan=2026-11");
        Assert.Contains("Kliping November 2026", page, StringComparison.Ordinal);
        Assert.Contains("Koran (2)", page, StringComparison.Ordinal);
        Assert.Contains("Majalah (1)", page, StringComparison.Ordinal);
        Assert.Contains("Tabloid (0)", page, StringComparison.Ordinal);
        Assert.Contains("data-status=\"rejected\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Berita bulan lalu", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await desk.Http.GetAsync("/admin/kliping?Bulan=November")).StatusCode);
    }
}
