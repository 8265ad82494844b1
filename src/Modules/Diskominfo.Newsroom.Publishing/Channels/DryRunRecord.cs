using System.Text.Json;

namespace Diskominfo.Newsroom.Publishing.Channels;

/// <summary>The exact request a channel would send, recorded when it has no credentials (the token is never recorded).</summary>
internal static class DryRunRecord
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Describe(string method, string url, IEnumerable<KeyValuePair<string, string>> fields, string? file, params object[] followUps)
        => JsonSerializer.Serialize(new
        {
            method,
            url,
            fields = fields.ToDictionary(f => f.Key, f => f.Value),
            file,
            then = followUps,
        }, Json);
}
