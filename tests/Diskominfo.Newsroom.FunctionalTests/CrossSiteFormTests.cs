using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Diskominfo.Newsroom.FunctionalTests;

/// <summary>
/// Cross-site form posts: every desk form (each Razor page of the route table) posted with the desk cookie but without
/// the antiforgery token, with another session's token, or with the right token from another site (<c>Origin</c>,
/// <c>Sec-Fetch-Site</c>) is refused, and nothing changes. The API takes bearer tokens only: the desk cookie alone
/// cannot act there.
/// </summary>
public sealed partial class CrossSiteFormTests
{
    private const string Attacker = "https://penyerang.example";
    private static readonly string[] AdminRole = ["admin"];

    [Fact]
    public async Task DeskForms_WithoutTokenWithAnotherSessionsTokenOrFromAnotherSite_RefusedAndNothingChanges()
    {
        await using var database = await TestDatabase.SqliteAsync();
        await using var app = await NewsroomApp.StartAsync(database, runJobs: false);
        using var reporterApi = await app.LoginAsync("reporter");
        using var adminApi = await app.LoginAsync("admin");
        var draft = await Api.CreatePressReleaseAsync(reporterApi, "Naskah yang tidak boleh berubah");
        var reporterId = (await reporterApi.GetFromJsonAsync<JsonElement>("/api/v1/auth/me")).GetProperty("id").GetString()!;
        using var admin = await app.SignInAsync("admin");
        using var kasi = await app.SignInAsync("kasi");
        var adminToken = await TokenAsync(admin);
        var kasiToken = await TokenAsync(kasi);
        Assert.NotEqual(adminToken, kasiToken);
        var before = await StateAsync(adminApi, reporterApi, draft);

        var forms = FormPaths(app, draft, reporterId);
        Assert.True(forms.Count >= 20, $"only {forms.Count} desk forms found: {string.Join(", ", forms)}");
        var wrong = new List<string>();
        foreach (var path in forms)
        {
            // No token at all, as a form on another site would post it.
            Expect(path, "no token", await PostAsync(admin, path, token: null), HttpStatusCode.BadRequest, HttpStatusCode.Forbidden);

            // The token of another person's session.
            Expect(path, "another session's token", await PostAsync(admin, path, kasiToken), HttpStatusCode.BadRequest, HttpStatusCode.Forbidden);

            // The right token, but the browser says the form is on another site.
            Expect(path, "foreign Origin", await PostAsync(admin, path, adminToken, ("Origin", Attacker)), HttpStatusCode.Forbidden);
            Expect(path, "Origin null", await PostAsync(admin, path, adminToken, ("Origin", "null")), HttpStatusCode.Forbidden);
            Expect(path, "Sec-Fetch-Site cross-site", await PostAsync(admin, path, adminToken, ("Sec-Fetch-Site", "cross-site")), HttpStatusCode.Forbidden);
        }

        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
        Assert.Equal(before, await StateAsync(adminApi, reporterApi, draft));

        // The refusal says why, in Indonesian, on the error page.
        var told = await PostAsync(admin, "/admin/kotak-masuk?handler=Read", adminToken, ("Origin", Attacker));
        Assert.Equal(HttpStatusCode.Forbidden, told.StatusCode);
        Assert.Contains("dikirim dari situs lain", await told.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // The same session, token and form from the site itself do go through (the refusals above are owed to what was changed).
        var own = await PostAsync(admin, "/admin/kotak-masuk?handler=Read", adminToken, ("Origin", "http://localhost"), ("Sec-Fetch-Site", "same-origin"));
        Assert.Equal(HttpStatusCode.Redirect, own.StatusCode);

        void Expect(string path, string attack, HttpResponseMessage response, params HttpStatusCode[] allowed)
        {
            if (!allowed.Contains(response.StatusCode))
            {
                wrong.Add($"{attack}: POST {path} gave {(int)response.StatusCode} {response.Headers.Location}");
            }
        }
    }

    [Fact]
    public async Task Api_WithTheDeskCookieOnly_401AndNothingDone()
    {
        await using var database = await TestDatabase.SqliteAsync();
        await using var app = await NewsroomApp.StartAsync(database, runJobs: false);
        using var reporterApi = await app.LoginAsync("reporter");
        using var adminApi = await app.LoginAsync("admin");
        var draft = await Api.CreatePressReleaseAsync(reporterApi, "Naskah yang tidak boleh berubah");
        var reporterId = (await reporterApi.GetFromJsonAsync<JsonElement>("/api/v1/auth/me")).GetProperty("id").GetString()!;
        using var admin = await app.SignInAsync("admin");
        var before = await StateAsync(adminApi, reporterApi, draft);

        Assert.Equal(HttpStatusCode.Unauthorized, (await admin.Http.GetAsync("/api/v1/auth/me")).StatusCode);
        var requests = new List<HttpRequestMessage>
        {
            Json(HttpMethod.Post, "/api/v1/users", new { userName = "penyusup", fullName = "Penyusup", email = "penyusup@example.com", roles = AdminRole }),
            Json(HttpMethod.Post, $"/api/v1/users/{reporterId}/disable", new { }),
            Json(HttpMethod.Post, $"/api/v1/users/{reporterId}/reset-password", new { }),
            Json(HttpMethod.Put, $"/api/v1/items/{draft}", new { title = "Diubah lintas situs" }),
            Json(HttpMethod.Post, $"/api/v1/items/{draft}/submit", new { note = "lintas situs" }),
            Json(HttpMethod.Post, "/api/v1/auth/sign-out-everywhere", new { }),
            Json(HttpMethod.Post, "/api/v1/org/sections", new { name = "Seksi Palsu", kind = "seksi" }),
        };

        // What a form on another site can send without a preflight: text/plain, with the browser's Origin. Routing refuses
        // its type (415) before anything else runs; with the type the endpoint takes, it is the missing bearer token (401).
        var plain = new HttpRequestMessage(HttpMethod.Post, "/api/v1/users")
        {
            Content = new StringContent("""{"userName":"penyusup2","fullName":"P","email":"p2@example.com","roles":["admin"]}""", System.Text.Encoding.UTF8, "text/plain"),
            Headers = { { "Origin", Attacker }, { "Sec-Fetch-Site", "cross-site" } },
        };
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await admin.Http.SendAsync(plain)).StatusCode);
        requests.Add(new HttpRequestMessage(HttpMethod.Post, "/api/v1/users")
        {
            Content = new StringContent("""{"userName":"penyusup2","fullName":"P","email":"p2@example.com","roles":["admin"]}""", System.Text.Encoding.UTF8, "application/json"),
            Headers = { { "Origin", Attacker }, { "Sec-Fetch-Site", "cross-site" } },
        });
        foreach (var request in requests)
        {
            var response = await admin.Http.SendAsync(request);
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{request.Method} {request.RequestUri} with the desk cookie gave {(int)response.StatusCode}");
        }

