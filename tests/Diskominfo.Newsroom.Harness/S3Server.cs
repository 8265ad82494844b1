using System.Diagnostics;
using System.Text;

namespace Diskominfo.Newsroom.Harness;

/// <summary>
/// A real S3-compatible object store on the local disk: <c>s3rver</c> from the npm registry (installed into
/// <c>tests/tools/node_modules</c> by <c>npm ci</c>, which this class runs once when it is missing), in a process of its
/// own on a free port, with one bucket. Stopped, and its folder deleted, on dispose.
/// </summary>
public sealed class S3Server : IAsyncDisposable
{
    public const string AccessKey = "S3RVER";
    public const string SecretKey = "S3RVER";

    private static readonly SemaphoreSlim InstallGate = new(1, 1);
    private readonly Process _process;
    private readonly string _directory;
    private readonly StringBuilder _output = new();

    private S3Server(Process process, string directory, Uri serviceUrl, string bucket)
    {
        _process = process;
        _directory = directory;
        ServiceUrl = serviceUrl;
        Bucket = bucket;
    }

    public Uri ServiceUrl { get; }

    public string Bucket { get; }

    /// <summary>What s3rver printed (its errors), for a failure message.</summary>
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

    /// <summary>The folder s3rver keeps the objects in (to look behind the site's back).</summary>
    public string Directory => _directory;

    /// <summary>The site's settings that put its files into this store.</summary>
    public Dictionary<string, string> SiteSettings(string prefix = "") => new()
    {
        ["Newsroom:Storage:Provider"] = "S3",
        ["Newsroom:Storage:S3:ServiceUrl"] = ServiceUrl.ToString().TrimEnd('/'),
        ["Newsroom:Storage:S3:Bucket"] = Bucket,
        ["Newsroom:Storage:S3:Prefix"] = prefix,
        ["Newsroom:Storage:S3:AccessKey"] = AccessKey,
        ["Newsroom:Storage:S3:SecretKey"] = SecretKey,
        ["Newsroom:Storage:S3:Region"] = "us-east-1",
        ["Newsroom:Storage:S3:ForcePathStyle"] = "true",
    };

    /// <summary>The path of s3rver's command, installing it first when it is missing; null when npm is not there either.</summary>
    public static async Task<string?> FindOrInstallAsync()
    {
        var tools = RepositoryPath("tests", "tools");
        var command = Path.Combine(tools, "node_modules", "s3rver", "bin", "s3rver.js");
        if (File.Exists(command))
        {
            return command;
        }

        await InstallGate.WaitAsync();
        try
        {
            if (!File.Exists(command) && Which("npm") is { } npm && Which("node") is not null)
            {
                var install = new ProcessStartInfo(npm) { WorkingDirectory = tools, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
                foreach (var argument in new[] { "ci", "--no-audit", "--no-fund" })
                {
                    install.ArgumentList.Add(argument);
                }

                using var process = Process.Start(install)!;
                var output = process.StandardOutput.ReadToEndAsync();
                var error = process.StandardError.ReadToEndAsync();
                await process.WaitForExitAsync();
                if (process.ExitCode != 0)
                {
                    throw new InvalidOperationException($"npm ci in {tools} failed:\n{await output}\n{await error}");
                }
            }

            return File.Exists(command) ? command : null;
        }
        finally
        {
            InstallGate.Release();
        }
    }

    /// <summary>Starts s3rver with a fresh folder and the bucket <paramref name="bucket"/>, and waits until it answers.</summary>
    public static async Task<S3Server> StartAsync(string command, string bucket = "newsroom", bool silent = true)
    {
        var directory = Path.Combine(Path.GetTempPath(), "newsroom-s3-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        var port = SiteProcess.FreePort();
        var start = new ProcessStartInfo(Which("node") ?? "node") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        // s3rver signs its listing's continuation tokens with a cipher OpenSSL 3 keeps in its legacy provider: without
        // it any listing cut short (max-keys below the bucket's count) answers 500.
        foreach (var argument in new[] { "--openssl-legacy-provider", command, "--directory", directory, "--address", "127.0.0.1", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--configure-bucket", bucket }.Concat(silent ? ["--silent"] : []))
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        var server = new S3Server(process, directory, new Uri($"http://127.0.0.1:{port}"), bucket);
        process.OutputDataReceived += (_, e) => server.Append(e.Data);
        process.ErrorDataReceived += (_, e) => server.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await server.WaitReadyAsync(TimeSpan.FromSeconds(30));
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }

        return server;
    }

    private async Task WaitReadyAsync(TimeSpan timeout)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"s3rver exited with code {_process.ExitCode}:\n{_output}");
            }

            try
            {
                using var response = await client.GetAsync(new Uri(ServiceUrl, "/" + Bucket));
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

        throw new TimeoutException($"s3rver did not answer within {timeout}:\n{_output}");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
        try
        {
            System.IO.Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
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
        }
    }

    private static string? Which(string name)
        => (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(d => Path.Combine(d, name))
            .FirstOrDefault(File.Exists);

    private static string RepositoryPath(params string[] parts)
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Diskominfo.Newsroom.sln")))
        {
            directory = directory.Parent;
        }

        return Path.Combine([directory?.FullName ?? throw new InvalidOperationException("Diskominfo.Newsroom.sln not found above " + AppContext.BaseDirectory), .. parts]);
    }
}
