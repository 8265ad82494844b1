using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Diskominfo.Newsroom.Abstractions.Organization;

namespace Diskominfo.Newsroom.FunctionalTests;

/// <summary>The office's people and structure through the API, as an admin sets them up: accounts, sections, Plh/Plt.</summary>
internal static class Office
{
    public static readonly Guid Bidang = DemoOrganization.Bidang;
    public static readonly Guid SeksiMedia = DemoOrganization.SeksiMedia;
    public static readonly Guid SeksiKomunikasi = DemoOrganization.SeksiKomunikasi;

    public const string KadisTitle = "Kepala Dinas Komunikasi dan Informatika";
    public const string KasiMediaTitle = "Kepala Seksi Pengelolaan Media dan Penyiaran";
    public const string KasiKomunikasiTitle = "Kepala Seksi Layanan Informasi dan Komunikasi Publik";
    public const string KabidTitle = "Kepala Bidang Informasi dan Komunikasi Publik";

    /// <summary>The id of an account, looked up by an admin.</summary>
    public static async Task<string> UserIdAsync(NewsroomApp app, string userName)
    {
        using var admin = await app.LoginAsync("admin");
        var list = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/users?q={Uri.EscapeDataString(userName)}");
        var users = list.ValueKind == JsonValueKind.Array ? list : list.GetProperty("items");
        return users.EnumerateArray().Single(u => u.GetProperty("userName").GetString() == userName).GetProperty("id").GetString()!;
    }

    /// <summary>
    /// An admin creates an account; the person signs in with the one-time password, chooses their own, and gets a
    /// client signed in with it (a bearer token).
    /// </summary>
    public static async Task<(string Id, HttpClient Client)> CreateAccountAsync(
        NewsroomApp app, string userName, string fullName, string[] roles, Guid? section)
    {
        using var admin = await app.LoginAsync("admin");
        var created = await admin.PostAsJsonAsync("/api/v1/users", new
        {
            userName,
            fullName,
            email = $"{userName}@diskominfo.example.go.id",
            roles,
            section,
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        var user = body.TryGetProperty("user", out var inner) ? inner : body;
        var id = user.GetProperty("id").GetString()!;
        var temporary = body.GetProperty("temporaryPassword").GetString()!;

        var client = app.CreateClient();
        var login = await client.PostAsJsonAsync("/api/v1/auth/login", new { userName, password = temporary });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var changed = await client.PostAsJsonAsync("/api/v1/auth/change-password", new { currentPassword = temporary, newPassword = NewsroomApp.Password + "-" + userName });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var fresh = (await changed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", fresh);
        return (id, client);
    }

    /// <summary>The Kadis (or an admin) appoints a Plh/Plt; the delegation's id.</summary>
    public static async Task<Guid> AppointAsync(
        HttpClient appointer, string role, Guid? scope, string delegateUserId, DateOnly from, DateOnly to, string reference, string kind = "plh")
    {
        var response = await appointer.PostAsJsonAsync("/api/v1/delegations", new
        {
            kind,
            role,
            scope,
            delegateUserId,
            from = from.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            to = to.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            reference,
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>Today in the office's time zone (WIB), by the given clock.</summary>
    public static DateOnly Today(TimeProvider? clock = null)
        => DateOnly.FromDateTime((clock ?? TimeProvider.System).GetUtcNow().ToOffset(TimeSpan.FromHours(7)).DateTime);

    /// <summary>What awaits the client on his desk (item ids).</summary>
    public static async Task<JsonElement[]> DeskAsync(HttpClient client)
        => [.. (await client.GetFromJsonAsync<JsonElement>("/api/v1/desk")).EnumerateArray()];

    public static bool Lists(this JsonElement[] desk, Guid itemId) => desk.Any(r => r.GetProperty("id").GetGuid() == itemId);

    /// <summary>The history entry of the item with <paramref name="action"/> (the last one).</summary>
    public static JsonElement Entry(JsonElement item, string action)
        => item.GetProperty("history").EnumerateArray().Last(h => h.GetProperty("action").GetString() == action);

    public static string? ActingAs(JsonElement entry)
        => entry.TryGetProperty("actingAs", out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public static async Task<string> DetailAsync(HttpResponseMessage response)
        => (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString() ?? "";
}
