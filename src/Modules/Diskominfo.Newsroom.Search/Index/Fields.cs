using Diskominfo.Newsroom.Abstractions.Search;

namespace Diskominfo.Newsroom.Search.Index;

/// <summary>The index's field names. Facet fields carry doc values under the API's facet names.</summary>
internal static class Fields
{
    public const string Key = "key";
    public const string Id = "id";
    public const string Scope = "scope";
    public const string Owner = "owner";
    public const string Shared = "shared";
    public const string Status = "status";
    public const string Type = SearchFacets.Type;
    public const string Title = "title";
    public const string Lead = "lead";
    public const string Text = "text";
    public const string Topics = "topics";
    public const string Outlet = SearchFacets.Outlet;
    public const string OutletText = "outlet_text";
    public const string MediaType = SearchFacets.MediaType;
    public const string Category = SearchFacets.Category;
    public const string Tone = SearchFacets.Tone;
    public const string Year = SearchFacets.Year;
    public const string Month = SearchFacets.Month;
    public const string Classification = SearchFacets.Classification;
    public const string Number = "number";
    public const string NumberText = "number_text";
    public const string Slug = "slug";
    public const string Date = "date";
    public const string DateSort = "date_sort";

    /// <summary>
    /// The key field also carries who may see a document (scope, owner, shared), as <c>name=value</c> terms: one
    /// inverted field for all of them instead of four keeps the build fast. Keys use ':' and never collide.
    /// </summary>
    public static string Tag(string name, string value) => $"{name}={value}";

    public const string StaffScope = "staff";
    public const string PublicScope = "public";

    /// <summary>The fields a query's words are looked for in, with their weights.</summary>
    public static IReadOnlyDictionary<string, float> Searched { get; } = new Dictionary<string, float>
    {
        [Title] = 4f,
        [Lead] = 2f,
        [Text] = 1f,
        [Topics] = 2f,
        [OutletText] = 1f,
        [NumberText] = 1f,
    };
}
