using System.Text.Json;
using Diskominfo.Newsroom.Audit.Data;

namespace Diskominfo.Newsroom.Audit.Services;

/// <summary>
/// The values before and after as the log keeps them: a secret (any key naming a token, password, sandi, secret, key,
/// code or OTP) only as a mask, whatever the sender passed; every value and the number of fields capped.
/// </summary>
internal static class AuditValues
{
    public const string MaskMark = "••••";

    private static readonly string[] SecretWords = ["token", "password", "sandi", "secret", "key", "code", "otp"];

    private static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static bool IsSecret(string key) => SecretWords.Any(word => key.Contains(word, StringComparison.OrdinalIgnoreCase));

    /// <summary>Long secrets keep their last four characters (enough to tell two tokens apart), short ones nothing.</summary>
    public static string Mask(string value) => value.Length >= 12 ? $"{MaskMark} (4 terakhir: {value[^4..]})" : MaskMark;

    /// <summary>The JSON object to store, or null when there is nothing.</summary>
    public static string? Store(IReadOnlyDictionary<string, string?>? values)
    {
        if (values is null || values.Count == 0)
        {
            return null;
        }

        var kept = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (rawKey, value) in values.Take(AuditLimits.Keys))
        {
            var key = Cut(rawKey, AuditLimits.Key);
            if (!kept.ContainsKey(key))
            {
                kept[key] = value is null ? null : IsSecret(rawKey) ? Mask(value) : Cut(value, AuditLimits.Value);
            }
        }

        return JsonSerializer.Serialize(kept, Json);
    }

    public static IReadOnlyDictionary<string, string?>? Read(string? json)
        => json is null ? null : JsonSerializer.Deserialize<Dictionary<string, string?>>(json, Json);

    /// <summary>Cuts text to <paramref name="max"/> characters, marking the cut with an ellipsis.</summary>
    public static string Cut(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }

        var length = char.IsHighSurrogate(text[max - 2]) ? max - 2 : max - 1;
        return string.Concat(text.AsSpan(0, length), "…");
    }

    public static string? CutOrNull(string? text, int max) => string.IsNullOrWhiteSpace(text) ? null : Cut(text.Trim(), max);
}
