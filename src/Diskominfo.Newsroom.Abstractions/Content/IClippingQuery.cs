namespace Diskominfo.Newsroom.Abstractions.Content;

/// <summary>
/// A clipping as the clipping book prints it (Content module): outlet, media type (koran, majalah, tabloid), edition
/// date, page, headline (the title when none), tone, and its scans (images or PDFs) in order.
/// </summary>
public sealed record ClippingEntry(
    Guid ItemId, string Headline, string Outlet, string MediaType, DateOnly EditionDate, string? Page, string Tone, IReadOnlyList<PhotoRef> Scans);

/// <summary>The clippings of a period, by edition date (Content module).</summary>
public interface IClippingQuery
{
    /// <summary>The clippings whose edition date lies from <paramref name="from"/> to <paramref name="to"/>, both included.</summary>
    Task<IReadOnlyList<ClippingEntry>> ListByEditionAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken);
}
