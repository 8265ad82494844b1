using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

/// <summary>wrk against one address: requests per second, the best of several runs; any non-2xx answer fails the run.</summary>
internal static partial class Wrk
{
    /// <summary>The better of two runs, after an uncounted run of <paramref name="warmUpSeconds"/> when it is above zero.</summary>
    public static async Task<double> BestOfTwoAsync(string url, int connections, int seconds, int warmUpSeconds = 0)
    {
        if (warmUpSeconds > 0)
        {
            await RunAsync(url, connections, warmUpSeconds);
        }

        return Math.Max(await RunAsync(url, connections, seconds), await RunAsync(url, connections, seconds));
    }

    /// <summary>
    /// Two servers in turns (a, b, a, b, ...), <paramref name="rounds"/> runs each, the best of each: on a shared
    /// virtual machine a slow minute then falls on both sides alike instead of on one. Each side first gets one
    /// uncounted run of <paramref name="warmUpSeconds"/> (a .NET server compiles its hot code again, optimised, in its
    /// first seconds under load; nginx has nothing to warm). <paramref name="before"/> runs before each of a side's runs
    /// (with true for a, false for b), for a bench that must stop the other side first.
    /// </summary>
    public static async Task<Turns> InTurnsAsync(
        string a, string b, int connections, int seconds, int rounds = 5, int warmUpSeconds = 3, Func<bool, Task>? before = null)
    {
        before ??= _ => Task.CompletedTask;
        await before(true);
        await RunAsync(a, connections, warmUpSeconds);
        await before(false);
        await RunAsync(b, connections, warmUpSeconds);
        var (runsA, runsB) = (new List<double>(), new List<double>());
        for (var round = 0; round < rounds; round++)
        {
            await before(true);
            runsA.Add(await RunAsync(a, connections, seconds));
            await before(false);
            runsB.Add(await RunAsync(b, connections, seconds));
        }

        // Every run, so a reader sees how far apart this machine's runs fall.
        Console.WriteLine($"  runs in turns (requests/s): {string.Join(", ", runsA.Zip(runsB, (x, y) => $"{x:N0} / {y:N0}"))}");
        return new Turns(runsA, runsB);
    }

    /// <summary>Two sides' runs taken in turns: the best of each, and the median of the rounds' own ratios.</summary>
    public sealed record Turns(IReadOnlyList<double> RunsA, IReadOnlyList<double> RunsB)
    {
        public double BestA => RunsA.Max();

        public double BestB => RunsB.Max();

        /// <summary>The median over the rounds of a's run divided by b's run just after it: less moved by one lucky run.</summary>
        public double MedianRatio
        {
            get
            {
                var ratios = RunsA.Zip(RunsB, (x, y) => x / y).Order().ToList();
                return ratios.Count % 2 == 1 ? ratios[ratios.Count / 2] : (ratios[ratios.Count / 2 - 1] + ratios[ratios.Count / 2]) / 2;
            }
        }
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
