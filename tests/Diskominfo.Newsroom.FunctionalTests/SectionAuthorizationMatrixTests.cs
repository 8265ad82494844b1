using System.Net;
using System.Net.Http.Json;

namespace Diskominfo.Newsroom.FunctionalTests;

/// <summary>
/// Every person x every approval action x an item of the Kasi's own seksi or of the other seksi x with or without acting
/// officials (Plh/Plt) in force, plus each writer on his own item: each cell asserted allowed or denied with its HTTP status,
/// and the desk listing exactly what may be approved. Zero unexpected allows, zero unexpected refusals. A reporter acting
/// for nobody gets 404 for the others' items in review (<see cref="ObjectAccessTests"/>).
/// The demo office: kasi heads Seksi Media (reporter2 writes there), kasi2 heads Seksi Komunikasi (reporter3 writes there),
/// kabid heads the bidang over both. With delegations: kasi is Plt Kasi of Seksi Komunikasi, the archivist Plh Kabid, the
/// operator Plh Kadis.
/// </summary>
public sealed class SectionAuthorizationMatrixTests
{
    private static readonly string[] Actors = ["reporter", "kasi", "kasi2", "kabid", "kadis", "arsiparis", "operator", "admin"];
    private static readonly string[] Steps = ["kasi", "kabid", "kadis"];

    private sealed record Cell(string Action, int Step, Func<HttpClient, Guid, Task<HttpResponseMessage>> Perform, bool RefusedTakerIsConflict);

    private static readonly Cell[] Cells =
    [
        new("paraf Kasi", 0, (c, id) => Api.ActAsync(c, id, "approve"), true),
        new("kembalikan di langkah Kasi", 0, (c, id) => Api.ActAsync(c, id, "return", "Perbaiki."), true),
        new("sunting di langkah Kasi", 0, (c, id) => c.PutAsJsonAsync($"/api/v1/items/{id}", new { title = "Diubah", lead = "Teras.", body = "Isi.", category = "umum" }), false),
        new("paraf Kabid", 1, (c, id) => Api.ActAsync(c, id, "approve"), true),
        new("tanda tangan Kadis", 2, (c, id) => Api.ActAsync(c, id, "approve"), true),
    ];

    private static string KasiOf(Guid section) => section == Office.SeksiMedia ? "kasi" : "kasi2";

    private static bool Holds(string actor, string role, Guid section) => role switch
    {
        "kasi" => actor == KasiOf(section),
        "kabid" => actor == "kabid",
        "kadis" => actor == "kadis",
        _ => false,
    };

    private static bool ActsFor(string actor, string role, Guid section) => (actor, role) switch
    {
        ("kasi", "kasi") => section == Office.SeksiKomunikasi,
        ("arsiparis", "kabid") => true,
        ("operator", "kadis") => true,
        _ => false,
    };

    /// <summary>Who took the steps before <paramref name="step"/> on an item of <paramref name="section"/>.</summary>
    private static string[] Takers(int step, Guid section) => [.. new[] { KasiOf(section), "kabid" }.Take(step)];

    private static HttpStatusCode Expected(string actor, Cell cell, Guid section, bool delegated)
    {
        // A reporter who acts for nobody does not see another person's unpublished item at all: 404, as for no item.
        if (actor == "reporter")
        {
            return HttpStatusCode.NotFound;
        }

        var role = Steps[cell.Step];
        if (Takers(cell.Step, section).Contains(actor))
        {
            return cell.RefusedTakerIsConflict ? HttpStatusCode.Conflict : HttpStatusCode.Forbidden;
        }

        return Holds(actor, role, section) || (delegated && ActsFor(actor, role, section)) ? HttpStatusCode.OK : HttpStatusCode.Forbidden;
    }

