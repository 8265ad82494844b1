namespace Diskominfo.Newsroom.Reports.Services;

/// <summary>
/// The month's clipping book as printed: the selected clippings per media type group (koran, majalah, tabloid) with
/// their scans, the summary per outlet and tone, and the Kadis who signs it.
/// </summary>
internal sealed record ClippingBook(
    string Office, int Year, int Month, string MonthName, DateTimeOffset PrintedAt, IReadOnlyList<BookGroup> Groups,
    IReadOnlyList<BookOutletLine> Summary, BookSignatory Signatory)
{
    public int Count => Groups.Sum(g => g.Clippings.Count);
}

/// <summary>A media type's clippings, by edition date then outlet.</summary>
internal sealed record BookGroup(string MediaType, string Label, IReadOnlyList<BookClipping> Clippings);

/// <summary>One clipping: its facts and its first scan as a JPEG for print (null: no scan, or one that cannot be read).</summary>
internal sealed record BookClipping(Guid ItemId, string Headline, string Outlet, DateOnly EditionDate, string? Page, string Tone, byte[]? Scan, int MoreScans);

/// <summary>An outlet's clippings of the month per tone (positif, netral, negatif).</summary>
internal sealed record BookOutletLine(string Outlet, string MediaType, int Positive, int Neutral, int Negative)
{
    public int Total => Positive + Neutral + Negative;
}

/// <summary>Who signs the book: the Kadis's post, name and NIP (null when none was entered for his account).</summary>
internal sealed record BookSignatory(string Title, string? Name, string? Nip);
