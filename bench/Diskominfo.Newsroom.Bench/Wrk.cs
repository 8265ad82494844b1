using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

/// <summary>wrk against one address: requests per second, the best of several runs; any non-2xx answer fails the run.</summary>
internal static partial class Wrk
{
    public static async Task<double> BestOfTwoAsync(string url, int connections, int seconds)
        => Math.Max(await RunAsync(url, connections, seconds), await RunAsync(url, connections, seconds));

    /// <summary>
    /// Two addresses in turns (a, b, a, b, ...), <paramref name="rounds"/> runs each, the best of each: on a shared
    /// virtual machine a slow minute then falls on both sides alike instead of on one.
    /// </summary>
    public static async Task<(double A, double B)> BestInTurnsAsync(string a, string b, int connections, int seconds, int rounds = 3)
    {
        var (runsA, runsB) = (new List<double>(), new List<double>());
        for (var round = 0; round < rounds; round++)
        {
            runsA.Add(await RunAsync(a, connections, seconds));
            runsB.Add(await RunAsync(b, connections, seconds));
        }

        // Every run, so a reader sees how far apart this machine's runs fall.
        Console.WriteLine($"  runs in turns (requests/s): {string.Join(", ", runsA.Zip(runsB, (x, y) => $"{x:N0} / {y:N0}"))}");
        return (runsA.Max(), runsB.Max());
    }

    private static async Task<double> RunAsync(string url, int connections, int seconds)
    {
        using var wrk = Process.Start(new ProcessStartInfo("wrk", $"-t2 -c{connections} -d{seconds}s {url}") { RedirectStandardOutput = true })!;
        var output = await wrk.StandardOutput.ReadToEndAsync();
        await wrk.WaitForExitAsync();
        var match = RequestsPerSecond().Match(output);
        if (!match.Success || NonSuccess().IsMatch(output))
        {
            throw new InvalidOperationException("wrk: " + output);
        }

        return double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"Requests/sec:\s+([0-9.]+)")]
    private static partial Regex RequestsPerSecond();

    [GeneratedRegex(@"Non-2xx or 3xx responses: (\d+)")]
    private static partial Regex NonSuccess();
}
