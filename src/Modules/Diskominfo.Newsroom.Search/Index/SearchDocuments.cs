using System.Globalization;
using Diskominfo.Newsroom.Abstractions.Archive;
using Diskominfo.Newsroom.Abstractions.Content;
using Diskominfo.Newsroom.Abstractions.Editorial;
using Diskominfo.Newsroom.Abstractions.Text;
using Lucene.Net.Documents;
using Lucene.Net.Util;

namespace Diskominfo.Newsroom.Search.Index;

/// <summary>
/// Turns an item into its index documents: one the staff search (the working version, with its status and archive
/// number) and, while it is live on the website, one the public search (the published version only).
/// </summary>
internal static class SearchDocuments
{
    public static string StaffKey(Guid itemId) => $"{Fields.StaffScope}:{itemId:N}";

    public static string PublicKey(Guid itemId) => $"{Fields.PublicScope}:{itemId:N}";

    public static Document Staff(SearchableItem item, string status, ArchiveView? archive)
    {
        var version = item.Latest;
        var date = version.EditionDate
                   ?? (item.PublishedAt is { } published ? Day(published) : null)
                   ?? (archive is not null ? Day(archive.ArchivedAt) : null)
                   ?? Day(item.CreatedAt)!.Value;
        var document = Build(StaffKey(item.ItemId), Fields.StaffScope, item, version, date);
        document.Add(new StringField(Fields.Key, Fields.Tag(Fields.Owner, item.OwnerId), Field.Store.NO));
        document.Add(new StringField(Fields.Key, Fields.Tag(Fields.Shared, IsFinal(status) ? "1" : "0"), Field.Store.NO));
        document.Add(new StoredField(Fields.Status, status));
        if (archive is not null)
        {
            document.Add(new StoredField(Fields.Number, archive.Number));
            document.Add(new TextField(Fields.NumberText, archive.Number, Field.Store.NO));
            Facet(document, Fields.Classification, archive.Classification);
        }

        return document;
    }

    /// <summary>
    /// Whether the working version is the finished one (published, or filed in the archive) that every member of staff
    /// may find. A published item whose correction is being written is not: the correction is its writer's unpublished
    /// work until it is signed, and the staff document holds it.
    /// </summary>
    public static bool IsFinal(string status) => status is WorkflowStatuses.Published or WorkflowStatuses.Archived;

    public static Document? Public(SearchableItem item)
    {
        if (item is not { Published: { } version, PublishedAt: { } publishedAt, Slug: not null })
        {
            return null;
        }

        var document = Build(PublicKey(item.ItemId), Fields.PublicScope, item, version, Day(publishedAt)!.Value);
        document.Add(new StoredField(Fields.Status, "published"));
        return document;
    }

    private static Document Build(string key, string scope, SearchableItem item, SearchableVersion version, DateOnly date)
    {
        var document = new Document
        {
            new StringField(Fields.Key, key, Field.Store.NO),
            new StoredField(Fields.Id, item.ItemId.ToString("N")),
            new StringField(Fields.Key, Fields.Tag(Fields.Scope, scope), Field.Store.NO),
        };
        Facet(document, Fields.Type, item.ContentType);
        Text(document, Fields.Title, version.Title);
        Text(document, Fields.Lead, version.Lead);
        Text(document, Fields.Text, version.Text);
        Text(document, Fields.Topics, version.Topics.Count == 0 ? null : string.Join(", ", version.Topics));
        if (!string.IsNullOrWhiteSpace(version.Outlet))
        {
            var outlet = version.Outlet.Trim();
            Facet(document, Fields.Outlet, outlet);
            document.Add(new TextField(Fields.OutletText, outlet, Field.Store.NO));
        }

        Facet(document, Fields.MediaType, version.MediaType);
        Facet(document, Fields.Category, version.Category);
        Facet(document, Fields.Tone, version.Tone);
        Facet(document, Fields.Year, date.Year.ToString(CultureInfo.InvariantCulture));
        Facet(document, Fields.Month, date.ToString("yyyy-MM", CultureInfo.InvariantCulture));
        document.Add(new StoredField(Fields.Date, date.DayNumber));
        document.Add(new NumericDocValuesField(Fields.DateSort, date.DayNumber));
        if (item.Slug is not null)
        {
            document.Add(new StoredField(Fields.Slug, item.Slug));
        }

        return document;
    }

    private static void Text(Document document, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return;
        }

        document.Add(new TextField(field, value, Field.Store.YES));
    }

    private static void Facet(Document document, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return;
        }

        // Filtered, counted and shown through its doc values only: neither inverted nor stored, for a fast build.
        document.Add(new SortedDocValuesField(field, new BytesRef(value)));
    }

    private static DateOnly? Day(DateTimeOffset at) => DateOnly.FromDateTime(IndonesianTime.ToWib(at).DateTime);
}
