using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Diskominfo.Newsroom.FunctionalTests;

/// <summary>
/// The buku agenda's hash chain is keyed (HMAC-SHA256, key in the keys folder): someone who can write to the database
/// cannot rewrite an entry and recompute its hash; entries from before the key still verify and are named as unkeyed.
/// </summary>
public sealed class KeyedTrailTests
{
    [Fact]
    public Task History_RewrittenAndRehashedWithoutTheKey_IsDetected_Sqlite() => RehashAsync(TestDatabase.SqliteAsync);

    [Fact]
    public Task History_RewrittenAndRehashedWithoutTheKey_IsDetected_Postgres() => RehashAsync(TestDatabase.PostgresAsync);

    private static async Task RehashAsync(Func<Task<TestDatabase>> databaseFactory)
    {
        await using var database = await databaseFactory();
        await using var app = await NewsroomApp.StartAsync(database, runJobs: false);
        using var reporter = await app.LoginAsync("reporter");
        using var kasi = await app.LoginAsync("kasi");
        var fromMiddle = await SignedAsync(app, reporter);
        var fromStart = await SignedAsync(app, reporter);
        var intact = await VerifyAsync(kasi, fromMiddle);
        Assert.True(intact.GetProperty("intact").GetBoolean(), intact.ToString());
        Assert.Contains("HMAC-SHA256", intact.GetProperty("message").GetString(), StringComparison.Ordinal);
        var trail = await TrailAsync(kasi, fromMiddle);
        Assert.All(trail, e => Assert.StartsWith("hmac-sha256:v1:", e.GetProperty("entryHash").GetString(), StringComparison.Ordinal));

        // An attacker who owns the tables rewrites the Kasi's note (entry 3) and recomputes the chain from there on as the
        // unkeyed SHA-256 it used to be, down to the workflow's head: the old verifier would have called this intact.
        await HistoryGuards.DropAsync(database, app);
        await RewriteAsync(database, app, fromMiddle, trail, from: 3, e => e.Sequence == 3 ? e with { Note = "Disetujui tanpa catatan" } : e);
        var rewritten = await VerifyAsync(kasi, fromMiddle);
        Assert.False(rewritten.GetProperty("intact").GetBoolean(), rewritten.ToString());
        Assert.Equal(3, rewritten.GetProperty("brokenAt").GetInt32());
        Assert.Contains("tanpa kunci", rewritten.GetProperty("message").GetString(), StringComparison.Ordinal);

        // Rewriting the whole trail as unkeyed entries does not pass either: they are dated after the chain was keyed.
        await RewriteAsync(database, app, fromStart, await TrailAsync(kasi, fromStart), from: 1, e => e.Sequence == 3 ? e with { Note = "Disetujui" } : e);
        var whole = await VerifyAsync(kasi, fromStart);
        Assert.False(whole.GetProperty("intact").GetBoolean(), whole.ToString());
        Assert.Equal(1, whole.GetProperty("brokenAt").GetInt32());

        // Nor does a keyed hash made up without the key.
        var keyedTrail = await TrailAsync(kasi, fromMiddle);
        var forged = "hmac-sha256:v1:" + Convert.ToHexStringLower(HMACSHA256.HashData(new byte[64], Encoding.UTF8.GetBytes("Disetujui")));
        await database.ExecuteAsync(app,
            $"UPDATE editorial_history SET \"EntryHash\" = '{forged}' WHERE \"ItemId\" = {database.Literal(fromMiddle)} AND \"Sequence\" = {keyedTrail.Count}");
        await database.ExecuteAsync(app, $"UPDATE editorial_workflows SET \"HeadHash\" = '{forged}' WHERE \"ItemId\" = {database.Literal(fromMiddle)}");
        Assert.False((await VerifyAsync(kasi, fromMiddle)).GetProperty("intact").GetBoolean());
    }

    [Fact]
    public Task History_FromBeforeTheKey_StillVerifiesAndIsNamedUnkeyed_Sqlite() => LegacyAsync(TestDatabase.SqliteAsync);

    [Fact]
    public Task History_FromBeforeTheKey_StillVerifiesAndIsNamedUnkeyed_Postgres() => LegacyAsync(TestDatabase.PostgresAsync);

