using System.Net;
using Diskominfo.Newsroom.Infrastructure.Http;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Diskominfo.Newsroom.FunctionalTests;

/// <summary>
/// Every redirect whose target comes with the request stays on the site: the language switch (<c>/bahasa?r=</c>), the
/// sign-in form (<c>ReturnUrl</c> in the form or the query, which the cookie handler also reads), its second step
/// (<c>/masuk/2fa</c>), signing out, and the way to the sign-in page. A hostile target, in every spelling a browser still
/// follows to another host, gives way to a fixed local page; a local one is kept.
/// </summary>
public sealed class OpenRedirectTests
{
    /// <summary>Targets that lead off the site (or could, once a browser has cleaned them up).</summary>
    public static readonly string[] Hostile =
    [
        "//evil.example",
        "//evil.example/admin",
        "///evil.example",
        "/\\evil.example",
        "\\\\evil.example",
        "\\/evil.example",
        "https://evil.example/",
        "HTTPS://evil.example",
        "http:evil.example",
        "javascript:alert(document.cookie)",
        "JaVaScRiPt:alert(1)",
        "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
        "/\t/evil.example",
        "/\n/evil.example",
        "/\r\n/evil.example",
        " //evil.example",
        "/\u0000/evil.example",
        "/\u3000/evil.example",
        "/%09/evil.example",
        "/%0d%0a/evil.example",
        "/%5Cevil.example",
        "/%5cevil.example",
        "/%2F/evil.example",
        "%2F%2Fevil.example",
        "~//evil.example",
        "evil.example",
        "/" + new string('a', LocalRedirects.MaxLength),
    ];

    public static TheoryData<string> HostileTargets => [.. Hostile];

