using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Diskominfo.Newsroom.FunctionalTests;

public sealed class ApprovalRulesTests
{
    [Fact]
    public async Task Approve_WrongRoleOrSkippedStep_IsRefused()
    {
        await using var database = await TestDatabase.SqliteAsync();
        await using var app = await NewsroomApp.StartAsync(database);
        using var reporter = await app.LoginAsync("reporter");
        using var kasi = await app.LoginAsync("kasi");
        using var kabid = await app.LoginAsync("kabid");
        var id = await Api.CreatePressReleaseAsync(reporter);

        Assert.Equal(HttpStatusCode.Conflict, (await Api.ActAsync(kasi, id, "approve")).StatusCode); // still a draft
        Assert.Equal(HttpStatusCode.Forbidden, (await Api.ActAsync(kasi, id, "submit")).StatusCode); // not the author
        await Api.ActAsync(reporter, id, "submit");
        Assert.Equal(HttpStatusCode.Forbidden, (await Api.ActAsync(reporter, id, "approve")).StatusCode);
        var skipped = await Api.ActAsync(kabid, id, "approve");
        Assert.Equal(HttpStatusCode.Forbidden, skipped.StatusCode);
        Assert.Contains("Kepala Seksi", await skipped.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await Api.ActAsync(kasi, id, "approve")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await Api.ActAsync(kasi, id, "approve")).StatusCode); // not twice
        Assert.Equal("kasi_approved", (await Api.GetAsync(reporter, id)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Return_ThenResubmit_StartsAgainAtKasiWithTheNote()
    {
        await using var database = await TestDatabase.SqliteAsync();
        await using var app = await NewsroomApp.StartAsync(database);
        using (var admin = await app.LoginAsync("admin"))
        {
            // Not the SOPs' default (back to the step before, see ReturnToPreviousTests): every return goes to the writer.
            Assert.Equal(HttpStatusCode.NoContent, (await admin.PutAsJsonAsync("/api/v1/settings/editorial/returns/press-release", new { returnTo = "writer" })).StatusCode);
        }

        var (reporter, kasi, kabid, id) = await KasiApprovedAsync(app);

        var noNote = await Api.ActAsync(kabid, id, "return");
        Assert.Equal(HttpStatusCode.BadRequest, noNote.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Api.ActAsync(kabid, id, "return", "Lengkapi nama pejabat yang hadir.")).StatusCode);
        var returned = await Api.GetAsync(reporter, id);
        Assert.Equal("returned", returned.GetProperty("status").GetString());
        var last = returned.GetProperty("history").EnumerateArray().Last();
        Assert.Equal("returned", last.GetProperty("action").GetString());
        Assert.Equal("Lengkapi nama pejabat yang hadir.", last.GetProperty("note").GetString());

        var edit = await reporter.PutAsJsonAsync($"/api/v1/items/{id}", new
        {
            title = "Bupati Resmikan Jembatan Raya",
            lead = "Bupati dan Ketua DPRD meresmikan Jembatan Raya.",
            body = "Isi yang diperbaiki.",
            category = "pembangunan",
        });
        Assert.Equal(HttpStatusCode.OK, edit.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Api.ActAsync(reporter, id, "submit")).StatusCode);
        Assert.Equal("submitted", (await Api.GetAsync(reporter, id)).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await Api.ActAsync(kabid, id, "approve")).StatusCode);
    }

    [Fact]
    public async Task Edit_AfterKasiApproval_InvalidatesApprovalAndReturnsToKasi()
    {
        await using var database = await TestDatabase.SqliteAsync();
        await using var app = await NewsroomApp.StartAsync(database);
        var (reporter, kasi, kabid, id) = await KasiApprovedAsync(app);
        var approvedHash = (await Api.GetAsync(kasi, id)).GetProperty("contentHash").GetString();

        Assert.Equal(HttpStatusCode.Forbidden, (await reporter.PutAsJsonAsync($"/api/v1/items/{id}", new { title = "x", lead = "y", body = "z", category = "umum" })).StatusCode);
        var edit = await kabid.PutAsJsonAsync($"/api/v1/items/{id}", new
        {
            title = "Bupati Resmikan Jembatan Raya Senilai Rp 20 Miliar",
            lead = "Bupati meresmikan Jembatan Raya.",
            body = "Isi.",
            category = "pembangunan",
        });
        Assert.Equal(HttpStatusCode.OK, edit.StatusCode);

        var item = await Api.GetAsync(kasi, id);
        Assert.Equal("submitted", item.GetProperty("status").GetString());
        Assert.NotEqual(approvedHash, item.GetProperty("contentHash").GetString());
        Assert.Equal(2, item.GetProperty("version").GetInt32());
        Assert.Contains(item.GetProperty("history").EnumerateArray(), h => h.GetProperty("action").GetString() == "approvals_invalidated");
    }

    [Fact]
    public async Task Create_InvalidInput_Returns400WithIndonesianFieldErrors()
    {
        await using var database = await TestDatabase.SqliteAsync();
        await using var app = await NewsroomApp.StartAsync(database);
        using var reporter = await app.LoginAsync("reporter");
        var response = await reporter.PostAsJsonAsync("/api/v1/items", new { type = "press-release", title = "", category = "gosip" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Contains("wajib diisi", errors.GetProperty("title")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("tidak dikenal", errors.GetProperty("category")[0].GetString(), StringComparison.Ordinal);

        var badJson = await reporter.PostAsync("/api/v1/items", new StringContent("{\"type\":\"press-release\",\"eventDate\":\"kemarin\"}", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, badJson.StatusCode);
        Assert.Contains("tidak dapat dibaca", await badJson.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var anonymous = app.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/v1/items", new { type = "press-release" })).StatusCode);
    }

    /// <summary>A press release submitted by the reporter and initialled by the Kasi, with the three actors' clients.</summary>
    private static async Task<(HttpClient Reporter, HttpClient Kasi, HttpClient Kabid, Guid Id)> KasiApprovedAsync(NewsroomApp app)
    {
        var reporter = await app.LoginAsync("reporter");
        var kasi = await app.LoginAsync("kasi");
        var kabid = await app.LoginAsync("kabid");
        var id = await Api.CreatePressReleaseAsync(reporter);
        Assert.Equal(HttpStatusCode.OK, (await Api.ActAsync(reporter, id, "submit")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Api.ActAsync(kasi, id, "approve")).StatusCode);
        return (reporter, kasi, kabid, id);
    }
}
