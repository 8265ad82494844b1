namespace Diskominfo.Newsroom.Coverage.Services;

/// <summary>What goes into a month's bulletin: approved coverage reports and published press releases, with their photos' bytes.</summary>
internal sealed record Bulletin(string Office, int Year, int Month, IReadOnlyList<BulletinEntry> Reports, IReadOnlyList<BulletinEntry> PressReleases, DateTimeOffset PrintedAt)
{
    public bool IsEmpty => Reports.Count == 0 && PressReleases.Count == 0;

    public string MonthName => new DateTime(Year, Month, 1).ToString("MMMM yyyy", Abstractions.Text.IndonesianTime.Culture);
}

/// <summary>One article of the bulletin: its title, the lines under it (place, time, people), its text and photos.</summary>
internal sealed record BulletinEntry(string Title, IReadOnlyList<string> Facts, string Text, IReadOnlyList<BulletinPhoto> Photos);

internal sealed record BulletinPhoto(byte[] Bytes, string? Caption);
