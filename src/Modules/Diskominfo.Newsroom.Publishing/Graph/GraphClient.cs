using System.Net.Http.Headers;
using System.Text.Json;
using Diskominfo.Newsroom.Publishing.Services;

namespace Diskominfo.Newsroom.Publishing.Graph;

/// <summary>A thin client of the Meta Graph API: form posts, multipart uploads and reads, token in the Authorization header.</summary>
internal sealed class GraphClient(HttpClient http)
{
    public Task<GraphResponse> PostFormAsync(ChannelCredentials channel, string path, IEnumerable<KeyValuePair<string, string>> fields, CancellationToken cancellationToken)
        => SendAsync(channel, HttpMethod.Post, path, new FormUrlEncodedContent(fields), cancellationToken);

    public Task<GraphResponse> PostPhotoAsync(
        ChannelCredentials channel, string path, IEnumerable<KeyValuePair<string, string>> fields, byte[] jpeg, CancellationToken cancellationToken)
    {
        var content = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            content.Add(new StringContent(value), name);
        }

        var file = new ByteArrayContent(jpeg);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        content.Add(file, "source", "photo.jpg");
        return SendAsync(channel, HttpMethod.Post, path, content, cancellationToken);
    }

    public Task<GraphResponse> GetAsync(ChannelCredentials channel, string pathAndQuery, CancellationToken cancellationToken)
        => SendAsync(channel, HttpMethod.Get, pathAndQuery, null, cancellationToken);

    private async Task<GraphResponse> SendAsync(ChannelCredentials channel, HttpMethod method, string path, HttpContent? content, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, (channel.GraphBaseUrl ?? PublishingOptions.DefaultGraphBaseUrl).TrimEnd('/') + "/" + path.TrimStart('/')) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", channel.AccessToken);
        using var response = await http.SendAsync(request, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        JsonElement json;
        try
        {
            json = JsonDocument.Parse(string.IsNullOrWhiteSpace(body) ? "{}" : body).RootElement.Clone();
        }
        catch (JsonException)
        {
            // Not the Graph API answering (a proxy error page): the outcome is unknown.
            throw new HttpRequestException($"Jawaban bukan JSON dari Graph API (HTTP {(int)response.StatusCode}).");
        }

        var regain = RegainAccessAfter(response.Headers);
        if (json.TryGetProperty("error", out var error))
        {
            return new GraphResponse(json, regain, new GraphError(
                error.TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.Number && code.TryGetInt32(out var c) ? c : 0,
                error.TryGetProperty("error_subcode", out var sub) && sub.ValueKind == JsonValueKind.Number && sub.TryGetInt32(out var s) ? s : null,
                error.TryGetProperty("message", out var message) && message.ValueKind == JsonValueKind.String ? message.GetString() ?? "" : "",
                error.TryGetProperty("error_user_msg", out var user) && user.ValueKind == JsonValueKind.String ? user.GetString() : null,
                error.TryGetProperty("is_transient", out var transient) && transient.ValueKind == JsonValueKind.True));
        }

        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"Graph API menjawab HTTP {(int)response.StatusCode} tanpa keterangan galat.");
        }

        return new GraphResponse(json, regain, null);
    }

    /// <summary>
    /// Meta's usage headers: <c>X-Business-Use-Case-Usage</c> names, per object, the minutes until access is regained
    /// (<c>estimated_time_to_regain_access</c>); <c>X-App-Usage</c> and <c>X-Page-Usage</c> give percentages, throttled at 100.
    /// The longest wait any of them asks for; null when none asks.
    /// </summary>
    internal static TimeSpan? RegainAccessAfter(HttpResponseHeaders headers)
    {
        TimeSpan? wait = null;
        if (headers.TryGetValues("X-Business-Use-Case-Usage", out var business))
        {
            foreach (var value in business)
            {
                try
                {
                    using var usage = JsonDocument.Parse(value);
                    foreach (var entries in usage.RootElement.EnumerateObject().Where(e => e.Value.ValueKind == JsonValueKind.Array))
                    {
                        foreach (var entry in entries.Value.EnumerateArray())
                        {
                            if (entry.TryGetProperty("estimated_time_to_regain_access", out var minutes) && minutes.TryGetInt32(out var m) && m > 0)
                            {
                                wait = Max(wait, TimeSpan.FromMinutes(m));
                            }
                        }
                    }
                }
                catch (JsonException)
                {
                    // A header we cannot read says nothing; the error code still decides.
                }
            }
        }

        foreach (var name in new[] { "X-App-Usage", "X-Page-Usage" })
        {
            if (!headers.TryGetValues(name, out var values))
            {
                continue;
            }

            foreach (var value in values)
            {
                try
                {
                    using var usage = JsonDocument.Parse(value);
                    var highest = usage.RootElement.EnumerateObject()
                        .Select(p => p.Value.TryGetDouble(out var percent) ? percent : 0)
                        .DefaultIfEmpty(0)
                        .Max();
                    if (highest >= 100)
                    {
                        // Meta's window for these counters is one hour, sliding: give it a few minutes before calling again.
                        wait = Max(wait, TimeSpan.FromMinutes(5));
                    }
                }
                catch (JsonException)
                {
                }
            }
        }

        return wait;
    }

    private static TimeSpan Max(TimeSpan? a, TimeSpan b) => a is { } x && x > b ? x : b;
}

/// <summary>An answer of the Graph API: the body, the wait its usage headers ask for, and the error if it is one.</summary>
internal sealed record GraphResponse(JsonElement Body, TimeSpan? RegainAccessAfter, GraphError? Error)
{
    public bool Ok => Error is null;

    public string? String(string property)
        => Body.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
