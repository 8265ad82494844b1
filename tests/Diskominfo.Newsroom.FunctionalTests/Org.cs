using System.Net.Http.Json;
using System.Text.Json;
using Diskominfo.Newsroom.Abstractions.Organization;
using Diskominfo.Newsroom.Abstractions.Security;
using Microsoft.Extensions.DependencyInjection;

namespace Diskominfo.Newsroom.FunctionalTests;

/// <summary>Helpers over the office's structure: accounts placed in sections, their ids, the resolution service.</summary>
internal static class Org
{
    public static readonly Guid Bidang = DemoOrganization.Bidang;
    public static readonly Guid SeksiMedia = DemoOrganization.SeksiMedia;
    public static readonly Guid SeksiKomunikasi = DemoOrganization.SeksiKomunikasi;

    /// <summary>Places an account in a section (or none) behind the application's back, as the Users module's admin page would.</summary>
    public static Task PlaceAsync(TestDatabase database, NewsroomApp app, string userName, Guid? sectionId)
        => database.ExecuteAsync(app, $"UPDATE users_accounts SET \"SectionId\" = {(sectionId is { } id ? database.Literal(id) : "NULL")} WHERE \"UserName\" = '{userName}'");

    /// <summary>
    /// The demo office as these tests know it: reporter, reporter2 and the Kasi in the media seksi, the Kabid in the bidang,
    /// nobody else placed anywhere.
    /// </summary>
    public static async Task PlaceDemoAsync(TestDatabase database, NewsroomApp app)
    {
        await database.ExecuteAsync(app, "UPDATE users_accounts SET \"SectionId\" = NULL"); // whatever the Users module's seeding did
        await PlaceAsync(database, app, "reporter", SeksiMedia);
        await PlaceAsync(database, app, "reporter2", SeksiMedia);
        await PlaceAsync(database, app, "kasi", SeksiMedia);
        await PlaceAsync(database, app, "kabid", Bidang);
    }

    public static async Task<DirectoryUser> UserAsync(NewsroomApp app, string userName)
    {
        using var scope = app.Services.CreateScope();
        var directory = scope.ServiceProvider.GetRequiredService<IUserDirectory>();
        foreach (var role in NewsroomRoles.All)
        {
            if ((await directory.ListInRoleAsync(role, CancellationToken.None)).FirstOrDefault(u => u.UserName == userName) is { } user)
            {
                return user;
            }
        }

        throw new InvalidOperationException($"No active account {userName}.");
    }

    /// <summary>The actor as the sign-in would make it, but with no roles: the resolution must not need the claims.</summary>
    public static async Task<Actor> ActorAsync(NewsroomApp app, string userName)
    {
        var user = await UserAsync(app, userName);
        return new Actor(user.Id, userName, user.DisplayName, new HashSet<string>());
    }

    /// <summary>Runs <paramref name="work"/> with the resolution service of a fresh scope, as one request would.</summary>
    public static async Task<T> ResolveAsync<T>(NewsroomApp app, Func<IOrganization, Task<T>> work)
    {
        using var scope = app.Services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<IOrganization>());
    }

    public static async Task<JsonElement> SectionsAsync(HttpClient client)
        => await client.GetFromJsonAsync<JsonElement>("/api/v1/org/sections");

    public static JsonElement Section(JsonElement sections, Guid id)
        => sections.EnumerateArray().Single(s => s.GetProperty("id").GetGuid() == id);

    /// <summary>The field names of a 400's per-field errors.</summary>
    public static async Task<string[]> ErrorFieldsAsync(HttpResponseMessage response)
    {
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        return [.. problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal)];
    }

    public static async Task<string> DetailAsync(HttpResponseMessage response)
        => (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString() ?? "";

    /// <summary>An instant at a WIB clock reading.</summary>
    public static DateTimeOffset Wib(int year, int month, int day, int hour = 9, int minute = 0)
        => new(year, month, day, hour, minute, 0, TimeSpan.FromHours(7));
}
