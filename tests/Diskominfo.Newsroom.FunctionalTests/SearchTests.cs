using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Diskominfo.Newsroom.FakeGraph;

namespace Diskominfo.Newsroom.FunctionalTests;

/// <summary>The archive's search in Indonesian: word forms, phrases, prefixes, outlet typos, facets, who sees what.</summary>
public sealed class SearchTests
{
    [Fact]
    public async Task Search_FindsEveryFormOfAWord_PhrasesExactly_OutletsDespiteTypos_AndThePublicOnlyPublished()
    {
        await using var database = await TestDatabase.SqliteAsync();
        await using var graph = await FakeGraphServer.StartAsync();
        await using var app = await NewsroomApp.StartAsync(database, graph);
        using var reporter = await app.LoginAsync("reporter");
        using var other = await app.LoginAsync("reporter2");
        using var kasi = await app.LoginAsync("kasi");
        using var anonymous = app.CreateClient();

        var bridge = await ClippingAsync(reporter, "Pembangunan jembatan gantung Desa Raya rampung", "Harian Suara Raya", "koran", "positif",
            "Pembangunan jembatan gantung yang menghubungkan Desa Raya dan Desa Makmur rampung bulan ini.");
        var school = await ClippingAsync(reporter, "Gedung sekolah dibangun kembali", "Radar Raya", "tabloid", "negatif",
            "Gedung SD Negeri 3 dibangun kembali setelah banjir, namun warga menilai pekerjaannya lambat.");
        var rope = await ClippingAsync(reporter, "Jembatan kayu Desa Sari rusak", "Radar Raya", "koran", "negatif",
            "Warga mengeluhkan jembatan kayu yang rusak; tali gantung untuk jemuran dipasang di pagarnya.");
        var festival = await ClippingAsync(reporter, "Festival budaya meriah", "Warta Kita", "majalah", "positif",
            "Ribuan warga menonton festival budaya di alun-alun.", editionDate: "2026-11-02");

        // The index follows the drafts as they are saved.
        var all = await SearchUntilAsync(kasi, "?q=raya", r => r.GetProperty("total").GetInt32() == 3);
        Assert.Equal(3, all.GetProperty("total").GetInt32());

        // "bangun" finds "pembangunan" and "dibangun", marked in the snippet, and nothing else.
        var built = await SearchAsync(kasi, "?q=bangun");
        Assert.Equal([bridge, school], Ids(built).Order());
        var snippets = string.Join(" ", built.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("snippet").GetString()));
        Assert.Contains("<mark>Pembangunan</mark>", snippets, StringComparison.Ordinal);
        Assert.Contains("<mark>dibangun</mark>", snippets, StringComparison.Ordinal);

        // An exact phrase finds only the exact phrase; both words apart are not it.
        Assert.Equal([bridge, rope], Ids(await SearchAsync(kasi, "?q=jembatan+gantung")).Order());
        Assert.Equal([bridge], Ids(await SearchAsync(kasi, "?q=%22jembatan+gantung%22")));

        // A prefix, an excluded word, an outlet with a typo, filters and facets.
        Assert.Equal([bridge], Ids(await SearchAsync(kasi, "?q=pembang*")));
        Assert.Equal([bridge], Ids(await SearchAsync(kasi, "?q=jembatan+-kayu")));
        Assert.Equal([bridge], Ids(await SearchAsync(kasi, "?outlet=Harian+Suara+Rya")));
        Assert.Equal([school, rope], Ids(await SearchAsync(kasi, "?outlet=radar%20raya")).Order());
        Assert.Equal([rope], Ids(await SearchAsync(kasi, "?q=jembatan&tone=negatif")));
        Assert.Equal([school], Ids(await SearchAsync(kasi, "?mediaType=tabloid")));
        var faceted = await SearchAsync(kasi, "?type=clipping");
        Assert.Equal(4, faceted.GetProperty("total").GetInt32());
        Assert.Equal(2, Facet(faceted, "tone", "negatif"));
        Assert.Equal(2, Facet(faceted, "outlet", "Radar Raya"));
        Assert.Equal(4, Facet(faceted, "type", "clipping"));
        Assert.Equal(1, Facet(faceted, "mediaType", "majalah"));
        Assert.Equal(4, Facet(faceted, "month", "2026-11"));
        var oldestFirst = Ids(await SearchAsync(kasi, "?type=clipping&sort=oldest"));
        Assert.Equal(festival, oldestFirst[0]);

