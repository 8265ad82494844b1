using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Diskominfo.Newsroom.FunctionalTests;

/// <summary>Indonesian first; English as the second interface language, chosen explicitly and remembered.</summary>
public sealed class LocalizationTests
{
    [Fact]
    public async Task Interface_IsIndonesianByDefault_EnglishWhenChosen_AndTheChoiceIsRemembered()
    {
        await using var database = await TestDatabase.SqliteAsync();
        await using var app = await NewsroomApp.StartAsync(database, runJobs: false);
        using var browser = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        // A browser that prefers English still gets the office's Indonesian until the user chooses.
        browser.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-US,en;q=0.9");
        var indonesian = await browser.GetStringAsync("/masuk");
        Assert.Contains("<html lang=\"id\">", indonesian, StringComparison.Ordinal);
        Assert.Contains("Masuk ke Newsroom", indonesian, StringComparison.Ordinal);
        Assert.Contains(">English</a>", indonesian, StringComparison.Ordinal);

        var choose = await browser.GetAsync("/bahasa?c=en&r=%2Fmasuk");
        Assert.Equal(HttpStatusCode.Redirect, choose.StatusCode);
        Assert.Equal("/masuk", choose.Headers.Location?.OriginalString);
        var offsite = await browser.GetAsync("/bahasa?c=en&r=%2F%2Fevil.example");
        Assert.Equal("/", offsite.Headers.Location?.OriginalString); // never an open redirect

        var english = await browser.GetStringAsync("/masuk");
        Assert.Contains("<html lang=\"en\">", english, StringComparison.Ordinal);
        Assert.Contains("Sign in to the Newsroom", english, StringComparison.Ordinal);
        Assert.Contains(">Bahasa Indonesia</a>", english, StringComparison.Ordinal);
        var site = await browser.GetStringAsync("/");
        Assert.Contains(">Skip to content</a>", site, StringComparison.Ordinal);
        Assert.Contains(">Archive</a>", site, StringComparison.Ordinal);

        // Signed in, the desk speaks English too; a text without a translation stays Indonesian rather than vanish.
        using var desk = await app.SignInAsync("kasi");
        await desk.Http.GetAsync("/bahasa?c=en&r=%2Fadmin");
        var home = await desk.Http.GetStringAsync("/admin");
        Assert.Contains("<h1>Desk</h1>", home, StringComparison.Ordinal);
        Assert.Contains("Nothing is waiting for you.", home, StringComparison.Ordinal);
        Assert.Contains(">Service times</a>", home, StringComparison.Ordinal);

        await desk.Http.GetAsync("/bahasa?c=id&r=%2Fadmin");
        Assert.Contains("<h1>Meja kerja</h1>", await desk.Http.GetStringAsync("/admin"), StringComparison.Ordinal);
    }
}