    private static async Task LegacyAsync(Func<Task<TestDatabase>> databaseFactory)
    {
        await using var database = await databaseFactory();
        var clock = new TestClock(new DateTimeOffset(2026, 11, 2, 1, 0, 0, TimeSpan.Zero));
        var dataDir = Directory.CreateTempSubdirectory("newsroom-legacy-").FullName;
        Guid id;
        Guid tampered;

        // A trail written by an earlier version: plain SHA-256 hashes, and no chain key yet in the keys folder.
        await using (var before = await NewsroomApp.StartAsync(database, runJobs: false, dataDir: dataDir, clock: clock))
        {
            using var reporter = await before.LoginAsync("reporter");
            using var kasi = await before.LoginAsync("kasi");
            using var kabid = await before.LoginAsync("kabid");
            id = await Api.CreatePressReleaseAsync(reporter, "Naskah dari versi lama");
            tampered = await Api.CreatePressReleaseAsync(reporter, "Naskah lama yang diubah");
            foreach (var item in new[] { id, tampered })
            {
                Assert.Equal(HttpStatusCode.OK, (await Api.ActAsync(reporter, item, "submit")).StatusCode);
                Assert.Equal(HttpStatusCode.OK, (await Api.ActAsync(kasi, item, "approve", "Paraf Kasi")).StatusCode);
                Assert.Equal(HttpStatusCode.OK, (await Api.ActAsync(kabid, item, "approve", "Paraf Kabid")).StatusCode);
                await HistoryGuards.DropAsync(database, before);
                await RewriteAsync(database, before, item, await TrailAsync(kasi, item), from: 1, e => e);
            }
        }

        File.Delete(Path.Combine(dataDir + "-keys", "history-chain.key"));
        clock.Advance(TimeSpan.FromDays(1));

        // The upgraded site makes its chain key now; the Kadis signs, and his entry is keyed after the old ones.
        await using var after = await NewsroomApp.StartAsync(database, runJobs: false, dataDir: dataDir, clock: clock);
        using var kadis = await after.LoginAsync("kadis");
        var old = await VerifyAsync(kadis, id);
        Assert.True(old.GetProperty("intact").GetBoolean(), old.ToString());
        Assert.Contains("4 entri lama tanpa kunci", old.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await Api.ActAsync(kadis, id, "approve", "Tandatangan Kadis")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Api.ActAsync(kadis, tampered, "approve", "Tandatangan Kadis")).StatusCode);
        var mixed = await VerifyAsync(kadis, id);
        Assert.True(mixed.GetProperty("intact").GetBoolean(), mixed.ToString());
        Assert.Equal(5, mixed.GetProperty("entries").GetInt32());
        Assert.Contains("utuh; 4 entri lama tanpa kunci", mixed.GetProperty("message").GetString(), StringComparison.Ordinal);
        var trail = await TrailAsync(kadis, id);
        Assert.StartsWith("sha256:", trail[3].GetProperty("entryHash").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("hmac-sha256:v1:", trail[4].GetProperty("entryHash").GetString(), StringComparison.Ordinal);

        // An old entry rewritten and rehashed, with the old entries after it: the keyed signature after them no longer holds.
        await HistoryGuards.DropAsync(database, after);
        var entries = (await TrailAsync(kadis, tampered)).Take(4).ToList();
        var newFourth = await RewriteAsync(database, after, tampered, entries, from: 2, e => e.Sequence == 3 ? e with { Note = "Paraf palsu" } : e, moveHead: false);
        await database.ExecuteAsync(after, $"UPDATE editorial_history SET \"PreviousHash\" = '{newFourth}' WHERE \"ItemId\" = {database.Literal(tampered)} AND \"Sequence\" = 5");
        var broken = await VerifyAsync(kadis, tampered);
        Assert.False(broken.GetProperty("intact").GetBoolean(), broken.ToString());
        Assert.Equal(5, broken.GetProperty("brokenAt").GetInt32());
        Assert.Contains("telah diubah", broken.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ArchiveSheet_TrailOrFilingChangedInTheDatabase_PrintsBroken()
    {
        await using var database = await TestDatabase.SqliteAsync();
        await using var app = await NewsroomApp.StartAsync(database);
        using var reporter = await app.LoginAsync("reporter");
        using var kasi = await app.LoginAsync("kasi");
        var id = await SignedAsync(app, reporter);
        await Api.WaitForStatusAsync(kasi, id, "archived");

        var filed = await SheetTextAsync(kasi, id);
        Assert.Contains("Rantai hash: utuh, diperiksa ulang saat lembar ini dicetak", filed, StringComparison.Ordinal);
        Assert.Contains("Segel lembar: cocok", filed, StringComparison.Ordinal);

        // The trail is rewritten after filing: the sheet, printed again, says so, whatever was stored at filing time.
        await HistoryGuards.DropAsync(database, app);
        await database.ExecuteAsync(app, $"UPDATE editorial_history SET \"Note\" = 'Disetujui' WHERE \"ItemId\" = {database.Literal(id)} AND \"Sequence\" = 3");
        var trail = await SheetTextAsync(kasi, id);
        Assert.Contains("Rantai hash: RUSAK pada entri 3", trail, StringComparison.Ordinal);
        Assert.DoesNotContain("Rantai hash: utuh", trail, StringComparison.Ordinal);
        Assert.Contains("Catatan saat pengarsipan", trail, StringComparison.Ordinal);

        // The filing itself is rewritten and its SHA-256 recomputed: the keyed seal no longer matches.
        await database.ExecuteAsync(app, "DROP TRIGGER archive_snapshots_no_update");
        var json = await ScalarAsync(app, $"SELECT \"Json\" FROM archive_snapshots WHERE \"ItemId\" = {database.Literal(id)}");
        var forged = json.Replace("Bupati Resmikan Jembatan Raya", "Bupati Resmikan Jembatan Palsu", StringComparison.Ordinal);
        Assert.NotEqual(json, forged);
        var sha = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(forged)));
        await database.ExecuteAsync(app,
            $"UPDATE archive_snapshots SET \"Json\" = '{forged.Replace("'", "''", StringComparison.Ordinal)}', \"Sha256\" = '{sha}' WHERE \"ItemId\" = {database.Literal(id)}");
        var sheet = await SheetTextAsync(kasi, id);
        Assert.Contains("Jembatan Palsu", sheet, StringComparison.Ordinal);
        Assert.Contains("Segel lembar: RUSAK", sheet, StringComparison.Ordinal);
    }

