namespace Diskominfo.Newsroom.Search.Index;

/// <summary>The index's field names. Facet fields carry doc values under the same name.</summary>
internal static class Fields
{
    public const string Key = "key";
    public const string Id = "id";
    public const string Scope = "scope";
    public const string Owner = "owner";
    public const string Shared = "shared";
    public const string Status = "status";
    public const string Type = "type";
    public const string Title = "title";
    public const string Lead = "lead";
    public const string Text = "text";
    public const string Topics = "topics";
    public const string Outlet = "outlet";
    public const string OutletKey = "outlet_key";
    public const string OutletText = "outlet_text";
    public const string OutletPlain = "outlet_plain";
    public const string MediaType = "mediaType";
    public const string Category = "category";
    public const string Tone = "tone";
    public const string Year = "year";
    public const string Month = "month";
    public const string Classification = "classification";
    public const string Number = "number";
    public const string NumberText = "number_text";
    public const string NumberPlain = "number_plain";
    public const string Slug = "slug";
    public const string Date = "date";
    public const string DateSort = "date_sort";

    public const string StaffScope = "staff";
    public const string PublicScope = "public";

    /// <summary>
    /// The fields a query's words are looked for in (stemmed), each with its twin keeping the words as written
    /// (for phrases and prefixes), and its weight.
    /// </summary>
    public static IReadOnlyDictionary<string, (string Plain, float Boost)> Searched { get; } = new Dictionary<string, (string, float)>
    {
        [Title] = (Title + Analyzers.PlainSuffix, 4f),
        [Lead] = (Lead + Analyzers.PlainSuffix, 2f),
        [Text] = (Text + Analyzers.PlainSuffix, 1f),
        [Topics] = (Topics + Analyzers.PlainSuffix, 2f),
        [OutletText] = (OutletPlain, 1f),
        [NumberText] = (NumberPlain, 1f),
    };
}
