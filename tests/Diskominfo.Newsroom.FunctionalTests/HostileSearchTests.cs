using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Diskominfo.Newsroom.FakeGraph;

namespace Diskominfo.Newsroom.FunctionalTests;

/// <summary>
/// Costly queries, as the internet sends them, to the public search page and to the API: each is answered 200 with a
/// harmless result or a clear Indonesian 400, never 500 and never a runaway; and what is not the documented syntax
/// (words, "phrases", prefix*, -exclusion) is searched as literal text.
/// </summary>
public sealed class HostileSearchTests
{
    /// <summary>Generous: it only catches a runaway, it does not measure speed (bench/hostile-search.sh does).</summary>
    private static readonly TimeSpan Runaway = TimeSpan.FromSeconds(15);

    private static readonly (string Kind, string Query)[] Catalogue =
    [
        ("regex-everything", "/.*/"),
        ("regex-catastrophic", "/(a+)+(b+)+$/"),
        ("regex-classes", "/[a-z]{1,20}an[^x]*/"),
        ("range-inclusive", "[a TO zzzz]"),
        ("range-exclusive", "{0 TO 99999999}"),
        ("fuzzy", "bangun~2"),
        ("fuzzy-many", "desa~2 warga~2 jalan~2 pasar~2 bupati~2"),
        ("leading-star", "*an"),
        ("leading-question-mark", "?embatan"),
        ("star-alone", "*"),
        ("match-all", "*:*"),
        ("inner-wildcards", "p*e*m*b*a*n*g*u*n*a*n"),
        ("field-names", "title:jembatan text:* key:scope=staff"),
        ("boosts", "jembatan^1000000 desa^0.0001"),
        ("boolean-operators", "desa OR warga AND NOT pasar || sekolah && !bupati"),
        ("nested-parentheses", new string('(', 90) + "jembatan" + new string(')', 90)),
        ("backslashes", "\\\\ \\\" \\* \\jembatan \\u0041"),
        ("unbalanced-quote", "\"jembatan (gantung [desa {warga"),
        ("only-exclusions", "-jembatan -desa"),
        ("many-exclusions", "jembatan -a -b -c -d -e -f -g -h -i -j -k -l -m -n -o -p -q -r -s"),
        ("stop-words", "yang di dan untuk dengan pada ke dari ini itu"),
        ("punctuation", "!@#$%^&*()_+=-{}[]|:;<>,.?/~`'\""),
        ("one-letter-prefix", "j*"),
        ("twenty-prefixes", "pe* me* di* ke* ba* be* ja* ka* ma* pa* sa* se* ta* te* la* ga* bu* wa* ra* an*"),
        ("long-word", new string('a', 200)),
        ("unicode", "\u202Ejembatan\u200B warga \U0001F600 e\u0303\u0338 \U0001D555\U0001D556"),
        ("control-characters", "jembatan\u0000\u0001\u001F\u007F warga\r\n\t"),
        ("sql-injection", "' OR 1=1; DROP TABLE content_items; --"),
        ("html-script", "<script>alert(1)</script><img src=x onerror=alert(1)>"),
        ("json-breaker", "\"}]}{\"q\":\""),
        ("too-long", new string('x', 10_000)),
        ("201-characters", new string('j', 201)),
        ("21-words", string.Join(' ', Enumerable.Range(1, 21).Select(i => $"kata{i}"))),
        ("phrase-of-21-words", "\"" + string.Join(' ', Enumerable.Range(1, 21).Select(i => $"kata{i}")) + "\""),
    ];