    [Fact]
    public async Task EveryPerson_EveryStep_OwnAndOtherSeksi_WithAndWithoutPlh_AllowedOnlyAsTheOfficeSays()
    {
        await using var database = await TestDatabase.SqliteAsync();
        await using var app = await NewsroomApp.StartAsync(database, runJobs: false);
        var clients = new Dictionary<string, HttpClient>();
        foreach (var name in Actors.Append("reporter2").Append("reporter3"))
        {
            clients[name] = await app.LoginAsync(name);
        }

        async Task<Guid> AtStepAsync(string author, Guid section, int step, string title)
        {
            var id = await Api.CreatePressReleaseAsync(clients[author], title, section: section);
            Assert.Equal(HttpStatusCode.OK, (await Api.ActAsync(clients[author], id, "submit")).StatusCode);
            foreach (var taker in Takers(step, section))
            {
                Assert.Equal(HttpStatusCode.OK, (await Api.ActAsync(clients[taker], id, "approve")).StatusCode);
            }

            return id;
        }

        var mismatches = new List<string>();
        var checkedCells = 0;
        foreach (var delegated in new[] { false, true })
        {
            if (delegated)
            {
                var today = Office.Today();
                await Office.AppointAsync(clients["kadis"], "kasi", Office.SeksiKomunikasi, await Office.UserIdAsync(app, "kasi"), today, today, "800/1/2026", "plt");
                await Office.AppointAsync(clients["kadis"], "kabid", Office.Bidang, await Office.UserIdAsync(app, "arsiparis"), today, today, "800/2/2026");
                await Office.AppointAsync(clients["kadis"], "kadis", null, await Office.UserIdAsync(app, "operator"), today, today, "800/3/2026");
            }

            var mode = delegated ? "with Plh/Plt" : "without Plh/Plt";
            foreach (var cell in Cells)
            {
                foreach (var section in new[] { Office.SeksiMedia, Office.SeksiKomunikasi })
                {
                    var author = section == Office.SeksiMedia ? "reporter2" : "reporter3";
                    var seksi = section == Office.SeksiMedia ? "Media" : "Komunikasi";
                    foreach (var actor in Actors)
                    {
                        var id = await AtStepAsync(author, section, cell.Step, $"{cell.Action} / {actor} / {seksi} / {mode}");
                        var expected = Expected(actor, cell, section, delegated);
                        if (cell.Step == 0 && cell.Action == "paraf Kasi" || cell.Step > 0)
                        {
                            var listed = (await Office.DeskAsync(clients[actor])).Lists(id);
                            checkedCells++;
                            if (listed != (expected == HttpStatusCode.OK))
                            {
                                mismatches.Add($"desk of {actor} {(listed ? "lists" : "misses")} an item at {cell.Action}, seksi {seksi}, {mode}");
                            }
                        }

                        var actual = (await cell.Perform(clients[actor], id)).StatusCode;
                        checkedCells++;
                        if (actual != expected)
                        {
                            mismatches.Add($"{cell.Action} by {actor} on seksi {seksi}, {mode}: expected {(int)expected}, got {(int)actual}");
                        }
                    }
                }
            }

            // A writer never takes a step of his own item, even holding the post of that step.
            foreach (var (writer, step) in new[] { ("reporter", 0), ("kasi", 0), ("kasi2", 0), ("kabid", 1), ("kadis", 2) })
            {
                var section = writer == "kasi2" ? Office.SeksiKomunikasi : Office.SeksiMedia;
                var id = await AtStepAsync(writer, section, step, $"sendiri / {writer} / {mode}");
                var actual = (await Api.ActAsync(clients[writer], id, "approve")).StatusCode;
                checkedCells++;
                if (actual != HttpStatusCode.Forbidden)
                {
                    mismatches.Add($"{writer} approving his own item at the {Steps[step]} step, {mode}: expected 403, got {(int)actual}");
                }
            }
        }

        foreach (var client in clients.Values)
        {
            client.Dispose();
        }

        Assert.Equal(2 * ((Cells.Length * 2 * Actors.Length) + (3 * 2 * Actors.Length) + 5), checkedCells);
        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
    }
}