        Assert.Equal(before, await StateAsync(adminApi, reporterApi, draft));
    }

    private static HttpRequestMessage Json(HttpMethod method, string path, object body)
        => new(method, path) { Content = JsonContent.Create(body), Headers = { { "Origin", Attacker } } };

    /// <summary>Every Razor page of the route table (the desk's forms and the sign-in pages), with its route values filled in.</summary>
    private static List<string> FormPaths(NewsroomApp app, Guid itemId, string userId)
    {
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null)
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .Where(p => !p.StartsWith("/galat", StringComparison.Ordinal)) // the error page itself, which renders failed posts
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        return [.. endpoints.Select(p => RouteValue().Replace(p, m => m.Groups["constraint"].Value switch
        {
            var c when c.Contains("guid", StringComparison.Ordinal) => itemId.ToString(),
            var c when c.Contains("int", StringComparison.Ordinal) => "2026",
            _ => m.Groups["name"].Value.Contains("id", StringComparison.OrdinalIgnoreCase) ? userId : "facebook",
        }))];
    }

    private static async Task<string> TokenAsync(DeskClient desk)
    {
        var page = await desk.Http.GetStringAsync("/akun");
        var token = TokenPattern().Match(page).Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(token));
        return token;
    }

    private static async Task<HttpResponseMessage> PostAsync(DeskClient desk, string path, string? token, params (string Name, string Value)[] headers)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in (string[])["Title", "Input.Title", "Note", "Input.Note", "UserName", "Input.UserName", "FullName", "Input.FullName",
            "Email", "Input.Email", "Roles", "Input.Roles", "Name", "Input.Name", "Password", "NewPassword", "Input.NewPassword", "Action", "Body"])
        {
            fields[name] = "penyusup";
        }

        if (token is not null)
        {
            fields["__RequestVerificationToken"] = token;
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(fields) };
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return await desk.Http.SendAsync(request);
    }

    /// <summary>What a successful forgery would change: the draft, the reporter's account, the audit log, the accounts.</summary>
    private static async Task<string> StateAsync(HttpClient admin, HttpClient reporter, Guid draft)
    {
        var item = await Api.GetAsync(reporter, draft);
        var me = await reporter.GetFromJsonAsync<JsonElement>("/api/v1/auth/me");
        var audit = await admin.GetFromJsonAsync<JsonElement>("/api/v1/audit?pageSize=1");
        var users = await admin.GetFromJsonAsync<JsonElement>("/api/v1/users?q=penyusup");
        var sections = await admin.GetStringAsync("/api/v1/org/sections");
        return string.Join("\n",
            item.GetProperty("title").GetString(), item.GetProperty("status").GetString(), item.GetProperty("history").GetArrayLength(),
            me.GetProperty("disabled").ToString(), audit.GetProperty("total").GetInt32(), users.ToString(), sections);
    }

    [GeneratedRegex("\\{(?<name>[^}:?=*]+)(?<constraint>:[^}]*)?\\??\\}")]
    private static partial Regex RouteValue();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