    [Fact]
    public async Task Search_HostileQueries_HarmlessAnswerOrClearRefusal_OnThePageAndTheApi()
    {
        await using var database = await TestDatabase.SqliteAsync();
        await using var app = await NewsroomApp.StartAsync(database, runJobs: false);
        using var kasi = await app.LoginAsync("kasi");
        using var anonymous = app.CreateClient();
        await SearchTests.ClippingAsync(kasi, "Jembatan gantung Desa Raya rampung", "Harian Suara Raya", "koran", "positif", "Pembangunan jembatan gantung rampung.");
        await SearchTests.SearchUntilAsync(kasi, "?q=jembatan", r => r.GetProperty("total").GetInt32() == 1);

        Assert.True(Catalogue.Length >= 30);
        foreach (var (kind, query) in Catalogue)
        {
            var clock = Stopwatch.StartNew();
            var page = await anonymous.GetAsync("/cari?q=" + Uri.EscapeDataString(query));
            var api = await kasi.GetAsync("/api/v1/search?q=" + Uri.EscapeDataString(query));
            Assert.True(clock.Elapsed < Runaway, $"{kind}: {clock.Elapsed}");

            Assert.True(page.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"{kind}: /cari answered {page.StatusCode}");
            Assert.True(page.StatusCode == api.StatusCode, $"{kind}: /cari {page.StatusCode}, API {api.StatusCode}");
            var html = await page.Content.ReadAsStringAsync();
            Assert.Contains("<form method=\"get\" action=\"/cari\"", html, StringComparison.Ordinal);
            if (api.StatusCode == HttpStatusCode.BadRequest)
            {
                // Refused with what to change, under the field; on the page as a message beside the form, not an error page.
                var problem = await api.Content.ReadFromJsonAsync<JsonElement>();
                Assert.Contains("paling", problem.GetProperty("errors").GetProperty("q")[0].GetString(), StringComparison.Ordinal);
                Assert.Contains("Pencarian belum dapat dijalankan", html, StringComparison.Ordinal);
            }
            else
            {
                // Nothing of it matches everything: at most the one clipping, found by its literal words; the public, nothing.
                var results = await api.Content.ReadFromJsonAsync<JsonElement>();
                Assert.True(results.GetProperty("total").GetInt32() <= 1, $"{kind}: {results}");
                Assert.False(results.GetProperty("partial").GetBoolean(), kind);
                Assert.DoesNotContain("berita ditemukan", html, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task Search_OperatorsOutsideTheSyntax_AreLiteralText_AndTheSyntaxStillWorks()
    {
        await using var database = await TestDatabase.SqliteAsync();
        await using var graph = await FakeGraphServer.StartAsync();

        // What each query means, not how fast. On a loaded CI machine "jembatan" once found one of its two clippings,
        // most likely the 100 ms time limit cutting the search short (an answer marked partial, printed on failure now).
        // The limit has its own test below.
        await using var app = await NewsroomApp.StartAsync(
            database, graph, extraSettings: new Dictionary<string, string?> { ["Newsroom:Search:TimeLimit"] = "00:00:30" });
        using var reporter = await app.LoginAsync("reporter");
        using var kasi = await app.LoginAsync("kasi");
        using var anonymous = app.CreateClient();

        var literal = await SearchTests.ClippingAsync(reporter, "Kode proyek bangun~2 dibahas", "Harian Suara Raya", "koran", "netral",
            "Rapat membahas kode proyek bangun~2 untuk jembatan gantung desa.");
        var near = await SearchTests.ClippingAsync(reporter, "Warga Bandung berdatangan", "Radar Raya", "koran", "positif",
            "Rombongan dari Bandung berdatangan ke festival budaya.");
        var bridge = await SearchTests.ClippingAsync(reporter, "Jembatan kayu diperbaiki", "Radar Raya", "tabloid", "negatif",
            "Jembatan kayu di Desa Sari diperbaiki warga; title:jembatan tertulis di papan.");
        await SearchTests.SearchUntilAsync(kasi, "?type=clipping", r => r.GetProperty("total").GetInt32() == 3);

        // A fuzzy operator is text: "bangun~2" finds the clipping that says it, not "Bandung" (two edits away).
        var fuzzy = SearchTests.Ids(await SearchTests.SearchAsync(kasi, "?q=" + Uri.EscapeDataString("bangun~2")));
        Assert.Equal([literal], fuzzy);
        Assert.DoesNotContain(near, fuzzy);

        // A field name is text too: "title:jembatan" is the two words side by side, as the third clipping has them.
        Assert.Equal([bridge], SearchTests.Ids(await SearchTests.SearchAsync(kasi, "?q=" + Uri.EscapeDataString("title:jembatan"))));

        // A regular expression, a range, a lone star match nothing; a boost is a number to find.
        foreach (var query in new[] { "/.*/", "[a TO z]", "*", "*:*", "jembatan^4" })
        {
            Assert.Equal(0, (await SearchTests.SearchAsync(kasi, "?q=" + Uri.EscapeDataString(query))).GetProperty("total").GetInt32());
        }

        // The subset: words by their stem, a phrase, a prefix of two letters or more, an exclusion.
        var both = await SearchTests.SearchAsync(kasi, "?q=jembatan");
        Assert.True(both.GetProperty("total").GetInt32() == 2, both.ToString());
        Assert.Equal([literal], SearchTests.Ids(await SearchTests.SearchAsync(kasi, "?q=" + Uri.EscapeDataString("\"jembatan gantung\""))));
        Assert.Equal(2, (await SearchTests.SearchAsync(kasi, "?q=" + Uri.EscapeDataString("jem*"))).GetProperty("total").GetInt32());
        Assert.Equal(0, (await SearchTests.SearchAsync(kasi, "?q=" + Uri.EscapeDataString("j*"))).GetProperty("total").GetInt32());
        Assert.Equal([bridge], SearchTests.Ids(await SearchTests.SearchAsync(kasi, "?q=" + Uri.EscapeDataString("jembatan -gantung"))));
        Assert.Equal([literal], SearchTests.Ids(await SearchTests.SearchAsync(kasi, "?q=" + Uri.EscapeDataString("jembatan -\"jembatan kayu\""))));

        // The public page: a published press release is there to be matched, and "/.*/" still matches nothing.
        var path = await Api.PublishAsync(app, reporter, "Bupati resmikan jembatan Raya", "pembangunan", photos: 1);
        var found = "";
        for (var i = 0; i < 100 && !found.Contains(path, StringComparison.Ordinal); i++)
        {
            found = await anonymous.GetStringAsync("/cari?q=jembatan");
            await Task.Delay(100);
        }

        Assert.Contains(path, found, StringComparison.Ordinal);
        var regex = await anonymous.GetStringAsync("/cari?q=" + Uri.EscapeDataString("/.*/"));
        Assert.Contains("Tidak ada berita", regex, StringComparison.Ordinal);
        Assert.DoesNotContain(path, regex, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_BeyondTheBounds_400PerFieldInIndonesian_OnTheApiAndAsAFriendlyPage()
    {
        await using var database = await TestDatabase.SqliteAsync();
        await using var app = await NewsroomApp.StartAsync(database, runJobs: false);
        using var kasi = await app.LoginAsync("kasi");
        using var anonymous = app.CreateClient();

        async Task<string> RefusedAsync(string query, string field)
        {
            var response = await kasi.GetAsync("/api/v1/search" + query);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty(field)[0].GetString()!;
        }

        Assert.Contains("paling panjang 200 karakter", await RefusedAsync("?q=" + new string('x', 10_000), "q"), StringComparison.Ordinal);
        Assert.Contains("paling banyak 20 kata", await RefusedAsync("?q=" + string.Join('+', Enumerable.Repeat("desa", 21)), "q"), StringComparison.Ordinal);
        Assert.Contains("hasil ke-1000", await RefusedAsync("?q=desa&page=11&pageSize=100", "page"), StringComparison.Ordinal);
        Assert.Contains("1 sampai 50", await RefusedAsync("?q=desa&page=99999999999", "page"), StringComparison.Ordinal);
        Assert.Contains("1 sampai 100", await RefusedAsync("?q=desa&pageSize=100000", "pageSize"), StringComparison.Ordinal);
        Assert.Contains("paling panjang 100", await RefusedAsync("?outlet=" + new string('r', 101), "outlet"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await kasi.GetAsync("/api/v1/search?q=desa&page=10&pageSize=100")).StatusCode);

        // The public page says the same beside its form, with status 400 and no error page.
        foreach (var (query, message) in new[]
                 {
                     ("?q=" + new string('x', 10_000), "paling panjang 200 karakter"),
                     ("?q=" + string.Join('+', Enumerable.Repeat("desa", 21)), "paling banyak 20 kata"),
                     ("?q=desa&halaman=101", "hasil ke-1000"),
                     ("?q=desa&halaman=dua", "Halaman harus bilangan"),
                 })
        {
            var page = await anonymous.GetAsync("/cari" + query);
            Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
            var html = await page.Content.ReadAsStringAsync();
            Assert.Contains(message, html, StringComparison.Ordinal);
            Assert.Contains("<form method=\"get\" action=\"/cari\"", html, StringComparison.Ordinal);
            Assert.DoesNotContain(new string('x', 201), html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Search_PastItsTimeLimit_AnswersWithWhatItFound_MarkedPartial()
    {
        await using var database = await TestDatabase.SqliteAsync();
        await using var app = await NewsroomApp.StartAsync(database, runJobs: false, extraSettings: new Dictionary<string, string?>
        {
            ["Newsroom:Search:TimeLimit"] = "00:00:00",
        });
        using var kasi = await app.LoginAsync("kasi");
        using var anonymous = app.CreateClient();
        await SearchTests.ClippingAsync(kasi, "Jembatan gantung rampung", "Harian Suara Raya", "koran", "positif", "Jembatan gantung rampung.");

        // Once the clipping is in the index, a search stops at its first look at the clock: a 200, marked partial.
        var partial = await SearchTests.SearchUntilAsync(kasi, "?q=" + Uri.EscapeDataString("jembatan gan* -kayu"), r => r.GetProperty("partial").GetBoolean());
        Assert.True(partial.GetProperty("partial").GetBoolean());
        var page = await anonymous.GetAsync("/cari?q=jembatan");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("batas waktunya", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
