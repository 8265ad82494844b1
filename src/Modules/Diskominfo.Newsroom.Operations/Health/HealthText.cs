namespace Diskominfo.Newsroom.Operations.Health;

internal static class HealthText
{
    /// <summary>A message cut to one short line, for a description a load balancer logs.</summary>
    public static string Short(string text)
    {
        var line = text.ReplaceLineEndings(" ");
        return line.Length > 160 ? line[..160] + "…" : line;
    }

    public static string Megabytes(long bytes) => (bytes / (1024.0 * 1024.0)).ToString("#,0", System.Globalization.CultureInfo.GetCultureInfo("id-ID")) + " MB";
}
