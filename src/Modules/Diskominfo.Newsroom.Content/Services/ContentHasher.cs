using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Diskominfo.Newsroom.Content.Models;

namespace Diskominfo.Newsroom.Content.Services;

/// <summary>
/// The SHA-256 of a version's exact content (type, title, every part, every photo with its file hash,
/// caption and credit): what an approval is bound to.
/// </summary>
internal static class ContentHasher
{
    private static readonly JsonSerializerOptions Canonical = new()
    {
        WriteIndented = false,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
    };

    public static string Compute(string contentType, string title, ContentParts parts)
    {
        var json = JsonSerializer.Serialize(new { contentType, title, parts }, Canonical);
        return "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)));
    }
}
