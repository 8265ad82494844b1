using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ClosedXML.Excel;
using Diskominfo.Newsroom.Abstractions.Audit;
using Diskominfo.Newsroom.Abstractions.Events;
using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.FakeGraph;
using Microsoft.Extensions.DependencyInjection;

namespace Diskominfo.Newsroom.FunctionalTests;

/// <summary>
/// The office's audit log: settings, channels, publications and captions are written with their values before and
/// after, secrets only masked; admins filter it and export it to Excel; nobody changes or deletes an entry.
/// </summary>
public sealed class AuditTests
{
    private const string Masked = "•••• (4 terakhir: ";

    private static readonly string[] ShortChain = ["kasi", "kadis"];

    private static async Task<JsonElement> AuditAsync(HttpClient admin, string query = "")
    {
        var response = await admin.GetAsync($"/api/v1/audit?{query}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<JsonElement[]> EntriesAsync(HttpClient admin, string query = "")
        => [.. (await AuditAsync(admin, query)).GetProperty("entries").EnumerateArray()];

    private static string? Value(JsonElement entry, string side, string key)
        => entry.GetProperty(side).ValueKind == JsonValueKind.Object && entry.GetProperty(side).TryGetProperty(key, out var value) ? value.GetString() : null;

    private static string Text(JsonElement entry, string property) => entry.GetProperty(property).GetString()!;

    /// <summary>The workbook's entry rows (below the header), each cell as text.</summary>
    private static List<string[]> SheetRows(Stream xlsx)
    {
        using var workbook = new XLWorkbook(xlsx);
        var sheet = workbook.Worksheet("Log audit");
        Assert.Equal("Waktu (WIB)", sheet.Cell(4, 1).GetString());
        Assert.Equal("Kode tindakan", sheet.Cell(4, 7).GetString());
        return sheet.RowsUsed().Where(r => r.RowNumber() > 4)
            .Select(r => Enumerable.Range(1, 12).Select(c => r.Cell(c).GetString()).ToArray())
            .ToList();
    }

    [Fact]
    public Task SettingsChanges_Sqlite_StandardsChainsAndSiteIdentityLoggedWithBeforeAndAfter() => SettingsChangesAsync(TestDatabase.SqliteAsync);

    [Fact]
    public Task SettingsChanges_Postgres_StandardsChainsAndSiteIdentityLoggedWithBeforeAndAfter() => SettingsChangesAsync(TestDatabase.PostgresAsync);

    private static async Task SettingsChangesAsync(Func<Task<TestDatabase>> databaseFactory)
    {
        await using var database = await databaseFactory();
        await using var app = await NewsroomApp.StartAsync(database, runJobs: false);
        using var admin = await app.LoginAsync("admin");

        Assert.Equal(HttpStatusCode.NoContent, (await admin.PutAsJsonAsync("/api/v1/settings/editorial/standards/press-release/kasi", new { minutes = 12 })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PutAsJsonAsync("/api/v1/settings/editorial/chains/clipping", new { roles = ShortChain })).StatusCode);

        // Saving the same value again changes nothing, and a refused value is not a change: neither is logged.
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PutAsJsonAsync("/api/v1/settings/editorial/standards/press-release/kasi", new { minutes = 12 })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PutAsJsonAsync("/api/v1/settings/editorial/standards/press-release/kabid", new { minutes = 0 })).StatusCode);

        var entries = await EntriesAsync(admin, "action=settings.changed");
        Assert.Equal(2, entries.Length);
        var chain = entries[0];
        Assert.Equal("editorial.chain", Text(chain, "targetType"));
        Assert.Equal("clipping.standard", Text(chain, "targetId"));
        Assert.Equal("Kepala Seksi, Kepala Bidang, Kepala Dinas", Value(chain, "before", "approvers"));
        Assert.Equal("Kepala Seksi, Kepala Dinas", Value(chain, "after", "approvers"));
        Assert.Equal("Admin Sistem", Text(chain, "actorName"));
        Assert.False(string.IsNullOrEmpty(Text(chain, "actorId")));
        Assert.Equal("Pengaturan diubah", Text(chain, "actionLabel"));
        var standard = entries[1];
        Assert.Equal("editorial.standard", Text(standard, "targetType"));
        Assert.Equal("press-release.kasi", Text(standard, "targetId"));
        Assert.Equal("5", Value(standard, "before", "minutes"));
        Assert.Equal("12", Value(standard, "after", "minutes"));
        Assert.Contains("5 menjadi 12 menit", Text(standard, "summary"), StringComparison.Ordinal);
        Assert.True(standard.GetProperty("at").GetDateTimeOffset() <= chain.GetProperty("at").GetDateTimeOffset());

        // The settings page saves its form in one transaction: a refusal of the last field takes the log back with the change.
        using var desk = await app.SignInAsync("admin");
        var partly = await desk.PostFormAsync("/admin/pengaturan/alur", new()
        {
            ["Type"] = "clipping", ["Chain[0]"] = "kadis", ["Correction[0]"] = "kadis", ["Minutes[kasi]"] = "0",
        });
        Assert.Equal(HttpStatusCode.BadRequest, partly.StatusCode);
        Assert.Equal(2, (await AuditAsync(admin, "action=settings.changed")).GetProperty("total").GetInt32());

        // The site's identity: only what changed, before and after.
        var saved = await desk.PostFormAsync("/admin/pengaturan/situs", new()
        {
            ["Name"] = "Berita Kabupaten Raya",
            ["Publisher"] = "Dinas Komunikasi dan Informatika Kabupaten Raya",
            ["BrandColor"] = "#7A1F1F",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var identity = Assert.Single(await EntriesAsync(admin, "action=settings.changed"), e => Text(e, "targetType") == "site.identity");
        Assert.Equal("Berita Kabupaten Contoh", Value(identity, "before", "name"));
        Assert.Equal("Berita Kabupaten Raya", Value(identity, "after", "name"));
        Assert.Equal("#0b4f8a", Value(identity, "before", "brandColor"));
        Assert.Equal("#7a1f1f", Value(identity, "after", "brandColor"));
        Assert.False(identity.GetProperty("after").TryGetProperty("phone", out _));
        Assert.Equal("Admin Sistem", Text(identity, "actorName"));
    }

    [Fact]
    public Task ChannelConnection_Sqlite_TokenOnlyMasked_InApiPageAndExcel() => ChannelConnectionAsync(TestDatabase.SqliteAsync);

    [Fact]
    public Task ChannelConnection_Postgres_TokenOnlyMasked_InApiPageAndExcel() => ChannelConnectionAsync(TestDatabase.PostgresAsync);

    private static async Task ChannelConnectionAsync(Func<Task<TestDatabase>> databaseFactory)
    {
        await using var database = await databaseFactory();
        await using var graph = await FakeGraphServer.StartAsync();
        await using var app = await NewsroomApp.StartAsync(database, runJobs: false);
        using var admin = await app.LoginAsync("admin");

        var first = graph.Token;
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync("/api/v1/settings/channels/facebook",
            new { targetId = graph.PageId, accessToken = first, graphBaseUrl = graph.BaseUrl })).StatusCode);
        var second = graph.Token = "EAAsecondtoken9876543210wxyz";
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync("/api/v1/settings/channels/facebook", new { targetId = graph.PageId, accessToken = second })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync("/api/v1/settings/channels/facebook", new { targetId = graph.PageId })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync("/api/v1/settings/channels/facebook")).StatusCode);

        var raw = await admin.GetStringAsync("/api/v1/audit?action=settings.changed");
        Assert.DoesNotContain(first, raw, StringComparison.Ordinal);
        Assert.DoesNotContain(second, raw, StringComparison.Ordinal);
        var entries = JsonDocument.Parse(raw).RootElement.GetProperty("entries").EnumerateArray().ToArray();
        Assert.Equal(4, entries.Length);
        Assert.All(entries, e => Assert.Equal("channel", Text(e, "targetType")));
        Assert.All(entries, e => Assert.Equal("facebook", Text(e, "targetId")));
        var (removed, kept, renewed, connected) = (entries[0], entries[1], entries[2], entries[3]);

        Assert.Equal(JsonValueKind.Null, connected.GetProperty("before").ValueKind);
        Assert.Equal(Masked + first[^4..] + ")", Value(connected, "after", "token"));
        Assert.Equal(graph.PageId, Value(connected, "after", "targetId"));
        Assert.Equal("connected", Value(connected, "after", "status"));
        Assert.Contains("disambungkan", Text(connected, "summary"), StringComparison.Ordinal);

        Assert.Equal(Masked + first[^4..] + ")", Value(renewed, "before", "token"));
        Assert.Equal(Masked + second[^4..] + ")", Value(renewed, "after", "token"));
        Assert.Contains("token baru", Text(renewed, "summary"), StringComparison.Ordinal);

        Assert.False(kept.GetProperty("after").TryGetProperty("token", out _)); // the token did not change
        Assert.Equal(Masked + second[^4..] + ")", Value(removed, "before", "token"));
        Assert.Equal(JsonValueKind.Null, removed.GetProperty("after").ValueKind);
        Assert.Contains("diputus", Text(removed, "summary"), StringComparison.Ordinal);

        // Nor in the workbook, nor on the page, nor (SQLite) anywhere in the database file.
        var xlsx = await admin.GetAsync("/api/v1/audit/export.xlsx?action=settings.changed");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        var rows = SheetRows(await xlsx.Content.ReadAsStreamAsync());
        Assert.Equal(4, rows.Count);
        Assert.All(rows.SelectMany(r => r), cell => Assert.DoesNotContain(first, cell, StringComparison.Ordinal));
        Assert.All(rows.SelectMany(r => r), cell => Assert.DoesNotContain(second, cell, StringComparison.Ordinal));
        Assert.Contains($"token: {Masked}{first[^4..]})", rows[3][11], StringComparison.Ordinal);
        using var desk = await app.SignInAsync("admin");
        var page = WebUtility.HtmlDecode(await desk.Http.GetStringAsync("/admin/audit"));
        Assert.Contains(Masked + second[^4..], page, StringComparison.Ordinal);
        Assert.DoesNotContain(first, page, StringComparison.Ordinal);
        Assert.DoesNotContain(second, page, StringComparison.Ordinal);
        if (database.Provider == "Sqlite")
        {
            var file = System.Text.Encoding.UTF8.GetString(await File.ReadAllBytesAsync(Path.Combine(app.DataDir, "newsroom.db")));
            Assert.DoesNotContain(first, file, StringComparison.Ordinal);
            Assert.DoesNotContain(second, file, StringComparison.Ordinal);
        }
    }

    [Fact]
    public Task PublicationRetryCancelAndCaption_Sqlite_Logged() => PublicationsAsync(TestDatabase.SqliteAsync);

    [Fact]
    public Task PublicationRetryCancelAndCaption_Postgres_Logged() => PublicationsAsync(TestDatabase.PostgresAsync);

    private static async Task PublicationsAsync(Func<Task<TestDatabase>> databaseFactory)
    {
        await using var database = await databaseFactory();
        await using var graph = await FakeGraphServer.StartAsync();
        await using var app = await NewsroomApp.StartAsync(database, graph);
        using var reporter = await app.LoginAsync("reporter");
        using var operatorClient = await app.LoginAsync("operator");
        using var admin = await app.LoginAsync("admin");

        // The operator writes the Instagram caption, then goes back to the generated one.
        var id = await Api.CreatePressReleaseAsync(reporter, title: "Festival Budaya Raya");
        Assert.Equal(HttpStatusCode.Created, (await Api.UploadAsync(reporter, id, Api.Jpeg(), "foto.jpg")).StatusCode);
        const string caption = "Saksikan Festival Budaya Raya akhir pekan ini! {tautan} #festivalraya";
        Assert.Equal(HttpStatusCode.NoContent, (await operatorClient.PutAsJsonAsync($"/api/v1/items/{id}/captions/instagram", new { text = caption })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await operatorClient.PutAsJsonAsync($"/api/v1/items/{id}/captions/instagram", new { text = "" })).StatusCode);

        // Meta refuses the photo: the operator sends it again.
        graph.InjectError($"POST {graph.InstagramAccountId}/media", 36003, 2207009);
        Assert.Equal(HttpStatusCode.OK, (await Api.ActAsync(reporter, id, "submit")).StatusCode);
        await Api.SignAsync(app, id);
        var failed = await Publications.WaitAsync(reporter, id, "instagram", "failed");
        Assert.Equal(HttpStatusCode.NoContent, (await operatorClient.PostAsync($"/api/v1/publications/{failed.GetProperty("id").GetGuid()}/retry", null)).StatusCode);
        await Publications.WaitAsync(reporter, id, "instagram", "published");

        // Another is suspected of spam: the operator cancels it.
        graph.InjectError($"POST {graph.InstagramAccountId}/media", 4, 2207051);
        var other = await Api.CreatePressReleaseAsync(reporter, title: "Berita yang dibatalkan");
        Assert.Equal(HttpStatusCode.Created, (await Api.UploadAsync(reporter, other, Api.Jpeg(), "foto.jpg")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Api.ActAsync(reporter, other, "submit")).StatusCode);
        await Api.SignAsync(app, other);
        var refused = await Publications.WaitAsync(reporter, other, "instagram", "failed");
        Assert.Equal(HttpStatusCode.NoContent, (await operatorClient.PostAsync($"/api/v1/publications/{refused.GetProperty("id").GetGuid()}/cancel", null)).StatusCode);

        var entries = await EntriesAsync(admin, "action=publication.");
        Assert.Equal(4, entries.Length);
        Assert.All(entries, e => Assert.Equal("Yusuf Operator Website", Text(e, "actorName")));

        var retried = Assert.Single(entries, e => Text(e, "action") == AuditActions.PublicationRetried);
        Assert.Equal("publication", Text(retried, "targetType"));
        Assert.Equal(failed.GetProperty("id").GetGuid().ToString(), Text(retried, "targetId"));
        Assert.Equal("failed", Value(retried, "before", "status"));
        Assert.Equal("1", Value(retried, "before", "attempts"));
        Assert.Equal("pending", Value(retried, "after", "status"));
        Assert.Equal("0", Value(retried, "after", "attempts"));
        Assert.Contains("Festival Budaya Raya", Text(retried, "summary"), StringComparison.Ordinal);
        Assert.Equal("Publikasi dikirim ulang", Text(retried, "actionLabel"));

        var cancelled = Assert.Single(entries, e => Text(e, "action") == AuditActions.PublicationCancelled);
        Assert.Equal(refused.GetProperty("id").GetGuid().ToString(), Text(cancelled, "targetId"));
        Assert.Equal("failed", Value(cancelled, "before", "status"));
        Assert.Equal("cancelled", Value(cancelled, "after", "status"));
        Assert.Contains("Berita yang dibatalkan", Text(cancelled, "summary"), StringComparison.Ordinal);

        var captions = await EntriesAsync(admin, "action=publication.caption_overridden");
        Assert.Equal(2, captions.Length);
        var (reset, written) = (captions[0], captions[1]);
        Assert.Equal($"{id}/instagram", Text(written, "targetId"));
        Assert.Equal("(takarir otomatis)", Value(written, "before", "caption"));
        Assert.Equal(caption, Value(written, "after", "caption"));
        Assert.Equal(caption, Value(reset, "before", "caption"));
        Assert.Equal("(takarir otomatis)", Value(reset, "after", "caption"));
        Assert.Contains("otomatis", Text(reset, "summary"), StringComparison.Ordinal);
    }

    [Fact]
    public Task Filters_Sqlite_ByActorActionPeriodAndPage_BadValuesRefused_AdminsOnly() => FiltersAsync(TestDatabase.SqliteAsync);

    [Fact]
    public Task Filters_Postgres_ByActorActionPeriodAndPage_BadValuesRefused_AdminsOnly() => FiltersAsync(TestDatabase.PostgresAsync);

    private static DateTimeOffset At(string utc) => DateTimeOffset.Parse(utc, CultureInfo.InvariantCulture);

    private static async Task FiltersAsync(Func<Task<TestDatabase>> databaseFactory)
    {
        await using var database = await databaseFactory();
        await using var app = await NewsroomApp.StartAsync(database, runJobs: false);

        // Published from a scope of the site's services, outside any transaction and any request (as a background job would).
        string operatorId;
        using (var scope = app.Services.CreateScope())
        {
            operatorId = (await scope.ServiceProvider.GetRequiredService<IUserDirectory>().ListInRoleAsync(NewsroomRoles.Operator, CancellationToken.None)).Single().Id;
            var events = scope.ServiceProvider.GetRequiredService<IEventPublisher>();
            AuditEvent[] published =
            [
                new(AuditActions.SignInFailed, null, "penyusup", "user", null, "Gagal masuk: nama pengguna tidak dikenal.", At("2026-11-23T16:59:00Z"), Address: "203.0.113.9"),
                new(AuditActions.SignedIn, operatorId, null, "user", operatorId, "Masuk.", At("2026-11-23T17:01:00Z")),
                new(AuditActions.PasswordChanged, operatorId, "Yusuf Operator Website", "user", operatorId, "Kata sandi diganti.", At("2026-11-25T02:00:00Z"),
                    After: new Dictionary<string, string?> { ["password"] = "RahasiaBaru#2026", ["otp"] = "123456", ["email"] = "yusuf@contoh.go.id" }),
                new(AuditActions.AccountCreated, Actor.System.UserId, null, "user", "u-9", "Akun dibuat dari impor.", At("2026-11-26T03:00:00Z")),
                new(AuditActions.DelegationCreated, "someone-else", "Ahmad Kepala Dinas", "delegation", "d-1", "Plh. Kepala Dinas ditunjuk.", At("2026-11-27T03:00:00Z")),
            ];
            foreach (var @event in published)
            {
                await events.PublishAsync(@event, CancellationToken.None);
            }
        }

        // The admin's own sign-in (today) is logged too: the queries below look at November only.
        const string November = "to=2026-11-30";
        using var admin = await app.LoginAsync("admin");
        var all = await AuditAsync(admin, November);
        Assert.Equal(5, all.GetProperty("total").GetInt32());
        Assert.Equal(1, all.GetProperty("page").GetInt32());
        Assert.Equal(50, all.GetProperty("pageSize").GetInt32());
        var entries = all.GetProperty("entries").EnumerateArray().ToArray();
        Assert.Equal(
            [AuditActions.DelegationCreated, AuditActions.AccountCreated, AuditActions.PasswordChanged, AuditActions.SignedIn, AuditActions.SignInFailed],
            entries.Select(e => Text(e, "action")));
        Assert.Equal(At("2026-11-23T17:01:00Z"), entries[3].GetProperty("at").GetDateTimeOffset());
        Assert.Equal("Yusuf Operator Website", Text(entries[3], "actorName")); // the name from the directory
        Assert.Equal(JsonValueKind.Null, entries[3].GetProperty("address").ValueKind); // no request, no address
        Assert.Equal("203.0.113.9", Text(entries[4], "address"));
        Assert.Equal(JsonValueKind.Null, entries[4].GetProperty("actorId").ValueKind);
        Assert.Equal("Sistem", Text(entries[1], "actorName"));

        // Secrets masked whatever the sender passed; other values kept.
        Assert.Equal(Masked + "2026)", Value(entries[2], "after", "password"));
        Assert.Equal("••••", Value(entries[2], "after", "otp"));
        Assert.Equal("yusuf@contoh.go.id", Value(entries[2], "after", "email"));

        async Task<string[]> ActionsAsync(string query)
            => [.. (await EntriesAsync(admin, query.Contains("to=", StringComparison.Ordinal) ? query : $"{query}&{November}")).Select(e => Text(e, "action"))];

        // Actor: the id exactly, or part of the user name or full name, whatever the case.
        Assert.Equal([AuditActions.PasswordChanged, AuditActions.SignedIn], await ActionsAsync($"actor={operatorId}"));
        Assert.Equal([AuditActions.PasswordChanged, AuditActions.SignedIn], await ActionsAsync("actor=yUSUF"));
        Assert.Equal([AuditActions.AccountCreated], await ActionsAsync("actor=SYSTEM")); // the user name (the name is "Sistem")
        Assert.Equal([AuditActions.SignInFailed], await ActionsAsync("actor=penyusup"));
        Assert.Empty(await ActionsAsync("actor=yus%25f")); // '%' is a character here, not a wildcard
        Assert.Empty(await ActionsAsync($"actor={operatorId[..8]}")); // an id matches exactly only

        // Action: exact, or a prefix ending with a dot.
        Assert.Equal([AuditActions.SignedIn], await ActionsAsync("action=auth.signed_in"));
        Assert.Equal([AuditActions.PasswordChanged, AuditActions.SignedIn, AuditActions.SignInFailed], await ActionsAsync("action=auth."));

        // Period: dates are whole days in WIB (UTC+7), both ends included; date-times are instants (WIB when no offset).
        Assert.Equal([AuditActions.SignInFailed], await ActionsAsync("from=2026-11-23&to=2026-11-23"));
        Assert.Equal([AuditActions.PasswordChanged, AuditActions.SignedIn], await ActionsAsync("from=2026-11-24&to=2026-11-25"));
        Assert.Equal([AuditActions.AccountCreated, AuditActions.PasswordChanged], await ActionsAsync("from=2026-11-25T09:00:00%2B07:00&to=2026-11-26T10:00:00"));
        Assert.Equal([AuditActions.DelegationCreated], await ActionsAsync("from=2026-11-27T03:00:00Z"));
        Assert.Equal([AuditActions.PasswordChanged], await ActionsAsync("actor=yusuf&action=auth.&from=2026-11-25"));

        // Pages, newest first.
        var second = await AuditAsync(admin, $"pageSize=2&page=2&{November}");
        Assert.Equal(5, second.GetProperty("total").GetInt32());
        Assert.Equal(2, second.GetProperty("page").GetInt32());
        Assert.Equal(2, second.GetProperty("pageSize").GetInt32());
        Assert.Equal([AuditActions.PasswordChanged, AuditActions.SignedIn], second.GetProperty("entries").EnumerateArray().Select(e => Text(e, "action")));
        Assert.Equal([AuditActions.SignInFailed], await ActionsAsync("pageSize=2&page=3"));
        Assert.Empty(await ActionsAsync("pageSize=2&page=4"));

        // Bad values: 400 with an Indonesian message per field.
        var bad = await admin.GetAsync("/api/v1/audit?from=2026-13-01&to=kemarin&action=auth.nothing&page=0&pageSize=500&actor=" + new string('x', 101));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Contains("tidak dikenali", errors.GetProperty("from")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("tidak dikenali", errors.GetProperty("to")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("tidak dikenal", errors.GetProperty("action")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("Halaman", errors.GetProperty("page")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("1 sampai 200", errors.GetProperty("pageSize")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("100 karakter", errors.GetProperty("actor")[0].GetString(), StringComparison.Ordinal);
        var reversed = await admin.GetAsync("/api/v1/audit?from=2026-11-25&to=2026-11-24");
        Assert.Equal(HttpStatusCode.BadRequest, reversed.StatusCode);
        Assert.Contains("sebelum", (await reversed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("to")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync("/api/v1/audit/export.xlsx?action=salah")).StatusCode);

        // Admins only: others 403, strangers 401.
        using var kasi = await app.LoginAsync("kasi");
        Assert.Equal(HttpStatusCode.Forbidden, (await kasi.GetAsync("/api/v1/audit")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await kasi.GetAsync("/api/v1/audit/export.xlsx")).StatusCode);
        using var stranger = app.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await stranger.GetAsync("/api/v1/audit")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await stranger.GetAsync("/api/v1/audit/export.xlsx")).StatusCode);

        // The same selection as Excel, from the API and from the page.
        var xlsx = await admin.GetAsync("/api/v1/audit/export.xlsx?actor=yusuf");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
        var rows = SheetRows(await xlsx.Content.ReadAsStreamAsync());
        Assert.Equal([AuditActions.PasswordChanged, AuditActions.SignedIn], rows.Select(r => r[6]));
        Assert.Equal("Yusuf Operator Website", rows[0][1]);
        Assert.Equal("operator", rows[0][2]);
        Assert.Equal("Kata sandi diganti", rows[0][5]);
        Assert.Contains($"password: {Masked}2026)", rows[0][11], StringComparison.Ordinal);
        Assert.DoesNotContain("RahasiaBaru", string.Join("|", rows.SelectMany(r => r)), StringComparison.Ordinal);

        using var desk = await app.SignInAsync("admin");
        Assert.Contains(">Log audit</a>", await desk.Http.GetStringAsync("/admin"), StringComparison.Ordinal);
        var page = WebUtility.HtmlDecode(await desk.Http.GetStringAsync("/admin/audit?action=auth."));
        Assert.Contains("Kata sandi diganti", page, StringComparison.Ordinal);
        Assert.Contains("203.0.113.9", page, StringComparison.Ordinal);
        Assert.Contains("23 Nov 2026 23.59 WIB", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Akun dibuat dari impor.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("RahasiaBaru", page, StringComparison.Ordinal);
        Assert.Contains("handler=xlsx&action=auth.", page, StringComparison.Ordinal);
        var fromPage = await desk.Http.GetAsync($"/admin/audit?handler=xlsx&action=auth.&{November}");
        Assert.Equal(HttpStatusCode.OK, fromPage.StatusCode);
        Assert.Equal(3, SheetRows(await fromPage.Content.ReadAsStreamAsync()).Count);
        var paged = WebUtility.HtmlDecode(await desk.Http.GetStringAsync("/admin/audit?halaman=1"));
        Assert.DoesNotContain("rel=\"next\"", paged, StringComparison.Ordinal);
        var refusedPage = await desk.Http.GetAsync("/admin/audit?from=kemarin");
        Assert.Equal(HttpStatusCode.BadRequest, refusedPage.StatusCode);
        Assert.Contains("tidak dikenali", WebUtility.HtmlDecode(await refusedPage.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        await desk.Http.GetAsync("/bahasa?c=en&r=%2Fadmin");
        var english = await desk.Http.GetStringAsync("/admin/audit");
        Assert.Contains("<h1>Audit log</h1>", english, StringComparison.Ordinal);
        Assert.Contains("Download Excel", english, StringComparison.Ordinal);
        using var kasiDesk = await app.SignInAsync("kasi");
        using (var doorRefusal = await kasiDesk.Http.GetAsync("/admin/audit"))
        {
            Assert.Equal(HttpStatusCode.Redirect, doorRefusal.StatusCode);
            Assert.StartsWith("/ditolak", doorRefusal.Headers.Location?.OriginalString, StringComparison.Ordinal);
        }
        Assert.DoesNotContain(">Log audit</a>", await kasiDesk.Http.GetStringAsync("/admin"), StringComparison.Ordinal);
    }

    [Fact]
    public Task Entries_Sqlite_UpdateAndDeleteBehindTheApplicationsBackFail() => ImmutableAsync(TestDatabase.SqliteAsync);

    [Fact]
    public Task Entries_Postgres_UpdateAndDeleteBehindTheApplicationsBackFail() => ImmutableAsync(TestDatabase.PostgresAsync);

    private static async Task ImmutableAsync(Func<Task<TestDatabase>> databaseFactory)
    {
        await using var database = await databaseFactory();
        await using var app = await NewsroomApp.StartAsync(database, runJobs: false);
        using (var scope = app.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<IEventPublisher>().PublishAsync(
                new AuditEvent(AuditActions.AccountDisabled, "admin-id", "Admin Sistem", "user", "u-1", "Akun Rina dinonaktifkan.", At("2026-11-23T03:00:00Z")),
                CancellationToken.None);
        }

        var update = await Assert.ThrowsAnyAsync<Exception>(() => database.ExecuteAsync(app, "UPDATE audit_entries SET \"Summary\" = 'Tidak ada apa-apa.'"));
        Assert.Contains("Log audit tidak dapat diubah", update.Message, StringComparison.Ordinal);
        var delete = await Assert.ThrowsAnyAsync<Exception>(() => database.ExecuteAsync(app, "DELETE FROM audit_entries"));
        Assert.Contains("Log audit tidak dapat", delete.Message, StringComparison.Ordinal);
        Assert.Contains("dihapus", delete.Message, StringComparison.Ordinal);

        using var admin = await app.LoginAsync("admin");
        var entry = Assert.Single(await EntriesAsync(admin, "action=account."));
        Assert.Equal("Akun Rina dinonaktifkan.", Text(entry, "summary"));
    }
}
