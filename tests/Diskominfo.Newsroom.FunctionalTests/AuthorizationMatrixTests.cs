using System.Net;
using System.Net.Http.Json;

namespace Diskominfo.Newsroom.FunctionalTests;

/// <summary>
/// Every role x every desk action x own or another's item, each cell asserted allowed or denied with its HTTP status
/// (a reporter gets 404 for everything about another person's unpublished item, as if it did not exist).
/// "Own" is an item the role wrote itself (nobody approves what they wrote); roles that cannot write (archivist,
/// operator, admin) have no own items. "Another's" is an item of a second reporter, in the Kasi's own seksi.
/// Sections and acting officials are covered by <see cref="SectionAuthorizationMatrixTests"/>.
/// </summary>
public sealed class AuthorizationMatrixTests
{
    private static readonly string[] Roles = ["reporter", "kasi", "kabid", "kadis", "arsiparis", "operator", "admin"];
    private static readonly string[] Authors = ["reporter", "kasi", "kabid", "kadis"];
    private static readonly string[] ReportReaders = ["kasi", "kabid", "kadis", "admin"];

    private static readonly Lazy<byte[]> Photo = new(() => Api.Jpeg(800, 600));

    private sealed record Cell(string Action, string State, Func<HttpClient, Guid, Task<HttpResponseMessage>> Perform, Func<string, bool, HttpStatusCode> Expected, bool AboutTheItem = true);

    private static readonly object Edit = new
    {
        title = "Judul yang diubah",
        lead = "Teras yang diubah.",
        body = "Isi yang diubah.",
        category = "umum",
    };

    private static readonly Cell[] Cells =
    [
        new("lihat naskah", "draft", (c, id) => c.GetAsync($"/api/v1/items/{id}"),
            (role, own) => own || role != "reporter" ? HttpStatusCode.OK : HttpStatusCode.NotFound),
        new("periksa buku agenda", "draft", (c, id) => c.GetAsync($"/api/v1/items/{id}/history/verify"),
            (role, own) => own || role != "reporter" ? HttpStatusCode.OK : HttpStatusCode.NotFound),
        new("ubah draf", "draft", (c, id) => c.PutAsJsonAsync($"/api/v1/items/{id}", Edit),
            (role, own) => own ? HttpStatusCode.OK : HttpStatusCode.Forbidden),
        new("unggah foto", "draft", (c, id) => Api.UploadAsync(c, id, Photo.Value, "foto.jpg"),
            (role, own) => own ? HttpStatusCode.Created : HttpStatusCode.Forbidden),
        new("ajukan", "draft", (c, id) => Api.ActAsync(c, id, "submit"),
            (role, own) => own ? HttpStatusCode.OK : HttpStatusCode.Forbidden),
        new("paraf Kasi", "review", (c, id) => Api.ActAsync(c, id, "approve"),
            (role, own) => role == "kasi" && !own ? HttpStatusCode.OK : HttpStatusCode.Forbidden),
        new("kembalikan", "review", (c, id) => Api.ActAsync(c, id, "return", "Perbaiki."),
            (role, own) => role == "kasi" && !own ? HttpStatusCode.OK : HttpStatusCode.Forbidden),
        new("sunting saat ditinjau", "review", (c, id) => c.PutAsJsonAsync($"/api/v1/items/{id}", Edit),
            (role, own) => role == "kasi" && !own ? HttpStatusCode.OK : HttpStatusCode.Forbidden),
        new("atur waktu terbit", "review", (c, id) => c.PostAsJsonAsync($"/api/v1/items/{id}/schedule", new { publishAt = DateTimeOffset.UtcNow.AddDays(1) }),
            (role, own) => role == "kadis" ? HttpStatusCode.OK : HttpStatusCode.Forbidden),
        new("laporan waktu layanan", "draft", (c, _) => c.GetAsync("/api/v1/reports/service-times"),
            (role, own) => ReportReaders.Contains(role) ? HttpStatusCode.OK : HttpStatusCode.Forbidden, AboutTheItem: false),
        new("ubah alur", "draft", (c, _) => c.PutAsJsonAsync("/api/v1/settings/editorial/standards/clipping/archive", new { minutes = 6 }),
            (role, own) => role == "admin" ? HttpStatusCode.NoContent : HttpStatusCode.Forbidden, AboutTheItem: false),
    ];

    [Fact]
    public async Task EveryRole_EveryAction_OwnAndOthersItems_AllowedOrDeniedAsTheChainSays()
    {
        await using var database = await TestDatabase.SqliteAsync();
        await using var app = await NewsroomApp.StartAsync(database, runJobs: false);
        using var other = await app.LoginAsync("reporter2");
        var clients = new Dictionary<string, HttpClient>();
        foreach (var role in Roles)
        {
            clients[role] = await app.LoginAsync(role);
        }

        var mismatches = new List<string>();
        var checkedCells = 0;
        foreach (var cell in Cells)
        {
            foreach (var role in Roles)
            {
                foreach (var own in new[] { true, false })
                {
                    if (own && !Authors.Contains(role))
                    {
                        continue; // no own items: the role cannot write
                    }

                    var owner = own ? clients[role] : other;
                    var id = await Api.CreatePressReleaseAsync(owner, $"{cell.Action} / {role} / {(own ? "sendiri" : "orang lain")}", section: Office.SeksiMedia);
                    if (cell.State == "review")
                    {
                        Assert.Equal(HttpStatusCode.OK, (await Api.ActAsync(owner, id, "submit")).StatusCode);
                    }

                    // Another person's unpublished item is not there for a reporter: every door about it answers 404, as for no item.
                    var expected = role == "reporter" && !own && cell.AboutTheItem ? HttpStatusCode.NotFound : cell.Expected(role, own);
                    var actual = (await cell.Perform(clients[role], id)).StatusCode;
                    checkedCells++;
                    if (actual != expected)
                    {
                        mismatches.Add($"{cell.Action} by {role} on {(own ? "own" : "another's")} item: expected {(int)expected}, got {(int)actual}");
                    }
                }
            }
        }

        // Creating is not about an item: the writers may, the others may not.
        foreach (var role in Roles)
        {
            var response = await clients[role].PostAsJsonAsync("/api/v1/items", new { type = "press-release", title = "Baru", lead = "Teras.", body = "Isi.", category = "umum", section = Office.SeksiMedia });
            var expected = Authors.Contains(role) ? HttpStatusCode.Created : HttpStatusCode.Forbidden;
            checkedCells++;
            if (response.StatusCode != expected)
            {
                mismatches.Add($"create by {role}: expected {(int)expected}, got {(int)response.StatusCode}");
            }
        }

        foreach (var client in clients.Values)
        {
            client.Dispose();
        }

        Assert.Equal(Cells.Length * ((Authors.Length * 2) + (Roles.Length - Authors.Length)) + Roles.Length, checkedCells);
        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
    }
}
