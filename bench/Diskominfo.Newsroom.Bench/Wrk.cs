using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

/// <summary>wrk against one address: requests per second, the best of two runs; any non-2xx answer fails the run.</summary>
internal static partial class Wrk
{
    public static async Task<double> BestOfTwoAsync(string url, int connections, int seconds)
    {
        var best = 0.0;
        for (var run = 0; run < 2; run++)
        {
            using var wrk = Process.Start(new ProcessStartInfo("wrk", $"-t2 -c{connections} -d{seconds}s {url}") { RedirectStandardOutput = true })!;
            var output = await wrk.StandardOutput.ReadToEndAsync();
            await wrk.WaitForExitAsync();
            var match = RequestsPerSecond().Match(output);
            if (!match.Success || NonSuccess().IsMatch(output))
            {
                throw new InvalidOperationException("wrk: " + output);
            }

            best = Math.Max(best, double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture));
        }

        return best;
    }

    [GeneratedRegex(@"Requests/sec:\s+([0-9.]+)")]
    private static partial Regex RequestsPerSecond();

    [GeneratedRegex(@"Non-2xx or 3xx responses: (\d+)")]
    private static partial Regex NonSuccess();
}
