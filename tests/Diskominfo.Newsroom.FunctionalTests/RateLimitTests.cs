using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Diskominfo.Newsroom.FunctionalTests;

/// <summary>
/// Floods, per policy: public search and uploads per client address, the API per token. Over a limit the answer is
/// 429 with Retry-After and an Indonesian explanation; one address or one account never spends another's budget.
/// </summary>
public sealed class RateLimitTests
{
    [Fact]
    public async Task PublicSearch_FloodFromOneAddress_429WithRetryAfter_OtherAddressesAndSignedInStaffUnaffected()
    {
        await using var database = await TestDatabase.SqliteAsync();
        await using var app = await StartAsync(database, "Search", 3);
        using var reader = TestClientAddress.From(app.CreateClient(), "198.51.100.7");

        // The page and the anonymous API share the address's budget.
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/cari?q=jembatan")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/cari?q=desa")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await reader.GetAsync("/api/v1/search?q=desa")).StatusCode);
        var page = await reader.GetAsync("/cari?q=pasar");
        Assert.Equal(HttpStatusCode.TooManyRequests, page.StatusCode);
        Assert.True(page.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Terlalu banyak pencarian dari alamat Anda", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var api = await reader.GetAsync("/api/v1/search?q=pasar");
        Assert.Equal(HttpStatusCode.TooManyRequests, api.StatusCode);
        Assert.True(api.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Contains("Coba lagi dalam", (await api.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);

        // Another address searches on; the rest of the site is not limited for the flooding one.
        using var other = TestClientAddress.From(app.CreateClient(), "198.51.100.8");
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/cari?q=pasar")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/")).StatusCode);

        // An IPv6 client counts by its /64: changing the last bits does not give it a new budget.
        using var six = TestClientAddress.From(app.CreateClient(), "2001:db8:1:2::5");
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await six.GetAsync("/cari?q=desa")).StatusCode);
        }

        using var sixAgain = TestClientAddress.From(app.CreateClient(), "2001:db8:1:2:abcd::99");
        Assert.Equal(HttpStatusCode.TooManyRequests, (await sixAgain.GetAsync("/cari?q=desa")).StatusCode);

        // Signed-in staff behind the same address as the flood search on: they are not counted by this limit.
        using var desk = await app.SignInAsync("arsiparis");
        TestClientAddress.From(desk.Http, "198.51.100.7");
        Assert.Equal(HttpStatusCode.OK, (await desk.Http.GetAsync("/cari?q=pasar")).StatusCode);
    }

    [Fact]
    public async Task Uploads_FloodFromOneAddress_429_OpeningTheFormIsFree_AnotherAddressUploads()
    {
        await using var database = await TestDatabase.SqliteAsync();
        await using var app = await StartAsync(database, "Upload", 2);
        using var reporter = TestClientAddress.From(await app.LoginAsync("reporter"), "198.51.100.20");
        var id = await Api.CreatePressReleaseAsync(reporter);
        Assert.Equal(HttpStatusCode.Created, (await Api.UploadAsync(reporter, id, Api.Jpeg(800, 600), "satu.jpg")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await Api.UploadAsync(reporter, id, Api.Jpeg(800, 600), "dua.jpg")).StatusCode);

        var refused = await Api.UploadAsync(reporter, id, Api.Jpeg(800, 600), "tiga.jpg");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Contains("Terlalu banyak unggahan dari alamat Anda", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(2, (await Api.GetAsync(reporter, id)).GetProperty("photos").GetArrayLength());

        // The desk's form opens from that address; sending it is refused too, as a page.
        using var desk = await app.SignInAsync("reporter");
        TestClientAddress.From(desk.Http, "198.51.100.20");
        Assert.Equal(HttpStatusCode.OK, (await desk.Http.GetAsync($"/admin/naskah/{id}/foto")).StatusCode);
        var page = await desk.PostFormAsync($"/admin/naskah/{id}/foto", new() { ["Caption"] = "x" });
        Assert.Equal(HttpStatusCode.TooManyRequests, page.StatusCode);
        Assert.Contains("Terlalu banyak unggahan", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // A colleague at another address uploads.
        using var other = TestClientAddress.From(await app.LoginAsync("reporter2"), "198.51.100.21");
        var own = await Api.CreatePressReleaseAsync(other);
        Assert.Equal(HttpStatusCode.Created, (await Api.UploadAsync(other, own, Api.Jpeg(800, 600), "foto.jpg")).StatusCode);
    }

    [Fact]
    public async Task Api_FloodWithOneToken_429ForThatAccountOnly_WhateverItsAddress()
    {
        await using var database = await TestDatabase.SqliteAsync();
        await using var app = await StartAsync(database, "Api", 5);
        using var kasi = TestClientAddress.From(await app.LoginAsync("kasi"), "198.51.100.30");
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await kasi.GetAsync("/api/v1/desk")).StatusCode);
        }

        var refused = await kasi.GetAsync("/api/v1/desk");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Contains("dengan akun ini", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);

        // The same token from another address is the same account.
        using var moved = new HttpClient(app.Server.CreateHandler()) { BaseAddress = app.Server.BaseAddress };
        moved.DefaultRequestHeaders.Authorization = kasi.DefaultRequestHeaders.Authorization;
        TestClientAddress.From(moved, "198.51.100.31");
        Assert.Equal(HttpStatusCode.TooManyRequests, (await moved.GetAsync("/api/v1/desk")).StatusCode);

        // Another account at the same address works on; a forged token is refused as such and spends nobody's budget.
        using var kabid = TestClientAddress.From(await app.LoginAsync("kabid"), "198.51.100.30");
        Assert.Equal(HttpStatusCode.OK, (await kabid.GetAsync("/api/v1/desk")).StatusCode);
        using var forged = TestClientAddress.From(app.CreateClient(), "198.51.100.30");
        forged.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJrYWJpZCJ9.palsu");
        for (var i = 0; i < 6; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await forged.GetAsync("/api/v1/desk")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, (await kabid.GetAsync("/api/v1/desk")).StatusCode);

        // The desk (cookies) is not the API: a signed-in page is not counted per token.
        using var desk = await app.SignInAsync("kasi");
        Assert.Equal(HttpStatusCode.OK, (await desk.Http.GetAsync("/admin")).StatusCode);
    }

    [Fact]
    public async Task Defaults_AnOfficeOfThirtyBehindOneAddress_WorksNormally_AFloodFromItIsStopped()
    {
        await using var database = await TestDatabase.SqliteAsync();
        await using var app = await NewsroomApp.StartAsync(database, runJobs: false, services: TestClientAddress.AddTo);
        const string office = "198.51.100.40";

        // Thirty people sign in at eight, each uploads a photo and looks up the public site three times: all within the defaults.
        for (var i = 0; i < 30; i++)
        {
            using var login = TestClientAddress.From(app.CreateClient(), office);
            Assert.Equal(HttpStatusCode.OK, (await TwoFactorTests.LoginAsync(login, "reporter")).StatusCode);
        }

        using var reporter = TestClientAddress.From(await app.LoginAsync("reporter"), office);
        var id = await Api.CreatePressReleaseAsync(reporter);
        var jpeg = Api.Jpeg(200, 150);
        using var reader = TestClientAddress.From(app.CreateClient(), office);
        for (var i = 0; i < 30; i++)
        {
            Assert.Equal(HttpStatusCode.Created, (await Api.UploadAsync(reporter, id, jpeg, $"foto-{i}.jpg")).StatusCode);
            for (var j = 0; j < 3; j++)
            {
                Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync($"/cari?q=jembatan{j}")).StatusCode);
            }
        }

        // A password-guessing script at the same address: stopped within the default window, with what to do.
        using var guesser = TestClientAddress.From(app.CreateClient(), office);
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 80 && !answers.Contains(HttpStatusCode.TooManyRequests); i++)
        {
            answers.Add((await TwoFactorTests.LoginAsync(guesser, "penyusup", password: $"tebakan-{i}")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, answers[^1]);
        Assert.All(answers[..^1], status => Assert.Equal(HttpStatusCode.Unauthorized, status));
        Assert.Equal(100 - 30, answers.Count - 1);

        // A reader's search flood from there is stopped too, the rest of the office's work is not: signed-in staff search on.
        var searches = new List<HttpStatusCode>();
        for (var i = 0; i < 40 && !searches.Contains(HttpStatusCode.TooManyRequests); i++)
        {
            searches.Add((await reader.GetAsync($"/cari?q=banjir{i}")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, searches[^1]);
        Assert.InRange(searches.Count - 1, 120 - 90, 39); // 30, unless part of the 60 s window slid by meanwhile
        Assert.Equal(HttpStatusCode.OK, (await reporter.GetAsync("/api/v1/search?q=banjir")).StatusCode);
        Assert.Equal(30, (await Api.GetAsync(reporter, id)).GetProperty("photos").GetArrayLength());
    }

    private static Task<NewsroomApp> StartAsync(TestDatabase database, string policy, int permits)
        => NewsroomApp.StartAsync(database, runJobs: false, services: TestClientAddress.AddTo, extraSettings: new Dictionary<string, string?>
        {
            [$"Newsroom:RateLimits:{policy}:PermitLimit"] = permits.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [$"Newsroom:RateLimits:{policy}:WindowSeconds"] = "600",
        });
}
