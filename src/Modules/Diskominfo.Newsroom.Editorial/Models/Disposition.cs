namespace Diskominfo.Newsroom.Editorial.Models;

/// <summary>
/// The disposition record an item gets when the office receives it (its first submission): the running number of
/// the year (nomor urut), the date, and the kind of news. Numbers are per year, gap-free and never reused.
/// </summary>
internal sealed class Disposition
{
    public Guid ItemId { get; set; }

    public int Year { get; set; }

    public int Number { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }

    public string ContentType { get; set; } = "";

    /// <summary>The jenis berita of a press release or adventorial; null for clippings.</summary>
    public string? NewsType { get; set; }

    public string Label => $"{Number:0000}/{Year}";
}
