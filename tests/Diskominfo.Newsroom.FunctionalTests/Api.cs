using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Diskominfo.Newsroom.FunctionalTests;

/// <summary>Small helpers over the public API, as a script of the regency's other systems would use it.</summary>
internal static class Api
{
    public static async Task<Guid> CreatePressReleaseAsync(
        HttpClient reporter, string title = "Bupati Resmikan Jembatan Raya", string? body = null, string category = "pembangunan", Guid? section = null)
    {
        var response = await reporter.PostAsJsonAsync("/api/v1/items", new
        {
            type = "press-release",
            section,
            title,
            lead = "Bupati meresmikan Jembatan Raya yang menghubungkan dua kecamatan.",
            body = body ?? "Jembatan sepanjang **120 meter** ini dibangun selama dua tahun.",
            category,
            eventDate = "2026-11-20",
            eventPlace = "Kecamatan Raya",
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    public static async Task<HttpResponseMessage> UploadAsync(HttpClient client, Guid itemId, byte[] bytes, string fileName, string? caption = "Peresmian jembatan")
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        form.Add(file, "file", fileName);
        if (caption is not null)
        {
            form.Add(new StringContent(caption), "caption");
            form.Add(new StringContent("Humas Diskominfo"), "credit");
        }

        return await client.PostAsync($"/api/v1/items/{itemId}/media", form);
    }

    public static Task<HttpResponseMessage> ActAsync(HttpClient client, Guid itemId, string action, string? note = null)
        => client.PostAsJsonAsync($"/api/v1/items/{itemId}/{action}", new { note });

    public static async Task<JsonElement> GetAsync(HttpClient client, Guid itemId)
    {
        var response = await client.GetAsync($"/api/v1/items/{itemId}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static async Task<JsonElement> WaitForStatusAsync(HttpClient client, Guid itemId, string status, int seconds = 60)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        JsonElement item;
        do
        {
            item = await GetAsync(client, itemId);
            if (item.GetProperty("status").GetString() == status)
            {
                return item;
            }

            await Task.Delay(200);
        }
        while (DateTime.UtcNow < deadline);
        Assert.Fail($"Item did not reach '{status}' in {seconds} s; it is '{item.GetProperty("status")}': {item}");
        return item;
    }

    /// <summary>A real camera-like JPEG made by libvips: a gradient with some texture.</summary>
    public static byte[] Jpeg(int width = 1600, int height = 900) => Harness.NewsroomApiClient.Jpeg(width, height);

    /// <summary>A press release with <paramref name="photos"/> photos taken through the chain to the archive; its article's path.</summary>
    public static async Task<string> PublishAsync(NewsroomApp app, HttpClient reporter, string title, string category, int photos)
    {
        var id = await CreatePressReleaseAsync(reporter, title: title, category: category);
        for (var i = 0; i < photos; i++)
        {
            Assert.Equal(HttpStatusCode.Created, (await UploadAsync(reporter, id, Jpeg(1600 + (i * 100), 1000), $"foto{i}.jpg", caption: $"Suasana {title} ({i + 1})")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, (await ActAsync(reporter, id, "submit")).StatusCode);
        await SignAsync(app, id);
        var item = await WaitForStatusAsync(reporter, id, "archived");
        return new Uri(Publications.Of(item, "website").GetProperty("url").GetString()!).AbsolutePath;
    }

    public static async Task SignAsync(NewsroomApp app, Guid itemId)
    {
        foreach (var approver in new[] { "kasi", "kabid", "kadis" })
        {
            using var client = await app.LoginAsync(approver);
            var response = await ActAsync(client, itemId, "approve", $"Disetujui {approver}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }
}

/// <summary>Helpers over an item's publication records.</summary>
internal static class Publications
{
    public static JsonElement Of(JsonElement item, string channel, int round = 0)
        => item.GetProperty("publications").EnumerateArray().Single(p => p.GetProperty("channel").GetString() == channel && p.GetProperty("round").GetInt32() == round);

    /// <summary>Waits until the item's publication to <paramref name="channel"/> has <paramref name="status"/> (and, if given, satisfies <paramref name="also"/>).</summary>
    public static async Task<JsonElement> WaitAsync(HttpClient client, Guid itemId, string channel, string status, int seconds = 60, Func<JsonElement, bool>? also = null)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        JsonElement publication = default;
        do
        {
            var item = await Api.GetAsync(client, itemId);
            if (item.GetProperty("publications").GetArrayLength() > 0)
            {
                publication = Of(item, channel);
                if (publication.GetProperty("status").GetString() == status && (also is null || also(publication)))
                {
                    return publication;
                }
            }

            await Task.Delay(200);
        }
        while (DateTime.UtcNow < deadline);
        Assert.Fail($"The {channel} publication of {itemId} did not reach '{status}' in {seconds} s: {publication}");
        return publication;
    }

    public static string? LastError(JsonElement publication)
        => publication.GetProperty("lastError").ValueKind == JsonValueKind.String ? publication.GetProperty("lastError").GetString() : null;

    public static JsonElement[] Attempts(JsonElement publication) => [.. publication.GetProperty("attemptLog").EnumerateArray()];

    /// <summary><paramref name="count"/> attempts on record, none of them still running.</summary>
    public static bool Settled(JsonElement publication, int count)
        => Attempts(publication) is var log && log.Length == count && log.All(a => a.GetProperty("outcome").GetString() != "running");
}