    private static async Task<string> SheetTextAsync(HttpClient client, Guid id)
    {
        var response = await client.GetAsync($"/api/v1/items/{id}/archive-sheet.pdf");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await ArchiveSheetTests.PdfTextAsync(await response.Content.ReadAsByteArrayAsync())).Replace("\n", " ", StringComparison.Ordinal);
    }

    private static async Task<string> ScalarAsync(NewsroomApp app, string sql)
    {
        await using var sqlite = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(app.DataDir, "newsroom.db")};Pooling=false");
        await sqlite.OpenAsync();
        await using var command = sqlite.CreateCommand();
        command.CommandText = sql;
        return (string)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<Guid> SignedAsync(NewsroomApp app, HttpClient reporter)
    {
        var id = await Api.CreatePressReleaseAsync(reporter);
        Assert.Equal(HttpStatusCode.OK, (await Api.ActAsync(reporter, id, "submit")).StatusCode);
        await Api.SignAsync(app, id);
        return id;
    }

    private static async Task<JsonElement> VerifyAsync(HttpClient client, Guid id)
        => await client.GetFromJsonAsync<JsonElement>($"/api/v1/items/{id}/history/verify");

    private static async Task<List<JsonElement>> TrailAsync(HttpClient client, Guid id)
        => [.. (await Api.GetAsync(client, id)).GetProperty("history").EnumerateArray().OrderBy(e => e.GetProperty("sequence").GetInt32())];

    /// <summary>
    /// What an attacker with database access does: reads the trail, changes entries, and recomputes every hash from
    /// <paramref name="from"/> on with the unkeyed SHA-256 of the earlier versions (all he can compute), moving the head.
    /// </summary>
    private static async Task<string?> RewriteAsync(
        TestDatabase database, NewsroomApp app, Guid id, List<JsonElement> trail, int from, Func<Entry, Entry> change, bool moveHead = true)
    {
        string? previous = null;
        foreach (var json in trail)
        {
            var entry = change(Entry.From(id, json));
            if (entry.Sequence < from)
            {
                previous = json.GetProperty("entryHash").GetString();
                continue;
            }

            var hash = entry.LegacyHash(previous);
            var note = entry.Note is null ? "NULL" : $"'{entry.Note.Replace("'", "''", StringComparison.Ordinal)}'";
            var previousSql = previous is null ? "NULL" : $"'{previous}'";
            Assert.Equal(1, await database.ExecuteAsync(app,
                $"UPDATE editorial_history SET \"Note\" = {note}, \"PreviousHash\" = {previousSql}, \"EntryHash\" = '{hash}' " +
                $"WHERE \"ItemId\" = {database.Literal(id)} AND \"Sequence\" = {entry.Sequence}"));
            previous = hash;
        }

        if (moveHead)
        {
            await database.ExecuteAsync(app, $"UPDATE editorial_workflows SET \"HeadHash\" = '{previous}' WHERE \"ItemId\" = {database.Literal(id)}");
        }

        return previous;
    }

    /// <summary>An entry of the trail as the API shows it, with the fields the earlier (unkeyed) hash covered.</summary>
    private sealed record Entry(
        Guid ItemId, int Sequence, string Step, string Action, string ActorId, string ActorName, string? Role, DateTimeOffset At, string? Note,
        string? ContentHash, Guid? VersionId, string? ActingAs, string? Reference)
    {
        public static Entry From(Guid id, JsonElement e) => new(
            id, e.GetProperty("sequence").GetInt32(), e.GetProperty("step").GetString()!, e.GetProperty("action").GetString()!,
            e.GetProperty("actor").GetString()!, e.GetProperty("actorName").GetString()!, Text(e, "role"), e.GetProperty("at").GetDateTimeOffset(),
            Text(e, "note"), Text(e, "contentHash"), Text(e, "versionId") is { } v ? Guid.Parse(v) : null, Text(e, "actingAs"), Text(e, "reference"));

        public string LegacyHash(string? previous)
        {
            var fields = string.Join('\u001f',
                ItemId.ToString("D"), Sequence.ToString(CultureInfo.InvariantCulture), Step, Action, ActorId, ActorName, Role ?? "",
                At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture), Note ?? "", ContentHash ?? "",
                VersionId?.ToString("D") ?? "", "", previous ?? "");
            if (ActingAs is not null || Reference is not null)
            {
                fields = string.Join('\u001f', fields, ActingAs ?? "", Reference ?? "");
            }

            return "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(fields)));
        }

        private static string? Text(JsonElement e, string name)
            => e.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
    }
}
