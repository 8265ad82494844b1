using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Diskominfo.Newsroom.FunctionalTests;

/// <summary>Hangfire's dashboard is for admins only, at the desk's path.</summary>
public sealed class JobDashboardTests
{
    [Fact]
    public async Task Dashboard_OpensForAdmins_RefusesOthers_SendsStrangersToSignIn()
    {
        await using var database = await TestDatabase.SqliteAsync();
        await using var app = await NewsroomApp.StartAsync(database);

        using var anonymous = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var stranger = await anonymous.GetAsync("/admin/pekerjaan");
        Assert.Equal(HttpStatusCode.Redirect, stranger.StatusCode);
        Assert.StartsWith("/masuk", stranger.Headers.Location?.OriginalString, StringComparison.Ordinal);

        using var kasi = await app.SignInAsync("kasi");
        var refused = await kasi.Http.GetAsync("/admin/pekerjaan");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/ditolak", refused.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.DoesNotContain("Pekerjaan latar", await kasi.Http.GetStringAsync("/admin"), StringComparison.Ordinal);

        using var kasiApi = await app.LoginAsync("kasi");
        using var bearer = await kasiApi.GetAsync("/admin/pekerjaan"); // nor with a bearer token
        Assert.Equal(HttpStatusCode.Forbidden, bearer.StatusCode);

        using var admin = await app.SignInAsync("admin");
        var dashboard = await admin.Http.GetAsync("/admin/pekerjaan");
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        var html = await dashboard.Content.ReadAsStringAsync();
        Assert.Contains("Pekerjaan latar Newsroom", html, StringComparison.Ordinal);
        var recurring = await admin.Http.GetStringAsync("/admin/pekerjaan/recurring");
        Assert.Contains("publishing-sweep", recurring, StringComparison.Ordinal);
        Assert.Contains("Pekerjaan latar", await admin.Http.GetStringAsync("/admin"), StringComparison.Ordinal);
    }
}
