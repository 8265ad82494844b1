using System.Diagnostics;
using System.Net.Http.Json;
using Diskominfo.Newsroom.Harness;

/// <summary>
/// API sign-ins with an unknown user name and with a known one and a wrong password, interleaved, against the real
/// site: the two must take the same time (the unknown user's password is verified against a dummy hash).
/// </summary>
internal static class SignInTimingBench
{
    public static async Task<int> RunAsync(int count)
    {
        var dataDir = BenchInterruption.TempFolder("newsroom-bench-");
        var settings = new Dictionary<string, string>
        {
            ["Newsroom:DataDir"] = dataDir,
            ["ConnectionStrings:Newsroom"] = $"Data Source={Path.Combine(dataDir, "newsroom.db")}",
            ["Newsroom:RunJobServer"] = "false",
            ["Newsroom:RateLimits:SignIn:PermitLimit"] = "1000000",
        };
        var site = SiteProcess.StartProduction(SiteProcess.FindSiteAssembly(), SiteProcess.FreePort(), settings);
        try
        {
            await site.WaitReadyAsync(TimeSpan.FromSeconds(90));
            using var client = new HttpClient { BaseAddress = site.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
            async Task<double> TimeAsync(string userName)
            {
                var clock = Stopwatch.StartNew();
                using var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { userName, password = "Salah#Sekali2026" });
                await response.Content.ReadAsByteArrayAsync();
                clock.Stop();
                if ((int)response.StatusCode != 401)
                {
                    throw new InvalidOperationException($"expected 401 for {userName}, got {(int)response.StatusCode}");
                }

                return clock.Elapsed.TotalMilliseconds;
            }

            for (var i = 0; i < 20; i++)
            {
                await TimeAsync("tidak-ada-" + i);
                await TimeAsync("reporter");
            }

            var unknown = new List<double>();
            var wrong = new List<double>();
            for (var i = 0; i < count; i++)
            {
                unknown.Add(await TimeAsync($"pengguna-tak-dikenal-{i}"));
                wrong.Add(await TimeAsync("reporter"));
            }

            unknown.Sort();
            wrong.Sort();
            Console.WriteLine($"API sign-in, {count} each, interleaved, one client on loopback, {Environment.ProcessorCount} cores:");
            Console.WriteLine($"  unknown user     median {Percentile(unknown, 0.50),7:0.00} ms   p95 {Percentile(unknown, 0.95),7:0.00} ms");
            Console.WriteLine($"  wrong password   median {Percentile(wrong, 0.50),7:0.00} ms   p95 {Percentile(wrong, 0.95),7:0.00} ms");
            Console.WriteLine($"  ratio (wrong / unknown)  median {Percentile(wrong, 0.50) / Percentile(unknown, 0.50):0.00}   p95 {Percentile(wrong, 0.95) / Percentile(unknown, 0.95):0.00}");
            return 0;
        }
        finally
        {
            await site.DisposeAsync();
            Directory.Delete(dataDir, recursive: true);
        }
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
}
