using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Diskominfo.Newsroom.FunctionalTests;

/// <summary>Helpers over the account API and the sign-in form, with any user name and password.</summary>
internal static class Accounts
{
    public static async Task<JsonElement> CreateAsync(
        HttpClient admin, string userName, string fullName, string role = "reporter", string? section = null, string? nip = null)
    {
        var response = await admin.PostAsJsonAsync("/api/v1/users", new
        {
            userName,
            fullName,
            nip,
            email = $"{userName}@diskominfo.example.go.id",
            phone = "+62 812 3456 7890",
            roles = (string[])[role],
            section,
            photoCredit = fullName,
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static Task<HttpResponseMessage> LoginResponseAsync(NewsroomApp app, string userName, string password)
        => app.CreateClient().PostAsJsonAsync("/api/v1/auth/login", new { userName, password });

    /// <summary>A bearer client for <paramref name="userName"/> signed in with <paramref name="password"/>.</summary>
    public static async Task<HttpClient> LoginAsync(NewsroomApp app, string userName, string password)
    {
        var response = await LoginResponseAsync(app, userName, password);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WithToken(app, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!);
    }

    public static HttpClient WithToken(NewsroomApp app, string token)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>The desk's sign-in form; the response is the form's answer (a redirect when it worked).</summary>
    public static async Task<(DeskClient Desk, HttpResponseMessage Response)> SignInAsync(NewsroomApp app, string userName, string password)
    {
        var desk = new DeskClient(app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }));
        var response = await desk.PostFormAsync("/masuk", new() { ["UserName"] = userName, ["Password"] = password });
        return (desk, response);
    }

    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Whether a desk page is open to the session (200) rather than sending it to the sign-in (302 to /masuk).</summary>
    public static async Task<bool> DeskOpenAsync(DeskClient desk, string path = "/admin")
    {
        var response = await desk.Http.GetAsync(path);
        if (response.StatusCode == HttpStatusCode.OK)
        {
            return true;
        }

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/masuk", response.Headers.Location!.OriginalString.Replace("http://localhost", "", StringComparison.Ordinal), StringComparison.Ordinal);
        return false;
    }

    public static async Task<string> IdOfAsync(HttpClient admin, string userName)
    {
        var page = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/users?q={userName}&pageSize=100");
        return page.GetProperty("items").EnumerateArray().Single(u => u.GetProperty("userName").GetString() == userName).GetProperty("id").GetString()!;
    }
}
