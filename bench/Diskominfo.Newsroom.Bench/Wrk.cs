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

        return Math.Max((await RunAsync(url, connections, seconds)).PerSecond, (await RunAsync(url, connections, seconds)).PerSecond);
    }

    /// <summary>
    /// Two servers in turns (a, b, a, b, ...), <paramref name="rounds"/> runs each, the best of each: on a shared
    /// virtual machine a slow minute then falls on both sides alike instead of on one. Each side first gets one
    /// uncounted run of <paramref name="warmUpSeconds"/> (a .NET server compiles its hot code again, optimised, in its
    /// first seconds under load; nginx has nothing to warm). <paramref name="before"/> runs before each of a side's runs
    /// (with true for a, false for b), for a bench that must stop the other side first. With <paramref name="processes"/>
    /// (each side's process ids, asked before each of its runs), each run also counts the processor time those processes
    /// spent per request (user and system, from <c>/proc</c>): how much of the machine each side needs for an answer,
    /// which stays closer from round to round than the requests per second do (between runs it moves too).
    /// </summary>
    public static async Task<Turns> InTurnsAsync(
        string a, string b, int connections, int seconds, int rounds = 5, int warmUpSeconds = 3, Func<bool, Task>? before = null,
        Func<bool, IReadOnlyList<int>>? processes = null)
    {
        before ??= _ => Task.CompletedTask;
        await before(true);
        await RunAsync(a, connections, warmUpSeconds);
        await before(false);
        await RunAsync(b, connections, warmUpSeconds);
        var (runsA, runsB) = (new List<double>(), new List<double>());
        var (cpuA, cpuB) = (new List<double>(), new List<double>());
        for (var round = 0; round < rounds; round++)
        {
            await before(true);
            await MeasureAsync(a, true, runsA, cpuA);
            await before(false);
            await MeasureAsync(b, false, runsB, cpuB);
        }

        // Every run, so a reader sees how far apart this machine's runs fall.
        Console.WriteLine($"  runs in turns (requests/s): {string.Join(", ", runsA.Zip(runsB, (x, y) => $"{x:N0} / {y:N0}"))}");
        if (processes is not null)
        {
            Console.WriteLine($"  processor time per request in those runs (µs): {string.Join(", ", cpuA.Zip(cpuB, (x, y) => $"{x:0.0} / {y:0.0}"))}");
        }

        return new Turns(runsA, runsB, cpuA, cpuB);

        async Task MeasureAsync(string url, bool isA, List<double> runs, List<double> cpu)
        {
            var ids = processes?.Invoke(isA) ?? [];
            var ticksBefore = ProcessorTicks(ids);
            var (perSecond, requests) = await RunAsync(url, connections, seconds);
            runs.Add(perSecond);
            if (processes is not null)
            {
                cpu.Add((ProcessorTicks(ids) - ticksBefore) * 1e6 / TicksPerSecond / requests);
            }
        }
    }

    /// <summary>The user and system processor time of these processes so far (all their threads), in clock ticks.</summary>
    private static long ProcessorTicks(IReadOnlyList<int> processIds) => processIds.Sum(id =>
    {
        // /proc/<pid>/stat: fields 14 and 15 (utime, stime) after the command name, which is in brackets and may hold spaces.
        var stat = File.ReadAllText($"/proc/{id}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
    });

    /// <summary>The clock ticks per second of /proc's times (USER_HZ: 100 on Linux on every architecture .NET runs on).</summary>
    private const double TicksPerSecond = 100;

    /// <summary>Two sides' runs taken in turns: the best of each, and the median of the rounds' own ratios.</summary>
    public sealed record Turns(IReadOnlyList<double> RunsA, IReadOnlyList<double> RunsB, IReadOnlyList<double> CpuA, IReadOnlyList<double> CpuB)
    {
        public double BestA => RunsA.Max();

        public double BestB => RunsB.Max();

        /// <summary>The median over the rounds of a's run divided by b's run just after it: less moved by one lucky run.</summary>
        public double MedianRatio => Median(RunsA.Zip(RunsB, (x, y) => x / y));

        /// <summary>The median of a's processor time per request, in µs (counted only when the turns were given processes).</summary>
        public double MedianCpuA => Median(CpuA);

        public double MedianCpuB => Median(CpuB);

        private static double Median(IEnumerable<double> values)
        {
            var sorted = values.Order().ToList();
            if (sorted.Count == 0)
            {
                return double.NaN; // processor time not counted: the turns were given no processes
            }

            return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
        }
    }

    private static async Task<(double PerSecond, long Requests)> RunAsync(string url, int connections, int seconds)
    {
        using var wrk = Process.Start(new ProcessStartInfo("wrk", $"-t2 -c{connections} -d{seconds}s {url}") { RedirectStandardOutput = true })!;
        var output = await wrk.StandardOutput.ReadToEndAsync();
        await wrk.WaitForExitAsync();
        var match = RequestsPerSecond().Match(output);
        if (!match.Success || NonSuccess().IsMatch(output))
        {
            throw new InvalidOperationException("wrk: " + output);
        }

        return (double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), long.Parse(Requests().Match(output).Groups[1].Value, CultureInfo.InvariantCulture));
    }

    [GeneratedRegex(@"Requests/sec:\s+([0-9.]+)")]
    private static partial Regex RequestsPerSecond();

    [GeneratedRegex(@"(\d+) requests in ")]
    private static partial Regex Requests();

    [GeneratedRegex(@"Non-2xx or 3xx responses: (\d+)")]
    private static partial Regex NonSuccess();
}