    [Theory]
    [MemberData(nameof(HostileTargets))]
    public void LocalRedirects_HostileTarget_IsNotLocal(string target)
    {
        Assert.False(LocalRedirects.IsLocal(target));
        Assert.Equal("/", LocalRedirects.Or(target, "/"));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/admin")]
    [InlineData("/admin/kotak-masuk")]
    [InlineData("/cari?q=jalan%20raya&halaman=2")]
    [InlineData("/berita/bupati-resmikan-jembatan#galeri")]
    public void LocalRedirects_PathOnTheSite_IsKept(string target) => Assert.Equal(target, LocalRedirects.Or(target, "/galat"));

    [Fact]
    public async Task LanguageSwitch_HostileReturnTarget_GoesHome()
    {
        await using var database = await TestDatabase.SqliteAsync();
        await using var app = await NewsroomApp.StartAsync(database, runJobs: false);
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        Assert.Equal("/arsip?halaman=2", await LocationAsync(client.GetAsync("/bahasa?c=en&r=" + Uri.EscapeDataString("/arsip?halaman=2"))));
        foreach (var target in Hostile)
        {
            Assert.Equal("/", await LocationAsync(client.GetAsync("/bahasa?c=en&r=" + Uri.EscapeDataString(target)), target));
        }

        // The parameter given twice, or raw in the query: still only ever a local page.
        Assert.Equal("/", await LocationAsync(client.GetAsync("/bahasa?c=id&r=/ok&r=//evil.example")));
        Assert.Equal("/", await LocationAsync(client.GetAsync("/bahasa?c=id&r=/%09/evil.example")));
    }

    [Fact]
    public async Task SignIn_HostileReturnUrlInFormOrQuery_GoesToTheDesk()
    {
        await using var database = await TestDatabase.SqliteAsync();
        await using var app = await NewsroomApp.StartAsync(database, runJobs: false, extraSettings: ManySignIns);

        Assert.Equal("/admin/kotak-masuk", await SignInAsync(app, "/masuk", "/admin/kotak-masuk"));
        foreach (var target in Hostile)
        {
            // In the form (the hidden field), and only in the query, where Identity's cookie handler reads it as well.
            Assert.Equal(InForm(target, "/admin"), await SignInAsync(app, "/masuk", target));
            Assert.Equal("/admin", await SignInAsync(app, "/masuk?ReturnUrl=" + Uri.EscapeDataString(target), returnUrl: null));
        }
    }

    [Fact]
    public async Task TwoStepSignIn_HostileReturnUrl_IsDroppedAndTheDeskOpens()
    {
        await using var database = await TestDatabase.SqliteAsync();
        await using var app = await NewsroomApp.StartAsync(database, runJobs: false, extraSettings: ManySignIns);
        var (_, recoveryCodes) = await TwoFactorTests.EnrolAsync(app, "kasi");

        // A local page survives both steps.
        using (var kept = Client(app))
        {
            Assert.Equal("/masuk/2fa?ReturnUrl=%2Fadmin%2Fkotak-masuk", await PasswordStepAsync(kept, "/admin/kotak-masuk"));
            Assert.Equal("/admin/kotak-masuk", await CodeStepAsync(kept, recoveryCodes[0], "/admin/kotak-masuk"));
        }

        // The first step never carries a hostile target on; the second never follows one given to it directly.
        var codes = new Queue<string>(recoveryCodes.Skip(1));
        foreach (var target in Hostile)
        {
            using var client = Client(app);
            Assert.Equal(InForm(target, "/masuk/2fa"), await PasswordStepAsync(client, target));
            if (InForm(target, "/admin") is not null && codes.TryDequeue(out var code))
            {
                Assert.Equal("/admin", await CodeStepAsync(client, code, target));
            }
        }
    }

    [Fact]
    public async Task SignOut_HostileReturnUrl_GoesHome()
    {
        await using var database = await TestDatabase.SqliteAsync();
        await using var app = await NewsroomApp.StartAsync(database, runJobs: false, extraSettings: ManySignIns);
        foreach (var target in Hostile.Take(12))
        {
            using var desk = await app.SignInAsync("reporter");
            var response = await desk.PostFormAsync("/akun", new(), "/keluar?ReturnUrl=" + Uri.EscapeDataString(target));
            Assert.Equal("/", await LocationAsync(Task.FromResult(response), target));
        }
    }

    [Fact]
    public async Task SignInRedirect_ForgedHostHeader_IsAPathOnThisSite()
    {
        await using var database = await TestDatabase.SqliteAsync();
        await using var app = await NewsroomApp.StartAsync(database, runJobs: false);
        using var client = Client(app);
        foreach (var host in new[] { "evil.example", "evil.example:8443", "localhost.evil.example" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/admin/kotak-masuk");
            request.Headers.Host = host;
            Assert.Equal("/masuk?ReturnUrl=%2Fadmin%2Fkotak-masuk", await LocationAsync(client.SendAsync(request), host));
        }
    }

    private static readonly Dictionary<string, string?> ManySignIns = new() { ["Newsroom:RateLimits:SignIn:PermitLimit"] = "1000" };

    private static HttpClient Client(NewsroomApp app) => app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>Signs in as the admin through the form; where the answer sends the browser.</summary>
    private static async Task<string?> SignInAsync(NewsroomApp app, string action, string? returnUrl)
    {
        using var desk = new DeskClient(Client(app));
        var fields = new Dictionary<string, string> { ["UserName"] = "admin", ["Password"] = NewsroomApp.Password };
        if (returnUrl is not null)
        {
            fields["ReturnUrl"] = returnUrl;
        }

        return await LocationAsync(desk.PostFormAsync("/masuk", fields, action), returnUrl ?? action);
    }

    private static Task<string?> PasswordStepAsync(HttpClient client, string returnUrl)
        => LocationAsync(new DeskClient(client).PostFormAsync("/masuk", new() { ["UserName"] = "kasi", ["Password"] = NewsroomApp.Password, ["ReturnUrl"] = returnUrl }), returnUrl);

    private static Task<string?> CodeStepAsync(HttpClient client, string code, string returnUrl)
        => LocationAsync(new DeskClient(client).PostFormAsync("/masuk/2fa", new() { ["Code"] = code, ["ReturnUrl"] = returnUrl }), returnUrl);

    /// <summary>
    /// Where a form with <paramref name="target"/> leads: <paramref name="fallback"/>, or nowhere for a NUL character,
    /// which ASP.NET Core's form reader refuses outright (400, no redirect at all).
    /// </summary>
    private static string? InForm(string target, string fallback) => target.Contains('\0', StringComparison.Ordinal) ? null : fallback;

    /// <summary>
    /// The redirect's Location exactly as sent; fails unless the answer is a redirect to a path on this site, or a
    /// refusal without any Location (then null).
    /// </summary>
    private static async Task<string?> LocationAsync(Task<HttpResponseMessage> send, string? tried = null)
    {
        using var response = await send;
        if ((int)response.StatusCode is >= 400 and < 500 && response.Headers.Location is null)
        {
            return null;
        }

        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{tried}: {(int)response.StatusCode}");
        var location = response.Headers.Location?.OriginalString ?? "";
        Assert.True(LocalRedirects.IsLocal(location), $"{tried} led to {location}");
        Assert.DoesNotContain("evil", location, StringComparison.OrdinalIgnoreCase);
        return location;
    }
}
