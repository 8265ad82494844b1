using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Diskominfo.Newsroom.FakeGraph;
using Diskominfo.Newsroom.Harness;
using Microsoft.Data.Sqlite;

namespace Diskominfo.Newsroom.FunctionalTests;

/// <summary>
/// The restore drill: an office with items in every state, a backup taken while publications are on their way to
/// Meta, the original destroyed (data folder and keys deleted, database dropped), the backup restored on a fresh node
/// (new data folder, new database, the keys from the backup) that then runs. Every acknowledged approval, archive
/// record and file is there, every hash chain and seal verifies, the search finds the restored items, and nothing is
/// posted twice: exactly one Facebook post and one Instagram post per item.
/// </summary>
public sealed class RestoreDrillTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Drill_Sqlite_EverythingAcknowledgedComesBack_NothingPostedTwice()
    {
        await using var database = await TestDatabase.SqliteAsync();
        await DrillAsync(database, null);
    }

    [Fact]
    public async Task Drill_Postgres_EverythingAcknowledgedComesBack_NothingPostedTwice()
    {
        await using var original = await TestDatabase.PostgresAsync();
        await using var fresh = await TestDatabase.PostgresAsync();
        await DrillAsync(original, fresh);
    }

    private async Task DrillAsync(TestDatabase original, TestDatabase? fresh)
    {
        var first = BackupWorld.TempPath("newsroom-drill-a-");
        var second = BackupWorld.TempPath("newsroom-drill-b-");
        var backup = BackupWorld.TempPath("newsroom-drill-backup-");
        var elsewhere = BackupWorld.TempPath("newsroom-drill-c-");
        try
        {
            await using var graph = await FakeGraphServer.StartAsync();
            graph.QuotaTotal = 100_000;
            graph.ContainerLimit = 100_000;
            graph.Latency = TimeSpan.FromMilliseconds(100);
            var site = SiteProcess.FindSiteAssembly();
            var port = SiteProcess.FreePort(); // the restored node answers at the same address, as after a disk change
            Dictionary<string, string> Settings(string dataDir, TestDatabase database)
            {
                var settings = new Dictionary<string, string>(SiteProcess.ChannelSettings(graph))
                {
                    ["Newsroom:DataDir"] = dataDir,
                    ["Newsroom:Database:Provider"] = database.Provider,
                    ["ConnectionStrings:Newsroom"] = database.ConnectionString ?? $"Data Source={Path.Combine(dataDir, "newsroom.db")}",
                    ["Newsroom:Lease"] = "00:00:05",
                    ["Newsroom:ContainerPollInterval"] = "00:00:00.200",
                };
                return settings;
            }

            // The office at work: every state an item can be in.
            var items = new Dictionary<string, Guid>();
            var acknowledged = new Dictionary<Guid, JsonElement>();
            var signed = new List<Guid>();
            await using (var node = SiteProcess.Start(site, port, Settings(first, original)))
            {
                await node.WaitReadyAsync(TimeSpan.FromSeconds(90));
                using var api = await NewsroomApiClient.SignInAsync(node.BaseAddress);
                var photo = NewsroomApiClient.Jpeg(1200, 800);
                items["draft"] = await CreateAsync(api, "Draf zamrud perpustakaan keliling", photo);
                items["submitted"] = await CreateAsync(api, "Diajukan zamrud posyandu desa", photo, "submit");
                items["kasi"] = await CreateAsync(api, "Paraf kasi zamrud pasar malam", photo, "submit", "kasi:approve");
                items["kabid"] = await api.PrepareAsync("Paraf kabid zamrud taman kota", photo);
                items["returned"] = await CreateAsync(api, "Dikembalikan zamrud jalan desa", photo, "submit", "kasi:return");
                items["rejected"] = await ClippingAsync(api, "Kliping ditolak zamrud iklan", photo, "submit", "kasi:reject");
                items["archivedClipping"] = await ClippingAsync(api, "Kliping zamrud irigasi sawah", photo, "submit", "kasi:approve", "kabid:approve", "kadis:approve");
                items["scheduled"] = await api.PrepareAsync("Terjadwal zamrud festival budaya", photo);
                await EnsureAsync(await api.As("kadis").PostAsJsonAsync($"/api/v1/items/{items["scheduled"]}/schedule", new { publishAt = DateTimeOffset.UtcNow.AddDays(30) }));
                await api.SignAsync(items["scheduled"]);
                for (var i = 1; i <= 2; i++)
                {
                    items[$"published{i}"] = await api.PrepareAsync($"Terbit zamrud jembatan gantung {i}", photo);
                    await api.SignAsync(items[$"published{i}"]);
                    signed.Add(items[$"published{i}"]);
                }

                await WaitAsync(api, [items["published1"], items["published2"], items["archivedClipping"]], "archived", TimeSpan.FromMinutes(2));

                // Publications on their way when the backup is taken: Meta answers slowly.
                graph.Latency = TimeSpan.FromSeconds(1.5);
                for (var i = 1; i <= 3; i++)
                {
                    items[$"inFlight{i}"] = await api.PrepareAsync($"Dalam perjalanan zamrud bendungan {i}", photo);
                    await api.SignAsync(items[$"inFlight{i}"]);
                    signed.Add(items[$"inFlight{i}"]);
                }

                var started = Stopwatch.StartNew();
                while (!graph.Requests.Any(r => r.StartsWith("POST", StringComparison.Ordinal) && r.EndsWith($"{graph.PageId}/photos", StringComparison.Ordinal)))
                {
                    Assert.True(started.Elapsed < TimeSpan.FromSeconds(60), "No Facebook post started.");
                    await Task.Delay(20);
                }

                // What the office was told before the backup began is what must come back.
                foreach (var id in items.Values)
                {
                    acknowledged[id] = await api.GetAsync(id);
                }

                var (exit, text) = await BackupWorld.RunAsync(first, BackupWorld.Node(first, original), "backup", "--to", backup);
                Assert.True(exit == 0, text);
                output.WriteLine(text);

                // The original goes on posting for a while after its backup, then its disk dies.
                await Task.Delay(TimeSpan.FromSeconds(3));
            }

            var uploads = BackupWorld.Hashes(Path.Combine(first, "media", "originals"));
            Assert.True(uploads.Count >= items.Count, $"{uploads.Count} uploads");

            // A restore is refused onto a node that is not empty (the original's own database and data).
            var (refusedExit, refused) = await BackupWorld.RunAsync(elsewhere, BackupWorld.Node(first, original), "restore", "--from", backup);
            Assert.True(refusedExit == 1, refused);
            Assert.Contains(original.Provider == "Postgres" ? "Basis data PostgreSQL tidak kosong" : "sudah ada", refused, StringComparison.Ordinal);

            SqliteConnection.ClearAllPools();
            BackupWorld.Delete(first, first + "-keys", elsewhere, elsewhere + "-keys");
            if (fresh is not null)
            {
                await original.DisposeAsync(); // DROP DATABASE
            }

            var target = fresh ?? original;
            var (restoreExit, restored) = await BackupWorld.RunAsync(second, BackupWorld.Node(second, target), "restore", "--from", backup);
            output.WriteLine(restored);
            Assert.True(restoreExit == 0, restored);
            Assert.Contains("search index: Indeks pencarian dibangun ulang", restored, StringComparison.Ordinal);

            await using var node2 = SiteProcess.Start(site, port, Settings(second, target));
            await node2.WaitReadyAsync(TimeSpan.FromSeconds(90));
            graph.Latency = TimeSpan.FromMilliseconds(100);
            using var api2 = await NewsroomApiClient.SignInAsync(node2.BaseAddress);
            await WaitAsync(api2, signed, "archived", TimeSpan.FromMinutes(3));

            // Every file, byte for byte.
            var back = BackupWorld.Hashes(Path.Combine(second, "media", "originals"));
            Assert.All(uploads, u => Assert.Equal(u.Value, back.GetValueOrDefault(u.Key)));

            foreach (var (name, id) in items)
            {
                var before = acknowledged[id];
                var after = await api2.GetAsync(id);
                var beforeTrail = Trail(before);
                var afterTrail = Trail(after);
                Assert.True(afterTrail.Take(beforeTrail.Count).SequenceEqual(beforeTrail), $"{name}: trail {string.Join(",", beforeTrail)} became {string.Join(",", afterTrail)}");
                if (!signed.Contains(id))
                {
                    Assert.Equal(before.GetProperty("status").GetString(), after.GetProperty("status").GetString());
                }

                if (before.GetProperty("archive").ValueKind == JsonValueKind.Object)
                {
                    Assert.Equal(before.GetProperty("archive").GetProperty("number").GetString(), after.GetProperty("archive").GetProperty("number").GetString());
                }

                Assert.Equal(before.GetProperty("photos").GetArrayLength(), after.GetProperty("photos").GetArrayLength());
                var verdict = await api2.As("reporter").GetFromJsonAsync<JsonElement>($"/api/v1/items/{id}/history/verify");
                Assert.True(verdict.GetProperty("intact").GetBoolean(), $"{name}: {verdict}");
            }

            Assert.Equal("signed", (await api2.GetAsync(items["scheduled"])).GetProperty("status").GetString());
            var sheet = await api2.As("kasi").GetAsync($"/api/v1/items/{items["published1"]}/archive-sheet.pdf");
            Assert.Equal(HttpStatusCode.OK, sheet.StatusCode);
            var sheetText = await ArchiveSheetTests.PdfTextAsync(await sheet.Content.ReadAsByteArrayAsync());
            Assert.Contains("Segel lembar: cocok", sheetText, StringComparison.Ordinal);

            // The rebuilt index finds restored items, archived and in the desk alike.
            foreach (var key in new[] { "published1", "archivedClipping", "draft" })
            {
                var title = (await api2.GetAsync(items[key])).GetProperty("title").GetString()!;
                var word = title.Split(' ')[^1] == "1" ? "gantung" : title.Split(' ')[^1];
                // The index is rebuilt in the background after a restore: asked until it answers, for up to a minute.
                var found = false;
                for (var i = 0; i < 120 && !found; i++)
                {
                    var page = await api2.As("kasi").GetFromJsonAsync<JsonElement>($"/api/v1/search?q=zamrud+{Uri.EscapeDataString(word)}");
                    found = page.GetProperty("items").EnumerateArray().Any(h => h.GetProperty("id").GetGuid() == items[key]);
                    if (!found)
                    {
                        await Task.Delay(500);
                    }
                }

                Assert.True(found, $"The restored item {key} is not found by search.");
            }

            // Never twice: one Facebook post and one Instagram post per signed press release, made by either node.
            var problems = new List<string>();
            foreach (var id in signed)
            {
                var item = await api2.GetAsync(id);
                var url = Publications.Of(item, "website").GetProperty("url").GetString()!;
                var facebook = graph.PostsContaining(url + "\n");
                var instagram = graph.MediaContaining(url + "\n");
                if (facebook != 1 || instagram != 1)
                {
                    problems.Add($"{item.GetProperty("title")}: Facebook {facebook}, Instagram {instagram}");
                }
            }

            Assert.True(problems.Count == 0, string.Join("\n", problems));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            BackupWorld.Delete(first, first + "-keys", second, second + "-keys", backup, elsewhere, elsewhere + "-keys");
        }
    }

    private static List<string> Trail(JsonElement item)
        => [.. item.GetProperty("history").EnumerateArray().Select(h => $"{h.GetProperty("action").GetString()}@{h.GetProperty("at").GetString()}")];

    /// <summary>A press release by the reporter with a photo, taken through <paramref name="steps"/> (<c>submit</c>, <c>kasi:approve</c>...).</summary>
    private static async Task<Guid> CreateAsync(NewsroomApiClient api, string title, byte[] photo, params string[] steps)
    {
        var created = await api.As("reporter").PostAsJsonAsync("/api/v1/items", new
        {
            type = "press-release", title, lead = $"{title}: teras berita.", body = "Isi berita uji pemulihan.", category = "pemerintahan",
            eventDate = "2026-11-20", eventPlace = "Kantor Bupati",
        });
        return await StepsAsync(api, created, photo, steps);
    }

    private static async Task<Guid> ClippingAsync(NewsroomApiClient api, string title, byte[] scan, params string[] steps)
    {
        var created = await api.As("reporter").PostAsJsonAsync("/api/v1/items", new
        {
            type = "clipping", title, outlet = "Harian Suara Raya", mediaType = "koran", editionDate = "2026-11-21", page = "5",
            text = $"{title}: isi kliping.", tone = "positif",
        });
        return await StepsAsync(api, created, scan, steps);
    }

    private static async Task<Guid> StepsAsync(NewsroomApiClient api, HttpResponseMessage created, byte[] photo, string[] steps)
    {
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        using (var form = new MultipartFormDataContent())
        {
            var file = new ByteArrayContent(photo);
            file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("image/jpeg");
            form.Add(file, "file", "foto.jpg");
            form.Add(new StringContent("Foto kegiatan"), "caption");
            form.Add(new StringContent("Humas Diskominfo"), "credit");
            await EnsureAsync(await api.As("reporter").PostAsync($"/api/v1/items/{id}/media", form), HttpStatusCode.Created);
        }

        foreach (var step in steps)
        {
            var (user, action) = step.Contains(':', StringComparison.Ordinal) ? (step.Split(':')[0], step.Split(':')[1]) : ("reporter", step);
            await EnsureAsync(await api.As(user).PostAsJsonAsync($"/api/v1/items/{id}/{action}", new { note = action is "return" or "reject" ? "Perlu diperbaiki." : null }));
        }

        return id;
    }

    private static async Task WaitAsync(NewsroomApiClient api, IEnumerable<Guid> ids, string status, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        var waiting = ids.ToList();
        while (waiting.Count > 0)
        {
            var states = new List<string>();
            foreach (var id in waiting.ToList())
            {
                var item = await api.GetAsync(id);
                if (item.GetProperty("status").GetString() == status)
                {
                    waiting.Remove(id);
                }
                else
                {
                    states.Add($"{item.GetProperty("title")}: {item.GetProperty("status")} {item.GetProperty("publications")}");
                }
            }

            Assert.True(waiting.Count == 0 || DateTime.UtcNow < deadline, $"Not {status} within {timeout}:\n{string.Join("\n", states)}");
            if (waiting.Count > 0)
            {
                await Task.Delay(500);
            }
        }
    }

    private static async Task EnsureAsync(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
        => Assert.True(response.StatusCode == expected, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
}
