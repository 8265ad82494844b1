using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Diskominfo.Newsroom.FunctionalTests;

/// <summary>
/// Anonymous readers of the API get a published item in its public shape only, a DTO of its own: what the website shows
/// and nothing else. No cost, budget line (DPA), HSPK or contract number, no user ids or e-mails, no status beyond
/// "it is published", no history, hashes or publication records, no original files.
/// </summary>
public sealed class AnonymousApiShapeTests
{
    /// <summary>The public shape's fields, exactly: a field added to it must be added here, on purpose.</summary>
    private static readonly string[] PublicFields =
        ["id", "type", "title", "lead", "bodyHtml", "category", "categoryLabel", "eventDate", "eventPlace", "paid", "photos", "url", "publishedAt", "modifiedAt", "corrections"];

    private static readonly string[] PhotoFields = ["url", "thumbnailUrl", "caption", "credit"];

    [Fact]
    public Task PublishedAdventorial_ReadAnonymously_HasThePublicShapeOnly_Sqlite() => PublicShapeAsync(TestDatabase.SqliteAsync);

    [Fact]
    public Task PublishedAdventorial_ReadAnonymously_HasThePublicShapeOnly_Postgres() => PublicShapeAsync(TestDatabase.PostgresAsync);

    private static async Task PublicShapeAsync(Func<Task<TestDatabase>> databaseFactory)
    {
        await using var database = await databaseFactory();
        await using var app = await NewsroomApp.StartAsync(database);
        using var writer = await app.LoginAsync("reporter");
        using var kabid = await app.LoginAsync("kabid");
        using var kadis = await app.LoginAsync("kadis");
        using var colleague = await app.LoginAsync("reporter2");
        using var anonymous = app.CreateClient();

        var created = await writer.PostAsJsonAsync("/api/v1/items", new
        {
            type = "adventorial",
            title = "Program Jalan Mulus Kabupaten Raya",
            lead = "Pemerintah Kabupaten Raya menuntaskan perbaikan 40 kilometer jalan.",
            body = "Program ini dibiayai **APBD 2026**.",
            category = "pembangunan",
            eventDate = "2026-11-20",
            eventPlace = "Kecamatan Raya",
            outlet = "Majalah Pembangunan",
            cost = 7_654_321m,
            budgetLine = "2.16.2.21.01.0001",
            hspkReference = "HSPK 2026 butir 7.3",
            contractNumber = "027/45/DISKOMINFO/2026",
            publicationDate = "2026-11-25",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var upload = await Api.UploadAsync(writer, id, Api.Jpeg(1600, 1000), "jalan.jpg", "Jalan yang diperbaiki");
        var mediaId = (await upload.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("mediaId").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await Api.ActAsync(writer, id, "submit")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Api.ActAsync(kabid, id, "approve", "Berkas lengkap.")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Api.ActAsync(kadis, id, "approve", "Setuju.")).StatusCode);
        var work = await Api.WaitForStatusAsync(writer, id, "archived");

        // What staff who may see the work get, for comparison: the administrative file, ids, hashes, the trail.
        Assert.Equal(7_654_321m, work.GetProperty("adventorial").GetProperty("cost").GetDecimal());
        var ownerId = work.GetProperty("owner").GetString()!;
        var secrets = new[]
        {
            "7654321", "2.16.2.21.01.0001", "HSPK 2026", "027/45/DISKOMINFO/2026", ownerId, work.GetProperty("contentHash").GetString()!,
            "@", "Majalah Pembangunan", "archived", "signed", "dry_run", "arsip", "Berkas lengkap", await Office.UserIdAsync(app, "kabid"),
            $"/media/{mediaId:N}\"",
        };

        // Anonymous, and a reporter who is not the writer: the public shape.
        foreach (var reader in new[] { anonymous, colleague })
        {
            var response = await reader.GetAsync($"/api/v1/items/{id}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var text = await response.Content.ReadAsStringAsync();
            var item = JsonDocument.Parse(text).RootElement;
            Assert.Equal(PublicFields.Order(), item.EnumerateObject().Select(p => p.Name).Order());
            foreach (var secret in secrets)
            {
                Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
            }

            Assert.Equal("adventorial", item.GetProperty("type").GetString());
            Assert.True(item.GetProperty("paid").GetBoolean()); // labelled as paid content, as on the website
            Assert.Equal("Program Jalan Mulus Kabupaten Raya", item.GetProperty("title").GetString());
            Assert.Contains("<strong>APBD 2026</strong>", item.GetProperty("bodyHtml").GetString(), StringComparison.Ordinal);
            Assert.Equal("Pembangunan", item.GetProperty("categoryLabel").GetString());
            Assert.StartsWith("/berita/", item.GetProperty("url").GetString(), StringComparison.Ordinal);

            // Photos as readers get them: renditions only, which anyone may fetch; never the original.
            var photo = Assert.Single(item.GetProperty("photos").EnumerateArray());
            Assert.Equal(PhotoFields.Order(), photo.EnumerateObject().Select(p => p.Name).Order());
            Assert.Equal("Jalan yang diperbaiki", photo.GetProperty("caption").GetString());
            Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(photo.GetProperty("url").GetString())).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(photo.GetProperty("thumbnailUrl").GetString())).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/media/{mediaId:N}")).StatusCode);
        }

        // Unpublished work and no item at all: the same answer, which tells nothing.
        var draft = await Api.CreatePressReleaseAsync(writer, "Draf yang belum terbit");
        var hidden = await anonymous.GetAsync($"/api/v1/items/{draft}");
        var missing = await anonymous.GetAsync($"/api/v1/items/{Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        var hiddenText = await hidden.Content.ReadAsStringAsync();
        Assert.DoesNotContain("Draf yang belum terbit", hiddenText, StringComparison.Ordinal);
        Assert.Equal(Problem(await missing.Content.ReadAsStringAsync()), Problem(hiddenText));

        // The other anonymous JSON routes answer without any of it: sign-in and password recovery take no item.
        var apiDescription = await anonymous.GetStringAsync("/openapi/v1.json");
        Assert.Contains("PublicItem", apiDescription, StringComparison.Ordinal);
        foreach (var path in new[] { "/api/v1/items", "/api/v1/desk", "/api/v1/search?q=jalan", $"/api/v1/items/{id}/history/verify", $"/api/v1/items/{id}/captions" })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(path)).StatusCode);
        }
    }

    /// <summary>A problem document without its per-request trace id.</summary>
    private static string Problem(string json)
    {
        var problem = JsonDocument.Parse(json).RootElement;
        return string.Join("|", problem.EnumerateObject().Where(p => p.Name != "traceId").Select(p => $"{p.Name}={p.Value}"));
    }
}
