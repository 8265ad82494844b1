using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Diskominfo.Newsroom.Abstractions.Organization;
using Diskominfo.Newsroom.Abstractions.Results;

namespace Diskominfo.Newsroom.FunctionalTests;

/// <summary>
/// Acting officials (Plh/Plt): the Kadis or an admin appoints one to a post for WIB dates by a letter; within them the
/// delegate takes the post's steps in its legal form, outside them he is refused with the dates, and a revocation takes
/// the post away at once. Own posts follow the account's roles and section: a Kasi covers his seksi, a Kabid his bidang.
/// </summary>
public sealed class DelegationTests
{
    private const string Kadis = "Kepala Dinas Komunikasi dan Informatika";

    [Fact]
    public Task Delegations_KadisAppointsListsRevokes_OthersRefused_BadInputPerField_Sqlite() => DelegationsAsync(TestDatabase.SqliteAsync);

    [Fact]
    public Task Delegations_KadisAppointsListsRevokes_OthersRefused_BadInputPerField_Postgres() => DelegationsAsync(TestDatabase.PostgresAsync);

    private static async Task DelegationsAsync(Func<Task<TestDatabase>> provider)
    {
        await using var database = await provider();
        var clock = new TestClock(Org.Wib(2026, 12, 1, 9)); // the office's day is 1 December 2026
        await using var app = await NewsroomApp.StartAsync(database, runJobs: false, clock: clock);
        await Org.PlaceDemoAsync(database, app);
        using var kadis = await app.LoginAsync("kadis");
        using var admin = await app.LoginAsync("admin");
        using var kasi = await app.LoginAsync("kasi");
        using var reporter = await app.LoginAsync("reporter");
        var kabidUser = await Org.UserAsync(app, "kabid");
        var reporter2 = await Org.UserAsync(app, "reporter2");

        // Only the Kadis or an admin appoints and revokes.
        var plhKadis = new { role = "kadis", delegateUserId = kabidUser.Id, from = "2026-12-03", to = "2026-12-05", reference = "800/45/DISKOMINFO/2026" };
        var refused = await kasi.PostAsJsonAsync("/api/v1/delegations", plhKadis);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("Hanya Kepala Dinas atau admin", await Org.DetailAsync(refused), StringComparison.Ordinal);

        var created = await kadis.PostAsJsonAsync("/api/v1/delegations", plhKadis);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var plh = await created.Content.ReadFromJsonAsync<JsonElement>();
        var plhId = plh.GetProperty("id").GetGuid();
        Assert.Equal($"/api/v1/delegations/{plhId}", created.Headers.Location?.OriginalString);
        Assert.Equal("plh", plh.GetProperty("kind").GetString());
        Assert.Equal("kadis", plh.GetProperty("role").GetString());
        Assert.Equal(JsonValueKind.Null, plh.GetProperty("scope").ValueKind);
        Assert.Equal("Sari Kepala Bidang", plh.GetProperty("delegateName").GetString());
        Assert.Equal("2026-12-03", plh.GetProperty("from").GetString());
        Assert.Equal("2026-12-05", plh.GetProperty("to").GetString());
        Assert.Equal($"Plh. {Kadis}", plh.GetProperty("title").GetString());
        Assert.Equal("Ahmad Kepala Dinas", plh.GetProperty("createdBy").GetString());
        Assert.False(plh.GetProperty("active").GetBoolean()); // not yet
        Assert.Equal(JsonValueKind.Null, plh.GetProperty("revokedAt").ValueKind);

        // An admin appoints a Plt of a seksi: kind in any case, dates given as date-times are taken at their WIB date.
        var plt = await admin.PostAsJsonAsync("/api/v1/delegations", new
        {
            kind = "PLT", role = "kasi", scope = Org.SeksiKomunikasi, delegateUserId = reporter2.Id,
            from = "2026-12-01T20:00:00Z", to = "2026-12-10T08:00:00+07:00", reference = "821/7/2026",
        });
        Assert.Equal(HttpStatusCode.Created, plt.StatusCode);
        var pltBody = await plt.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Plt. Kepala Seksi Layanan Informasi dan Komunikasi Publik", pltBody.GetProperty("title").GetString());
        Assert.Equal("Layanan Informasi dan Komunikasi Publik", pltBody.GetProperty("scopeName").GetString());
        Assert.Equal(Org.SeksiKomunikasi, pltBody.GetProperty("scope").GetGuid());
        Assert.Equal("2026-12-02", pltBody.GetProperty("from").GetString());
        Assert.Equal("2026-12-10", pltBody.GetProperty("to").GetString());

        // One acting official per post at a time.
        var clash = await admin.PostAsJsonAsync("/api/v1/delegations", plhKadis with { });
        Assert.Equal(HttpStatusCode.Conflict, clash.StatusCode);
        Assert.Contains("sudah ditunjuk sebagai Plh. Kepala Dinas", await Org.DetailAsync(clash), StringComparison.Ordinal);

        // Staff read them all; ?active=true gives those in force today (WIB).
        Assert.Equal(2, (await reporter.GetFromJsonAsync<JsonElement>("/api/v1/delegations")).GetArrayLength());
        Assert.Equal(0, (await reporter.GetFromJsonAsync<JsonElement>("/api/v1/delegations?active=true")).GetArrayLength());
        clock.Advance(TimeSpan.FromDays(2)); // 3 December, 09.00 WIB
        var inForce = await reporter.GetFromJsonAsync<JsonElement>("/api/v1/delegations?active=true");
        Assert.Equal(2, inForce.GetArrayLength());
        Assert.All(inForce.EnumerateArray(), d => Assert.True(d.GetProperty("active").GetBoolean()));

        // Revoked: the record stays, with the time; revoking again changes nothing.
        Assert.Equal(HttpStatusCode.Forbidden, (await reporter.DeleteAsync($"/api/v1/delegations/{plhId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await kadis.DeleteAsync($"/api/v1/delegations/{plhId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await kadis.DeleteAsync($"/api/v1/delegations/{plhId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await kadis.DeleteAsync($"/api/v1/delegations/{Guid.NewGuid()}")).StatusCode);
        var all = await reporter.GetFromJsonAsync<JsonElement>("/api/v1/delegations");
        var revoked = all.EnumerateArray().Single(d => d.GetProperty("id").GetGuid() == plhId);
        Assert.Equal(clock.GetUtcNow(), revoked.GetProperty("revokedAt").GetDateTimeOffset());
        Assert.False(revoked.GetProperty("active").GetBoolean());
        Assert.Single((await reporter.GetFromJsonAsync<JsonElement>("/api/v1/delegations?active=true")).EnumerateArray());

        // Once revoked, the post is free for another appointment.
        Assert.Equal(HttpStatusCode.Created, (await kadis.PostAsJsonAsync("/api/v1/delegations", plhKadis with { reference = "800/46/DISKOMINFO/2026" })).StatusCode);

        // Every bad field, refused with a 400 naming it.
        var kadisUser = await Org.UserAsync(app, "kadis");
        var kasiUser = await Org.UserAsync(app, "kasi");
        async Task RefusedAsync(object body, string field, string? message = null)
        {
            var response = await admin.PostAsJsonAsync("/api/v1/delegations", body);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out var errors), $"no error for {field}: {problem}");
            if (message is not null)
            {
                Assert.Contains(message, errors[0].GetString(), StringComparison.Ordinal);
            }
        }

        var ok = new { kind = "plh", role = "kabid", scope = (Guid?)Org.Bidang, delegateUserId = kasiUser.Id, from = "2026-12-20", to = "2026-12-22", reference = "800/50/2026" };
        await RefusedAsync(ok with { kind = "pj" }, "kind");
        await RefusedAsync(ok with { role = "sekda" }, "role", "Jabatan harus");
        await RefusedAsync(ok with { role = "kadis" }, "scope", "kosongkan");
        await RefusedAsync(ok with { scope = (Guid?)null }, "scope", "Pilih bidang");
        await RefusedAsync(ok with { scope = (Guid?)Org.SeksiMedia }, "scope");
        await RefusedAsync(ok with { role = "kasi" }, "scope"); // a bidang is not a seksi
        await RefusedAsync(ok with { scope = (Guid?)Guid.NewGuid() }, "scope");
        await RefusedAsync(new { role = "kasi", scope = "bukan-id", delegateUserId = kasiUser.Id, from = "2026-12-20", to = "2026-12-22", reference = "1" }, "scope");
        await RefusedAsync(ok with { delegateUserId = "tidak-ada" }, "delegateUserId", "tidak ada atau tidak aktif");
        await RefusedAsync(ok with { delegateUserId = "" }, "delegateUserId");
        await RefusedAsync(ok with { role = "kadis", scope = (Guid?)null, delegateUserId = kadisUser.Id }, "delegateUserId", "Kepala Dinas Komunikasi dan Informatika sendiri");
        await RefusedAsync(ok with { role = "kasi", scope = (Guid?)Org.SeksiMedia }, "delegateUserId", "Kepala Seksi Pengelolaan Media dan Penyiaran sendiri");
        await RefusedAsync(ok with { delegateUserId = kabidUser.Id }, "delegateUserId"); // the Kabid of that very bidang
        await RefusedAsync(ok with { from = "20-12-2026" }, "from", "tidak dapat dibaca");
        await RefusedAsync(ok with { from = "" }, "from", "wajib");
        await RefusedAsync(ok with { to = "2026-12-19" }, "to", "sebelum tanggal mulai");
        await RefusedAsync(ok with { to = "2027-12-21" }, "to", "satu tahun");
        await RefusedAsync(ok with { from = "2026-11-01", to = "2026-11-30" }, "to", "sudah lewat");
        await RefusedAsync(ok with { reference = " " }, "reference", "wajib");
        await RefusedAsync(ok with { reference = new string('8', 101) }, "reference", "100");

        // A year to the day is allowed.
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/v1/delegations", ok with { from = "2026-12-20", to = "2027-12-20" })).StatusCode);
    }

    [Fact]
    public Task Resolution_PlhOfKadis_ActsOnlyWithinItsWibDates_AndNotOnceRevoked_Sqlite() => PlhOfKadisAsync(TestDatabase.SqliteAsync);

    [Fact]
    public Task Resolution_PlhOfKadis_ActsOnlyWithinItsWibDates_AndNotOnceRevoked_Postgres() => PlhOfKadisAsync(TestDatabase.PostgresAsync);

    private static async Task PlhOfKadisAsync(Func<Task<TestDatabase>> provider)
    {
        await using var database = await provider();
        var clock = new TestClock(Org.Wib(2026, 12, 1, 9)); // the office's day is 1 December 2026
        await using var app = await NewsroomApp.StartAsync(database, runJobs: false, clock: clock);
        await Org.PlaceDemoAsync(database, app);
        using var kadis = await app.LoginAsync("kadis");
        var kabid = await Org.ActorAsync(app, "kabid");
        var holder = await Org.ActorAsync(app, "kadis");
        var created = await kadis.PostAsJsonAsync("/api/v1/delegations", new
        {
            role = "kadis", delegateUserId = kabid.UserId, from = "2026-12-03", to = "2026-12-05", reference = "800/45/DISKOMINFO/2026",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var delegationId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        // On 4 December the Kabid also acts as Plh. of the Kadis, in its legal form, with the letter.
        var dec4 = Org.Wib(2026, 12, 4, 10);
        var positions = await Org.ResolveAsync(app, o => o.PositionsAsync(kabid, dec4, CancellationToken.None));
        Assert.Equal("Kepala Bidang Informasi dan Komunikasi Publik", positions[0].Title);
        Assert.False(positions[0].IsDelegated);
        var acting = Assert.Single(positions, p => p.IsDelegated);
        Assert.Equal($"Plh. {Kadis}", acting.LegalForm);
        Assert.Equal("800/45/DISKOMINFO/2026", acting.Reference);
        Assert.Equal(delegationId, acting.DelegationId);
        Assert.Null(acting.Sections);

        var step = await Org.ResolveAsync(app, o => o.AuthorizeStepAsync(kabid, "kadis", Org.SeksiMedia, dec4, CancellationToken.None));
        Assert.True(step.Succeeded, step.Message);
        Assert.Equal($"Plh. {Kadis}", step.Value!.LegalForm);
        Assert.Equal("800/45/DISKOMINFO/2026", step.Value.Reference);

        // Whole WIB days: the last minute of 5 December still counts, midnight WIB does not.
        Assert.True((await Org.ResolveAsync(app, o => o.AuthorizeStepAsync(kabid, "kadis", null, Org.Wib(2026, 12, 5, 23, 59), CancellationToken.None))).Succeeded);
        Assert.False((await Org.ResolveAsync(app, o => o.AuthorizeStepAsync(kabid, "kadis", null, Org.Wib(2026, 12, 2, 23, 59), CancellationToken.None))).Succeeded);

        // On 6 December he is refused, told the dates of his letter.
        var late = await Org.ResolveAsync(app, o => o.AuthorizeStepAsync(kabid, "kadis", Org.SeksiMedia, Org.Wib(2026, 12, 6, 0, 0), CancellationToken.None));
        Assert.Equal(OutcomeKind.Forbidden, late.Kind);
        Assert.Equal(
            $"Penunjukan Anda sebagai Plh. {Kadis} (surat 800/45/DISKOMINFO/2026) berlaku 3–5 Desember 2026; di luar masa itu Anda tidak dapat bertindak atas jabatan ini.",
            late.Message);
        Assert.DoesNotContain(await Org.ResolveAsync(app, o => o.PositionsAsync(kabid, Org.Wib(2026, 12, 6), CancellationToken.None)), p => p.IsDelegated);

        // The holder still acts, as himself; both may take the step.
        var own = await Org.ResolveAsync(app, o => o.AuthorizeStepAsync(holder, "kadis", Org.SeksiKomunikasi, dec4, CancellationToken.None));
        Assert.True(own.Succeeded);
        Assert.Equal(Kadis, own.Value!.LegalForm);
        Assert.False(own.Value.IsDelegated);
        var who = await Org.ResolveAsync(app, o => o.WhoMayActAsync("kadis", Org.SeksiMedia, dec4, CancellationToken.None));
        Assert.Equal("kadis,kabid", string.Join(',', who.Select(u => u.UserName)));
        Assert.Equal("kadis", string.Join(',', (await Org.ResolveAsync(app, o => o.WhoMayActAsync("kadis", Org.SeksiMedia, Org.Wib(2026, 12, 6), CancellationToken.None))).Select(u => u.UserName)));

        // Revoked on 4 December: the post is gone at once, with the reason.
        clock.Advance(Org.Wib(2026, 12, 4, 11) - clock.GetUtcNow());
        Assert.Equal(HttpStatusCode.NoContent, (await kadis.DeleteAsync($"/api/v1/delegations/{delegationId}")).StatusCode);
        var after = await Org.ResolveAsync(app, o => o.AuthorizeStepAsync(kabid, "kadis", Org.SeksiMedia, Org.Wib(2026, 12, 4, 11, 1), CancellationToken.None));
        Assert.Equal(OutcomeKind.Forbidden, after.Kind);
        Assert.Contains($"Plh. {Kadis} (surat 800/45/DISKOMINFO/2026) telah dicabut pada 4 Des 2026 11.00 WIB", after.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(await Org.ResolveAsync(app, o => o.PositionsAsync(kabid, dec4, CancellationToken.None)), p => p.IsDelegated);
        Assert.Equal("kadis", string.Join(',', (await Org.ResolveAsync(app, o => o.WhoMayActAsync("kadis", null, dec4, CancellationToken.None))).Select(u => u.UserName)));
    }

    [Fact]
    public Task Resolution_KasiCoversHisSeksi_KabidHisBidang_FromTheAccountNotTheClaims_Sqlite() => SectionsBoundAsync(TestDatabase.SqliteAsync);

    [Fact]
    public Task Resolution_KasiCoversHisSeksi_KabidHisBidang_FromTheAccountNotTheClaims_Postgres() => SectionsBoundAsync(TestDatabase.PostgresAsync);

    private static async Task SectionsBoundAsync(Func<Task<TestDatabase>> provider)
    {
        await using var database = await provider();
        await using var app = await NewsroomApp.StartAsync(database, runJobs: false, extraSettings: new Dictionary<string, string?>
        {
            ["Newsroom:Organization:KadisTitle"] = "Kepala Dinas Komunikasi, Informatika dan Persandian",
        });
        await Org.PlaceDemoAsync(database, app);
        using var admin = await app.LoginAsync("admin");
        var aptika = (await (await admin.PostAsJsonAsync("/api/v1/org/sections", new { kind = "bidang", name = "Aplikasi Informatika" })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var sandi = (await (await admin.PostAsJsonAsync("/api/v1/org/sections", new { kind = "seksi", name = "Persandian", parentId = aptika })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var now = DateTimeOffset.UtcNow;
        var kasi = await Org.ActorAsync(app, "kasi"); // no roles in the actor: the account's are read
        var kabid = await Org.ActorAsync(app, "kabid");
        var reporter = await Org.ActorAsync(app, "reporter");

        // The Kasi of the media seksi: his own seksi, and items of no seksi (made before the structure).
        var kasiPosition = Assert.Single(await Org.ResolveAsync(app, o => o.PositionsAsync(kasi, now, CancellationToken.None)));
        Assert.Equal("Kepala Seksi Pengelolaan Media dan Penyiaran", kasiPosition.Title);
        Assert.Equal(new[] { Org.SeksiMedia }, kasiPosition.Sections!.ToArray());
        Assert.True((await Org.ResolveAsync(app, o => o.AuthorizeStepAsync(kasi, "kasi", Org.SeksiMedia, now, CancellationToken.None))).Succeeded);
        Assert.True((await Org.ResolveAsync(app, o => o.AuthorizeStepAsync(kasi, "kasi", null, now, CancellationToken.None))).Succeeded);
        var other = await Org.ResolveAsync(app, o => o.AuthorizeStepAsync(kasi, "kasi", Org.SeksiKomunikasi, now, CancellationToken.None));
        Assert.Equal(OutcomeKind.Forbidden, other.Kind);
        Assert.Equal("Naskah ini milik Seksi Layanan Informasi dan Komunikasi Publik; langkah ini menunggu Kepala Seksi Layanan Informasi dan Komunikasi Publik.", other.Message);
        Assert.False((await Org.ResolveAsync(app, o => o.AuthorizeStepAsync(kasi, "kabid", Org.SeksiMedia, now, CancellationToken.None))).Succeeded);

        // The Kabid: every seksi of his bidang, none of another's.
        var kabidPosition = Assert.Single(await Org.ResolveAsync(app, o => o.PositionsAsync(kabid, now, CancellationToken.None)));
        Assert.Equal("Kepala Bidang Informasi dan Komunikasi Publik", kabidPosition.LegalForm);
        Assert.True((await Org.ResolveAsync(app, o => o.AuthorizeStepAsync(kabid, "kabid", Org.SeksiMedia, now, CancellationToken.None))).Succeeded);
        Assert.True((await Org.ResolveAsync(app, o => o.AuthorizeStepAsync(kabid, "kabid", Org.SeksiKomunikasi, now, CancellationToken.None))).Succeeded);
        var foreign = await Org.ResolveAsync(app, o => o.AuthorizeStepAsync(kabid, "kabid", sandi, now, CancellationToken.None));
        Assert.Equal("Naskah ini milik Seksi Persandian (Bidang Aplikasi Informatika); langkah ini menunggu Kepala Bidang Aplikasi Informatika.", foreign.Message);

        // A Kabid placed in one of his seksi still heads the whole bidang.
        await Org.PlaceAsync(database, app, "kabid", Org.SeksiKomunikasi);
        Assert.True((await Org.ResolveAsync(app, o => o.AuthorizeStepAsync(kabid, "kabid", Org.SeksiMedia, now, CancellationToken.None))).Succeeded);

        // Someone not in the role, not appointed: told whose step it is.
        var notHis = await Org.ResolveAsync(app, o => o.AuthorizeStepAsync(reporter, "kasi", Org.SeksiMedia, now, CancellationToken.None));
        Assert.Equal("Langkah ini menunggu Kepala Seksi Pengelolaan Media dan Penyiaran; Anda tidak memegang jabatan itu dan tidak ditunjuk sebagai Plh/Plt-nya.", notHis.Message);
        Assert.Equal("Petugas Peliput", Assert.Single(await Org.ResolveAsync(app, o => o.PositionsAsync(reporter, now, CancellationToken.None))).Title);

        // The Kadis's title is a setting; his post covers everything.
        var kadisPosition = Assert.Single(await Org.ResolveAsync(app, o => o.PositionsAsync(Org.ActorAsync(app, "kadis").Result, now, CancellationToken.None)));
        Assert.Equal("Kepala Dinas Komunikasi, Informatika dan Persandian", kadisPosition.Title);
        Assert.Null(kadisPosition.Sections);

        // Holder and delegate: a Plh of the media seksi's Kasi joins its Kasi, and only there.
        using var kadis = await app.LoginAsync("kadis");
        var reporter2 = await Org.UserAsync(app, "reporter2");
        var today = DateOnly.FromDateTime(now.ToOffset(TimeSpan.FromHours(7)).DateTime).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(HttpStatusCode.Created, (await kadis.PostAsJsonAsync("/api/v1/delegations", new
        {
            role = "kasi", scope = Org.SeksiMedia, delegateUserId = reporter2.Id, from = today, to = today, reference = "800/9/2026",
        })).StatusCode);
        var who = await Org.ResolveAsync(app, o => o.WhoMayActAsync("kasi", Org.SeksiMedia, now, CancellationToken.None));
        Assert.Equal("kasi,reporter2", string.Join(',', who.Select(u => u.UserName)));
        var elsewhere = await Org.ResolveAsync(app, o => o.WhoMayActAsync("kasi", Org.SeksiKomunikasi, now, CancellationToken.None));
        Assert.DoesNotContain(elsewhere, u => u.UserName is "kasi" or "reporter2");
        Assert.Contains(who, u => u.UserName == "kasi");
        var plh = await Org.ResolveAsync(app, o => o.AuthorizeStepAsync(Org.ActorAsync(app, "reporter2").Result, "kasi", Org.SeksiMedia, now, CancellationToken.None));
        Assert.Equal("Plh. Kepala Seksi Pengelolaan Media dan Penyiaran", plh.Value!.LegalForm);
        Assert.Equal("kabid", string.Join(',', (await Org.ResolveAsync(app, o => o.WhoMayActAsync("kabid", Org.SeksiMedia, now, CancellationToken.None))).Select(u => u.UserName)));
        Assert.Empty(await Org.ResolveAsync(app, o => o.WhoMayActAsync("kabid", sandi, now, CancellationToken.None)));

        // A Kasi placed nowhere covers only items of no seksi; a disabled account holds no post at all.
        await Org.PlaceAsync(database, app, "kasi", null);
        var unplaced = Assert.Single(await Org.ResolveAsync(app, o => o.PositionsAsync(kasi, now, CancellationToken.None)));
        Assert.Equal("Kepala Seksi", unplaced.Title);
        Assert.Empty(unplaced.Sections!);
        Assert.False((await Org.ResolveAsync(app, o => o.AuthorizeStepAsync(kasi, "kasi", Org.SeksiMedia, now, CancellationToken.None))).Succeeded);
        Assert.True((await Org.ResolveAsync(app, o => o.AuthorizeStepAsync(kasi, "kasi", null, now, CancellationToken.None))).Succeeded);
        await database.ExecuteAsync(app, $"UPDATE users_accounts SET \"Disabled\" = {(database.Provider == "Postgres" ? "true" : "1")} WHERE \"UserName\" = 'kabid'");
        Assert.Empty(await Org.ResolveAsync(app, o => o.PositionsAsync(kabid, now, CancellationToken.None)));
        Assert.False((await Org.ResolveAsync(app, o => o.AuthorizeStepAsync(kabid, "kabid", Org.SeksiMedia, now, CancellationToken.None))).Succeeded);
    }

    [Fact]
    public async Task DelegationPage_KadisAppointsAndRevokes_EveryoneElseReads()
    {
        await using var database = await TestDatabase.SqliteAsync();
        await using var app = await NewsroomApp.StartAsync(database, runJobs: false);
        await Org.PlaceDemoAsync(database, app);
        var kabid = await Org.UserAsync(app, "kabid");
        var from = DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(7)).DateTime).AddDays(1);

        using var kadis = await app.SignInAsync("kadis");
        var form = await kadis.Http.GetStringAsync("/admin/plh");
        Assert.Contains("Tunjuk Plh/Plt", form, StringComparison.Ordinal);
        Assert.Contains("href=\"/admin/plh\">Plh/Plt</a>", form, StringComparison.Ordinal);
        Assert.Contains($"value=\"kasi:{Org.SeksiMedia}\"", form, StringComparison.Ordinal);

        var refused = await kadis.PostFormAsync("/admin/plh", new()
        {
            ["Kind"] = "plh", ["Post"] = $"kabid:{Org.Bidang}", ["DelegateUserId"] = kabid.Id, ["From"] = from.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), ["To"] = from.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), ["Reference"] = "",
        });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var refusedPage = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Contains("Nomor surat penunjukan wajib diisi.", refusedPage, StringComparison.Ordinal);
        Assert.Contains("adalah Kepala Bidang Informasi dan Komunikasi Publik sendiri", refusedPage, StringComparison.Ordinal);

        var appointed = await kadis.PostFormAsync("/admin/plh", new()
        {
            ["Kind"] = "plt", ["Post"] = "kadis", ["DelegateUserId"] = kabid.Id, ["From"] = from.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), ["To"] = from.AddDays(2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), ["Reference"] = "800/77/2026",
        });
        Assert.Equal(HttpStatusCode.Redirect, appointed.StatusCode);
        var list = WebUtility.HtmlDecode(await kadis.Http.GetStringAsync("/admin/plh"));
        Assert.Contains("Sari Kepala Bidang ditunjuk sebagai Plt. Kepala Dinas Komunikasi dan Informatika.", list, StringComparison.Ordinal);
        Assert.Contains("Akan berlaku (1)", list, StringComparison.Ordinal);

        using var reporter = await app.SignInAsync("reporter");
        var readOnly = WebUtility.HtmlDecode(await reporter.Http.GetStringAsync("/admin/plh"));
        Assert.Contains("800/77/2026", readOnly, StringComparison.Ordinal);
        Assert.DoesNotContain("Tunjuk Plh/Plt", readOnly, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/admin/plh\">Plh/Plt</a>", readOnly, StringComparison.Ordinal); // not in his menu
        var id = (await (await app.LoginAsync("reporter")).GetFromJsonAsync<JsonElement>("/api/v1/delegations"))[0].GetProperty("id").GetGuid();
        var forbidden = await reporter.PostFormAsync("/admin/naskah/baru", [], $"/admin/plh?handler=revoke&id={id}"); // no form of his: a crafted post
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);

        var revoked = await kadis.PostFormAsync("/admin/plh", [], $"/admin/plh?handler=revoke&id={id}");
        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        var history = WebUtility.HtmlDecode(await kadis.Http.GetStringAsync("/admin/plh"));
        Assert.Contains("Riwayat (1)", history, StringComparison.Ordinal);
        Assert.Contains("Dicabut ", history, StringComparison.Ordinal);

        await kadis.Http.GetAsync("/bahasa?c=en&r=%2Fadmin");
        var english = await kadis.Http.GetStringAsync("/admin/plh");
        Assert.Contains("Acting officials (Plh/Plt)", english, StringComparison.Ordinal);
        Assert.Contains("History (1)", english, StringComparison.Ordinal);
    }
}
