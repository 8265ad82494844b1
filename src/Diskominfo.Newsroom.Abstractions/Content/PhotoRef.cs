using System.Text.Json.Serialization;

namespace Diskominfo.Newsroom.Abstractions.Content;

/// <summary>
/// A photo, scan or document (PDF) attached to an item's version; the file itself is kept by the Media module.
/// <paramref name="Alt"/> is the text read out instead of the photo (left out of the JSON, and so of the content hash of
/// versions written before it existed, while it is empty).
/// </summary>
public sealed record PhotoRef(
    Guid MediaId, string Sha256, string ContentType, int Width, int Height, string? Caption, string? Credit,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Alt = null)
{
    public const string Pdf = "application/pdf";

    /// <summary>Photos and scanned images can be shown and posted; documents (PDF) are only filed and downloaded.</summary>
    [JsonIgnore]
    public bool IsImage => ContentType.StartsWith("image/", StringComparison.Ordinal);
}
