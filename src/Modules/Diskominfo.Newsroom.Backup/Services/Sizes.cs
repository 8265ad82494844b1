using System.Globalization;

namespace Diskominfo.Newsroom.Backup.Services;

/// <summary>Sizes as people read them (<c>12,3 MB</c>).</summary>
internal static class Sizes
{
    private static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");

    public static string Format(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => (bytes / 1024.0).ToString("0.0", Indonesian) + " KB",
        < 1024L * 1024 * 1024 => (bytes / 1024.0 / 1024).ToString("0.0", Indonesian) + " MB",
        _ => (bytes / 1024.0 / 1024 / 1024).ToString("0.00", Indonesian) + " GB",
    };
}
