using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using NetVips;

namespace Diskominfo.Newsroom.Harness;

/// <summary>The office's demo accounts working a site through its JSON API, as the regency's other systems would.</summary>
public sealed class NewsroomApiClient : IDisposable
{
    public const string Password = "Diskominfo#2026";
    private static readonly string[] Roles = ["reporter", "kasi", "kabid", "kadis", "operator", "admin"];
    private readonly Dictionary<string, HttpClient> _clients = [];

    private NewsroomApiClient()
    {
    }

    public static Task<NewsroomApiClient> SignInAsync(Uri baseAddress, TimeSpan? timeout = null)
        => SignInAsync(() => new HttpClient { BaseAddress = baseAddress, Timeout = timeout ?? TimeSpan.FromSeconds(30) });

    /// <summary>Every demo account signed in, each with a client of its own from <paramref name="newClient"/> (e.g. through a proxy).</summary>
    public static async Task<NewsroomApiClient> SignInAsync(Func<HttpClient> newClient)
    {
        var api = new NewsroomApiClient();
        foreach (var user in Roles)
        {
            var client = newClient();
            using var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { userName = user, password = Password });
            response.EnsureSuccessStatusCode();
            var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            api._clients[user] = client;
        }

        return api;
    }

    public HttpClient As(string user) => _clients[user];

    /// <summary>A press release with one photo, submitted and passed by the Kasi and the Kabid: only the Kadis's signature is missing.</summary>
    public async Task<Guid> PrepareAsync(string title, byte[] jpeg)
    {
        var id = await CreateWithPhotoAsync(title, jpeg);
        await ActAsync("reporter", id, "submit");
        await ActAsync("kasi", id, "approve");
        await ActAsync("kabid", id, "approve");
        return id;
    }

    /// <summary>The reporter's press release with one photo (caption and credit), not yet submitted.</summary>
    public async Task<Guid> CreateWithPhotoAsync(string title, byte[] jpeg)
    {
        using var created = await As("reporter").PostAsJsonAsync("/api/v1/items", new
        {
            type = "press-release",
            title,
            lead = $"{title}: teras berita untuk uji publikasi.",
            body = "Isi berita untuk uji publikasi media sosial.",
            category = "pemerintahan",
            eventDate = "2026-11-20",
            eventPlace = "Kantor Bupati",
        });
        await EnsureAsync(created, HttpStatusCode.Created);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        using (var form = new MultipartFormDataContent())
        {
            var file = new ByteArrayContent(jpeg);
            file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
            form.Add(file, "file", "foto.jpg");
            form.Add(new StringContent("Foto kegiatan"), "caption");
            form.Add(new StringContent("Humas Diskominfo"), "credit");
            using var uploaded = await As("reporter").PostAsync($"/api/v1/items/{id}/media", form);
            await EnsureAsync(uploaded, HttpStatusCode.Created);
        }

        return id;
    }

    /// <summary>The Kadis signs: from here on the publications are the job server's.</summary>
    public Task SignAsync(Guid id) => ActAsync("kadis", id, "approve");

    public async Task<JsonElement> GetAsync(Guid id)
    {
        using var response = await As("reporter").GetAsync($"/api/v1/items/{id}");
        await EnsureAsync(response, HttpStatusCode.OK);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>A camera-like JPEG made by libvips.</summary>
    public static byte[] Jpeg(int width = 1600, int height = 900)
    {
        using var x = Image.Xyz(width, height);
        using var band = x[0];
        using var scaled = band * (255.0 / width);
        using var rgb = scaled.Bandjoin(scaled, scaled);
        using var image = rgb.Cast(Enums.BandFormat.Uchar);
        return image.JpegsaveBuffer(q: 85);
    }

    public void Dispose()
    {
        foreach (var client in _clients.Values)
        {
            client.Dispose();
        }
    }

    /// <summary><paramref name="user"/> takes a step on the item (submit, approve, ...), which must answer 200.</summary>
    public async Task ActAsync(string user, Guid id, string action)
    {
        using var response = await As(user).PostAsJsonAsync($"/api/v1/items/{id}/{action}", new { note = (string?)null });
        await EnsureAsync(response, HttpStatusCode.OK);
    }

    private static async Task EnsureAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        if (response.StatusCode != expected)
        {
            throw new HttpRequestException($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }
}
