using Diskominfo.Newsroom.Abstractions.Content;

namespace Diskominfo.Newsroom.Content.Models;

/// <summary>A content type declared in code: its name, its Indonesian label and the parts it is made of.</summary>
internal sealed record ContentTypeDefinition(string Name, string DisplayName, IReadOnlyList<string> Parts)
{
    public const string ArticlePartName = "Article";
    public const string ClippingPartName = "Clipping";
    public const string AdventorialPartName = "Adventorial";
    public const string PhotosPartName = "Photos";

    public static IReadOnlyDictionary<string, ContentTypeDefinition> All { get; } = new Dictionary<string, ContentTypeDefinition>
    {
        [ContentTypes.PressRelease] = new(ContentTypes.PressRelease, "Siaran Pers", [ArticlePartName, PhotosPartName]),
        [ContentTypes.Clipping] = new(ContentTypes.Clipping, "Kliping", [ClippingPartName, PhotosPartName]),
        [ContentTypes.Adventorial] = new(ContentTypes.Adventorial, "Adventorial", [ArticlePartName, AdventorialPartName, PhotosPartName]),
    };

    public bool Has(string part) => Parts.Contains(part);
}
