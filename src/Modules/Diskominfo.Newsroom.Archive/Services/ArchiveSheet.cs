using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Diskominfo.Newsroom.Abstractions.Content;
using Diskominfo.Newsroom.Abstractions.Editorial;
using Diskominfo.Newsroom.Abstractions.Publishing;

namespace Diskominfo.Newsroom.Archive.Services;

/// <summary>
/// The archive sheet: everything the office files about an item (SOP: "archive it"), frozen at filing time. The
/// signed version's text and files, the approval trail with its hash chain and whether it verified, each channel's
/// link, the disposition.
/// </summary>
internal sealed record ArchiveSheet(
    string Number,
    string Classification,
    string ClassificationName,
    string ContentType,
    int Round,
    DateTimeOffset ArchivedAt,
    Guid VersionId,
    int VersionNumber,
    string ContentHash,
    string Title,
    string Digest,
    IReadOnlyList<PhotoRef> Files,
    IReadOnlyList<HistoryEntryView> Trail,
    HistoryCheck? TrailCheck,
    IReadOnlyList<SheetPublication> Publications,
    DispositionView? Disposition)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static ArchiveSheet FromJson(string json) => JsonSerializer.Deserialize<ArchiveSheet>(json, Json)!;

    public static string Hash(string json) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)));
}

internal sealed record SheetPublication(string Channel, string Status, string? Url, DateTimeOffset? CompletedAt, int Round);

/// <summary>Gathers an item's sheet from the modules that own each part, through their query interfaces.</summary>
internal sealed class ArchiveSheetBuilder(IContentCatalog content, IWorkflowQuery workflows, IPublicationQuery publications)
{
    public async Task<ArchiveSheet?> BuildAsync(
        Guid itemId, string number, string classification, string classificationName, int round, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var workflow = await workflows.GetAsync(itemId, cancellationToken);
        var signedVersion = workflow?.History.LastOrDefault(h => h.Action == HistoryActions.Signed && h.VersionId is not null)?.VersionId;
        var version = signedVersion is { } id
            ? await content.GetVersionAsync(itemId, id, cancellationToken)
            : await content.GetLatestAsync(itemId, cancellationToken);
        if (version is null)
        {
            return null;
        }

        var digest = await content.GetDigestAsync(itemId, version.VersionId, cancellationToken) ?? "";
        var check = await workflows.VerifyHistoryAsync(itemId, cancellationToken);
        var links = (await publications.ListAsync(itemId, cancellationToken))
            .Select(p => new SheetPublication(p.Channel, p.Status, p.Url, p.CompletedAt, p.Round))
            .ToList();
        return new ArchiveSheet(
            number, classification, classificationName, version.ContentType, round, at, version.VersionId, version.VersionNumber, version.ContentHash,
            version.Title, digest, version.Photos, workflow?.History ?? [], check, links, workflow?.Disposition);
    }
}
