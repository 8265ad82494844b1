using System.Diagnostics;
using System.Text;
using Diskominfo.Newsroom.Harness;

namespace Diskominfo.Newsroom.FunctionalTests;

/// <summary>
/// The built site run as a process of its own (<c>dotnet Diskominfo.Newsroom.dll [args]</c>) with exactly the
/// environment given (nothing about its address unless the test says so): for start-up checks, commands and addresses.
/// </summary>
internal sealed class SiteRun : IAsyncDisposable
{
    private static readonly string[] Inherited = ["ASPNETCORE_URLS", "ASPNETCORE_HTTP_PORTS", "ASPNETCORE_HTTPS_PORTS", "DOTNET_URLS", "URLS", "Urls", "ASPNETCORE_ENVIRONMENT", "DOTNET_ENVIRONMENT"];
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private SiteRun(Process process) => _process = process;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public StreamWriter Input => _process.StandardInput;

    /// <summary>Starts the site with a data folder of its own (<paramref name="dataDir"/>) and the given environment and arguments.</summary>
    public static SiteRun Start(string dataDir, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var site = SiteProcess.FindSiteAssembly();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(site)!,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        start.ArgumentList.Add(site);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var name in Inherited)
        {
            start.Environment.Remove(name);
        }

        start.Environment["Newsroom__DataDir"] = dataDir;
        start.Environment["Newsroom__Keys__Directory"] = dataDir.TrimEnd('/') + "-keys";
        start.Environment["Newsroom__RunJobServer"] = "false";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var run = new SiteRun(process);
        process.OutputDataReceived += (_, e) => run.Append(e.Data);
        process.ErrorDataReceived += (_, e) => run.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return run;
    }

    /// <summary>Waits for the process to end by itself; its exit code.</summary>
    public async Task<int> ExitCodeAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"The process did not end within {timeout}:\n{Output}");
        }

        _process.WaitForExit(); // flush the output
        return _process.ExitCode;
    }

    /// <summary>Waits until <paramref name="address"/> answers the sign-in page.</summary>
    public async Task WaitReadyAsync(Uri address, TimeSpan timeout)
    {
        using var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            Assert.False(_process.HasExited, $"The site exited with code {(_process.HasExited ? _process.ExitCode : 0)}:\n{Output}");
            try
            {
                using var response = await client.GetAsync(new Uri("/masuk", UriKind.Relative));
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

            await Task.Delay(200);
        }

        Assert.Fail($"The site did not answer at {address} within {timeout}:\n{Output}");
    }

    public ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
        return ValueTask.CompletedTask;
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }
}
