using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Diskominfo.Newsroom.Abstractions.Content;
using Diskominfo.Newsroom.Content.Data;
using Diskominfo.Newsroom.Infrastructure.Data;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Diskominfo.Newsroom.Content.Services;

/// <summary>
/// The article page in one command: the item and its live version, with its corrections and the newest articles of
/// its category as two JSON arrays from correlated subqueries. Each subquery reads through an index (corrections by
/// item; items by category and publication time, a few rows), so the page costs the same with ten articles or ten
/// thousand. The LINQ form of the same read made EF join a ROW_NUMBER over every published article of every category
/// (SQLite has no APPLY): 14 ms a page at 5,000 articles, and a statement that took longer to compile than the page
/// took to render. The SQL is each engine's own (SQLite's JSON functions, PostgreSQL's).
/// </summary>
/// <remarks>
/// The command runs without a DbContext (<see cref="NewsroomDatabase.ReadAsync"/>; on SQLite, on a connection kept
/// open with the statement prepared): setting up the Content module's context for the page (EF's own services, scope
/// by scope) took more of an uncached page's time than this query, and compiling the statement most of SQLite's. Values are read back as the model stores them: times as <see cref="ModuleDbContext"/>'s
/// conventions keep them on SQLite (<see cref="DateTimeOffsetToBinaryConverter"/>), the parts as the context's JSON.
/// </remarks>
internal static class ArticlePageQuery
{
    /// <summary>The command in SQLite's JSON functions; <c>@slug</c> the slug, <c>@take</c> how many related, <c>@clipping</c> the clipping type.</summary>
    private const string Sqlite = """
        SELECT c."Id", c."ContentType", c."Slug", c."PublishedAt", c."Category", v."Id", v."Title", v."parts_json",
          (SELECT json_group_array(json_array(x."CorrectedAt", x."Note"))
             FROM (SELECT n."CorrectedAt", n."Note" FROM "content_corrections" AS n WHERE n."ItemId" = c."Id" ORDER BY n."CorrectedAt", n."Id") AS x),
          (SELECT json_group_array(json_array(y."Id", y."Slug", y."Title", y."PublishedAt"))
             FROM (SELECT o."Id", o."Slug", ov."Title", o."PublishedAt" FROM "content_items" AS o
                   INNER JOIN "content_versions" AS ov ON o."PublishedVersionId" = ov."Id"
                   WHERE o."Category" = c."Category" AND o."Id" <> c."Id" AND o."ContentType" <> @clipping
                   ORDER BY o."PublishedAt" DESC LIMIT @take) AS y)
        FROM "content_items" AS c
        INNER JOIN "content_versions" AS v ON c."PublishedVersionId" = v."Id"
        WHERE c."Slug" = @slug AND c."ContentType" <> @clipping
        LIMIT 1
        """;

    /// <summary>The same command in PostgreSQL's JSON functions (the rows are put in order here, whatever the engine gives).</summary>
    private static readonly string Postgres = Sqlite
        .Replace("json_group_array(", "json_agg(", StringComparison.Ordinal)
        .Replace("json_array(", "json_build_array(", StringComparison.Ordinal);

    /// <summary>How SQLite keeps a point in time (the model's convention for every module, see <see cref="ModuleDbContext"/>).</summary>
    private static readonly DateTimeOffsetToBinaryConverter SqliteTime = new();

    /// <summary>The article with <paramref name="slug"/> and the newest <paramref name="take"/> others of its category (none without a category); null when none.</summary>
    public static Task<ArticleRow?> ReadAsync(NewsroomDatabase database, string slug, int take, CancellationToken cancellationToken)
        => database.ReadAsync(
            database.Provider == DatabaseProvider.Postgres ? Postgres : Sqlite,
            [new("slug", slug), new("take", take), new("clipping", ContentTypes.Clipping)],
            ReadRowAsync,
            cancellationToken);

    private static async Task<ArticleRow?> ReadRowAsync(DbDataReader reader, CancellationToken cancellationToken)
    {
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        var itemId = ReadGuid(reader.GetValue(0));
        var corrections = Array(reader, 8)
            .Select(e => new CorrectionNote(ReadTime(e[0]), e[1].GetString() ?? ""))
            .OrderBy(c => c.At)
            .ToList();
        var related = Array(reader, 9)
            .Select(e => new ArticleLink(ReadGuid(e[0].GetString()!), e[1].GetString() ?? "", e[2].GetString() ?? "", ReadTime(e[3])))
            .OrderByDescending(r => r.PublishedAt)
            .ToList();
        return new ArticleRow(
            itemId,
            reader.GetString(1),
            reader.GetString(2),
            ReadTime(reader.GetValue(3)),
            reader.IsDBNull(4) ? null : reader.GetString(4),
            ReadGuid(reader.GetValue(5)),
            reader.GetString(6),
            ContentDbContext.ReadParts(reader.GetString(7)),
            corrections,
            related);
    }

    private static DateTimeOffset ReadTime(object value) => value switch
    {
        DateTimeOffset at => at,
        DateTime at => new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)),
        long binary => (DateTimeOffset)SqliteTime.ConvertFromProvider(binary)!,
        _ => throw new InvalidOperationException($"Unexpected time value {value}"),
    };

    private static DateTimeOffset ReadTime(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number => ReadTime(value.GetInt64()),
        _ => DateTimeOffset.Parse(value.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
    };

    private static Guid ReadGuid(object value) => value switch
    {
        Guid id => id,
        string text => Guid.Parse(text, CultureInfo.InvariantCulture),
        _ => throw new InvalidOperationException($"Unexpected id value {value}"),
    };

    /// <summary>A JSON array of arrays in column <paramref name="ordinal"/> (null or empty: none).</summary>
    private static List<JsonElement[]> Array(DbDataReader reader, int ordinal)
    {
        if (reader.IsDBNull(ordinal))
        {
            return [];
        }

        using var document = JsonDocument.Parse(reader.GetString(ordinal));
        return document.RootElement.EnumerateArray().Select(row => row.EnumerateArray().Select(e => e.Clone()).ToArray()).ToList();
    }
}
