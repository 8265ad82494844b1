using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Diskominfo.Newsroom.Harness;

/// <summary>
/// The real site in a process of its own (<c>dotnet Diskominfo.Newsroom.dll</c>), configured through environment
/// variables, so that a test or a benchmark can kill it with SIGKILL at any moment and start it again on the same data.
/// </summary>
public sealed class SiteProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private SiteProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>The site's process id (to read what it spends, e.g. from <c>/proc</c>).</summary>
    public int ProcessId => _process.Id;

    /// <summary>The last lines the process wrote (for a failure message).</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                var text = _output.ToString();
                return text.Length > 4000 ? text[^4000..] : text;
            }
        }
    }

    /// <summary>The site's entry assembly, built in the same configuration as the caller (bin/Debug or bin/Release).</summary>
    public static string FindSiteAssembly()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        var configuration = directory.Parent?.Name ?? "Debug"; // .../bin/<Configuration>/net10.0/
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Diskominfo.Newsroom.sln")))
        {
            directory = directory.Parent;
        }

        if (directory is null)
        {
            throw new InvalidOperationException("Diskominfo.Newsroom.sln not found above " + AppContext.BaseDirectory);
        }

        var site = Path.Combine(directory.FullName, "src", "Diskominfo.Newsroom", "bin", configuration, "net10.0", "Diskominfo.Newsroom.dll");
        return File.Exists(site) ? site : throw new FileNotFoundException($"Build the site first ({configuration}): {site}");
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>
    /// A stopped site's folder (its data, SQLite's write-ahead log with it, or its keys) copied file by file into
    /// <paramref name="to"/>, which holds none of them yet: a second site or node starts from the same state.
    /// </summary>
    public static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    /// <summary>
    /// The Graph hosts the site may call (<c>Newsroom:Graph:AllowedHosts</c>), widened from Meta's to the loopback
    /// address where the fake Graph server listens.
    /// </summary>
    public static string GraphAllowedHosts => "graph.facebook.com;" + Diskominfo.Newsroom.FakeGraph.FakeGraphServer.Host;

    /// <summary>The configuration that points both social channels at a fake Graph server (and lets the site call it).</summary>
    public static Dictionary<string, string> ChannelSettings(Diskominfo.Newsroom.FakeGraph.FakeGraphServer graph) => new()
    {
        ["Newsroom:Graph:AllowedHosts"] = GraphAllowedHosts,
        ["Newsroom:Channels:Facebook:PageId"] = graph.PageId,
        ["Newsroom:Channels:Facebook:AccessToken"] = graph.Token,
        ["Newsroom:Channels:Facebook:GraphBaseUrl"] = graph.BaseUrl,
        ["Newsroom:Channels:Instagram:AccountId"] = graph.InstagramAccountId,
        ["Newsroom:Channels:Instagram:AccessToken"] = graph.Token,
        ["Newsroom:Channels:Instagram:GraphBaseUrl"] = graph.BaseUrl,
    };

    /// <summary>The keys folder a site started here keeps beside its data folder, as App_Keys is beside App_Data.</summary>
    public static string KeysFolderOf(string dataDir) => dataDir.TrimEnd('/') + "-keys";

    /// <summary>A site's data folder and its keys folder, once every process using them has stopped.</summary>
    public static void DeleteDataDir(string dataDir)
    {
        foreach (var folder in new[] { dataDir, KeysFolderOf(dataDir) }.Where(Directory.Exists))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>
    /// The site as an office runs it, for the benchmarks: Production, with the demo accounts switched on
    /// (<c>Newsroom:DemoAccounts</c>) so that a benchmark can sign in as each role, and its tables brought up to date
    /// at start (<c>Newsroom:Database:MigrateAtStart</c>, which Production leaves off on PostgreSQL for the office's
    /// <c>migrate</c> command): a benchmark's database is new.
    /// </summary>
    public static SiteProcess StartProduction(string siteAssembly, int port, IReadOnlyDictionary<string, string> settings)
    {
        var production = new Dictionary<string, string>(settings);
        production.TryAdd("Newsroom:DemoAccounts", "true");
        production.TryAdd("Newsroom:Database:MigrateAtStart", "true");
        return Start(siteAssembly, port, production, "Production");
    }

    /// <summary>Starts the site on 127.0.0.1:<paramref name="port"/>; <paramref name="settings"/> are configuration keys (<c>Newsroom:DataDir</c>).</summary>
    /// <remarks>
    /// The site runs in <paramref name="environment"/>: Development for the tests, Production for the benchmarks (with
    /// the demo accounts switched on by <c>Newsroom:DemoAccounts</c>, as an office trying the site would).
    /// </remarks>
    public static SiteProcess Start(string siteAssembly, int port, IReadOnlyDictionary<string, string> settings, string environment = "Development")
    {
        var baseAddress = new Uri($"http://127.0.0.1:{port}");
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { siteAssembly },
            WorkingDirectory = Path.GetDirectoryName(siteAssembly)!,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = environment;
        start.Environment["Urls"] = baseAddress.ToString().TrimEnd('/');
        start.Environment["Newsroom__PublicBaseUrl"] = baseAddress.ToString().TrimEnd('/');
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        if (settings.TryGetValue("Newsroom:DataDir", out var dataDir) && !settings.ContainsKey("Newsroom:Keys:Directory"))
        {
            // The keys folder beside the data folder, as App_Keys is beside App_Data: the same data, the same keys.
            start.Environment["Newsroom__Keys__Directory"] = KeysFolderOf(dataDir);
        }

        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var site = new SiteProcess(process, baseAddress);
        process.OutputDataReceived += (_, e) => site.Append(e.Data);
        process.ErrorDataReceived += (_, e) => site.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return site;
    }

    /// <summary>Waits until the sign-in page answers (migrations done, jobs started).</summary>
    public async Task WaitReadyAsync(TimeSpan timeout)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The site exited with code {_process.ExitCode}:\n{Output}");
            }

            try
            {
                using var response = await client.GetAsync(new Uri(BaseAddress, "/masuk"));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"The site did not answer within {timeout}:\n{Output}");
    }

    /// <summary>SIGKILL: no shutdown, no flush, no finally blocks; exactly what a power cut or the OOM killer does.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.WaitForExit();
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        _process.Dispose();
        return ValueTask.CompletedTask;
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
            if (_output.Length > 100_000)
            {
                _output.Remove(0, 50_000);
            }
        }
    }
}