        // Another reporter does not see these drafts; the public sees none of them.
        Assert.Equal(0, (await SearchAsync(other, "?q=bangun")).GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/search?q=bangun")).StatusCode);

        // A published press release is found by the public in any form of the word; a draft never is.
        var path = await Api.PublishAsync(app, reporter, "Bupati tinjau pembangunan pasar Raya", "pembangunan", photos: 1);
        var draft = await Api.CreatePressReleaseAsync(reporter, "Rencana membangun terminal baru", body: "Terminal akan dibangun tahun depan.");
        await SearchUntilAsync(kasi, "?q=terminal", r => r.GetProperty("total").GetInt32() == 1);
        var page = await SearchPageUntilAsync(anonymous, "/cari?q=bangun", html => html.Contains(path, StringComparison.Ordinal));
        Assert.Contains("<mark>dibangun</mark>", page, StringComparison.Ordinal);
        Assert.Contains("1 berita ditemukan", page, StringComparison.Ordinal);
        Assert.DoesNotContain("terminal", page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Gedung sekolah", page, StringComparison.Ordinal);
        Assert.DoesNotContain(draft.ToString(), page, StringComparison.Ordinal);
        Assert.Contains("Tidak ada berita", await anonymous.GetStringAsync("/cari?q=terminal"), StringComparison.Ordinal);

        // The archive number is searchable and shown once the item is archived.
        var archived = await SearchAsync(kasi, "?q=pasar&type=press-release");
        var number = archived.GetProperty("items")[0].GetProperty("archiveNumber").GetString();
        Assert.Matches(@"^489/\d{4}/DISKOMINFO/\d{4}$", number);
        Assert.Equal("489", archived.GetProperty("items")[0].GetProperty("classification").GetString());
        Assert.Equal(path, archived.GetProperty("items")[0].GetProperty("url").GetString());

        // Bad input is said in Indonesian, with the field.
        var bad = await kasi.GetAsync("/api/v1/search?sort=acak&from=2026-13-01&page=0&tone=senang");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Contains("relevance", errors.GetProperty("sort")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("TTTT-BB-HH", errors.GetProperty("from")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("Halaman", errors.GetProperty("page")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("positif, netral, negatif", errors.GetProperty("tone")[0].GetString(), StringComparison.Ordinal);

        // The archivists' page: the same search, with passages, facets that narrow it, and refusals in Indonesian.
        using var desk = await app.SignInAsync("arsiparis");
        var html = await desk.Http.GetStringAsync("/admin/cari?q=bangun&type=clipping");
        Assert.Contains("2 naskah ditemukan", html, StringComparison.Ordinal);
        Assert.Contains("<mark>dibangun</mark>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/admin/cari?q=bangun&amp;type=clipping&amp;tone=negatif\"", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/admin/naskah/{school}\"", html, StringComparison.Ordinal);
        var narrowed = await desk.Http.GetStringAsync("/admin/cari?q=bangun&type=clipping&tone=negatif");
        Assert.Contains("1 naskah ditemukan", narrowed, StringComparison.Ordinal);
        var refusedPage = await desk.Http.GetAsync("/admin/cari?sort=acak");
        Assert.Equal(HttpStatusCode.BadRequest, refusedPage.StatusCode);
        Assert.Contains("Urutan harus relevance", await refusedPage.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Text a parser cannot read is searched word for word, not refused.
        Assert.Equal(HttpStatusCode.OK, (await kasi.GetAsync("/api/v1/search?q=%22jembatan+(gantung")).StatusCode);
    }

    internal static async Task<Guid> ClippingAsync(HttpClient client, string title, string outlet, string mediaType, string tone, string text, string editionDate = "2026-11-21")
    {
        var response = await client.PostAsJsonAsync("/api/v1/items", new
        {
            type = "clipping", title, outlet, mediaType, editionDate, page = "3", headline = title, text, tone, topics = (string[])["pemerintahan"],
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>
    /// A whole answer: one marked partial (the search reached its 100 ms time limit, which a pause of a loaded test
    /// machine can cause, the likely reason a CI run once got no hits for "bangun") is asked again, a few times.
    /// </summary>
    internal static async Task<JsonElement> SearchAsync(HttpClient client, string query)
    {
        for (var tries = 1; ; tries++)
        {
            var result = await AnswerAsync(client, query);
            if (!result.GetProperty("partial").GetBoolean() || tries == 5)
            {
                return result;
            }

            await Task.Delay(200);
        }
    }

    private static async Task<JsonElement> AnswerAsync(HttpClient client, string query)
    {
        var response = await client.GetAsync("/api/v1/search" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>The index follows commits within a moment; this waits for it (20 s at most unless told).</summary>
    internal static async Task<JsonElement> SearchUntilAsync(HttpClient client, string query, Func<JsonElement, bool> done, int seconds = 20)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var result = await AnswerAsync(client, query);
            if (done(result) || DateTime.UtcNow > deadline)
            {
                return result;
            }

            await Task.Delay(100);
        }
    }

    private static async Task<string> SearchPageUntilAsync(HttpClient client, string path, Func<string, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var html = await client.GetStringAsync(path);
            if (done(html) || DateTime.UtcNow > deadline)
            {
                return html;
            }

            await Task.Delay(100);
        }
    }

    internal static Guid[] Ids(JsonElement results) => [.. results.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid())];

    private static int Facet(JsonElement results, string facet, string value)
        => results.GetProperty("facets").GetProperty(facet).EnumerateArray()
            .Where(f => f.GetProperty("value").GetString() == value).Select(f => f.GetProperty("count").GetInt32()).SingleOrDefault();
}
