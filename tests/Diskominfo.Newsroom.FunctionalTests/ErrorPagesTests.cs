using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Diskominfo.Newsroom.FunctionalTests;

/// <summary>People get Indonesian HTML pages for errors; programs get problem details; the desk asks to sign in.</summary>
public sealed class ErrorPagesTests
{
    [Fact]
    public async Task Errors_PagesGetHtmlApiGetsProblemDetails_DeskRedirectsToSignIn()
    {
        await using var database = await TestDatabase.SqliteAsync();
        await using var app = await NewsroomApp.StartAsync(database, runJobs: false);
        using var anonymous = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var missingArticle = await anonymous.GetAsync("/berita/tidak-pernah-ada");
        Assert.Equal(HttpStatusCode.NotFound, missingArticle.StatusCode);
        Assert.Equal("text/html", missingArticle.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Halaman tidak ditemukan", await missingArticle.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var missingItem = await anonymous.GetAsync($"/api/v1/items/{Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.NotFound, missingItem.StatusCode);
        Assert.Equal("application/problem+json", missingItem.Content.Headers.ContentType?.MediaType);

        var desk = await anonymous.GetAsync("/admin");
        Assert.Equal(HttpStatusCode.Redirect, desk.StatusCode);
        Assert.StartsWith("/masuk", desk.Headers.Location?.OriginalString, StringComparison.Ordinal);

        var forgedPost = await anonymous.PostAsync("/masuk", new FormUrlEncodedContent(new Dictionary<string, string> { ["UserName"] = "admin", ["Password"] = "x" }));
        Assert.Equal(HttpStatusCode.BadRequest, forgedPost.StatusCode);
        Assert.Equal("text/html", forgedPost.Content.Headers.ContentType?.MediaType);
    }
}
