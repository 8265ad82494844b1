using System.Diagnostics;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace Diskominfo.Newsroom.FunctionalTests;

/// <summary>
/// Debian's nginx in front of a site on loopback, configured by <c>deploy/nginx/newsroom.conf</c> itself (its ports,
/// certificate paths and upstream templated), with a self-signed certificate for <see cref="ServerName"/> made here. It
/// runs in the foreground as this process's child (master and workers) and is stopped with all its workers. Without
/// nginx the tests that need it are skipped, except under CI=true, where they fail.
/// </summary>
internal sealed class NginxProxy : IAsyncDisposable
{
    /// <summary>The public name in the deployed configuration, kept as it is: clients reach it through loopback.</summary>
    public const string ServerName = "berita.contoh.go.id";

    private static readonly string[] Executables = ["/usr/sbin/nginx", "/usr/bin/nginx"];
    private readonly string _directory;
    private readonly string _executable;
    private readonly Process _master;
    private readonly StringBuilder _output = new();

    private NginxProxy(string executable, string directory, Process master, X509Certificate2 certificate, int httpPort, int httpsPort)
    {
        _executable = executable;
        _directory = directory;
        _master = master;
        Certificate = certificate;
        HttpPort = httpPort;
        HttpsPort = httpsPort;
    }

    public X509Certificate2 Certificate { get; }

    public int HttpPort { get; }

    public int HttpsPort { get; }

    /// <summary>The site's public address through nginx (what <c>Newsroom:PublicBaseUrl</c> is set to).</summary>
    public Uri BaseAddress => new($"https://{ServerName}:{HttpsPort}");

    public Uri PlainAddress => new($"http://{ServerName}:{HttpPort}");

    /// <summary>nginx's path, or the test is skipped (failed under CI=true).</summary>
    public static string RequireExecutable()
    {
        var executable = Executables.FirstOrDefault(File.Exists);
        if (executable is null)
        {
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                Assert.Fail("CI=true but nginx is not installed (apt-get install nginx): the reverse-proxy test must run in CI.");
            }

            Assert.Skip("nginx not installed (apt-get install nginx).");
        }

        return executable;
    }

    /// <summary>A file of the repository (the deploy recipe), found above the test's binaries.</summary>
    public static string RepositoryFile(params string[] parts)
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Diskominfo.Newsroom.sln")))
        {
            directory = directory.Parent;
        }

        return Path.Combine([directory?.FullName ?? throw new InvalidOperationException("repository not found"), .. parts]);
    }

    /// <summary>
    /// Starts nginx with the deploy configuration in front of the site that will listen on 127.0.0.1:<paramref name="sitePorts"/>
    /// (one node, or several behind nginx's round-robin). The access log names the node of each request (<see cref="Upstreams"/>).
    /// </summary>
    public static async Task<NginxProxy> StartAsync(params int[] sitePorts)
    {
        var executable = RequireExecutable();
        var directory = Directory.CreateTempSubdirectory("newsroom-nginx-").FullName;

        // Workers run as www-data when the master runs as root: they must be able to reach their temporary folders.
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        }

        var certificate = WriteCertificate(directory);
        var httpPort = Harness.SiteProcess.FreePort();
        var httpsPort = Harness.SiteProcess.FreePort();

        var recipe = await File.ReadAllTextAsync(RepositoryFile("deploy", "nginx", "newsroom.conf"));
        var server = Template(recipe, new()
        {
            ["server 127.0.0.1:5080 max_fails=1 fail_timeout=10s;"] = string.Join("\n    ", sitePorts.Select(p => $"server 127.0.0.1:{p} max_fails=1 fail_timeout=10s;")),
            ["listen 80;"] = $"listen 127.0.0.1:{httpPort};",
            ["listen [::]:80;"] = "",
            ["listen 443 ssl http2;"] = $"listen 127.0.0.1:{httpsPort} ssl http2;",
            ["listen [::]:443 ssl http2;"] = "",
            [$"/etc/letsencrypt/live/{ServerName}/fullchain.pem"] = Path.Combine(directory, "cert.pem"),
            [$"/etc/letsencrypt/live/{ServerName}/privkey.pem"] = Path.Combine(directory, "key.pem"),
            [$"https://{ServerName}$request_uri"] = $"https://{ServerName}:{httpsPort}$request_uri",
            ["root /var/www/letsencrypt;"] = $"root {directory};",
        });
        await File.WriteAllTextAsync(Path.Combine(directory, "newsroom.conf"), server);
        await File.WriteAllTextAsync(Path.Combine(directory, "nginx.conf"), $$"""
            {{(Environment.UserName == "root" ? "user www-data;" : "")}}
            worker_processes 2;
            daemon off;
            pid {{directory}}/nginx.pid;
            error_log {{directory}}/error.log warn;
            events { worker_connections 128; }
            http {
                log_format upstream '$upstream_addr $status $request_method $request_uri';
                access_log {{directory}}/access.log upstream;
                client_body_temp_path {{directory}}/client_body;
                proxy_temp_path {{directory}}/proxy;
                fastcgi_temp_path {{directory}}/fastcgi;
                uwsgi_temp_path {{directory}}/uwsgi;
                scgi_temp_path {{directory}}/scgi;
                include {{directory}}/newsroom.conf;
            }
            """);

        var start = new ProcessStartInfo(executable)
        {
            ArgumentList = { "-p", directory, "-c", Path.Combine(directory, "nginx.conf"), "-e", Path.Combine(directory, "error.log") },
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var master = Process.Start(start) ?? throw new InvalidOperationException("nginx did not start");
        var proxy = new NginxProxy(executable, directory, master, certificate, httpPort, httpsPort);
        master.OutputDataReceived += (_, e) => proxy.Append(e.Data);
        master.ErrorDataReceived += (_, e) => proxy.Append(e.Data);
        master.BeginOutputReadLine();
        master.BeginErrorReadLine();
        await proxy.WaitListeningAsync();
        return proxy;
    }

    /// <summary>
    /// A client of the site through nginx: it resolves <see cref="ServerName"/> to loopback, connects from
    /// <paramref name="from"/> (another loopback address than the proxy's own, so that the site can tell them apart),
    /// trusts exactly this certificate, follows no redirect and keeps cookies as a browser does.
    /// </summary>
    public HttpClient Client(IPAddress from, System.Net.CookieContainer? cookies = null)
        => new(Handler(from, cookies)) { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };

    /// <summary>The handler behind <see cref="Client"/> (for another client, such as the fake Graph server's image fetcher).</summary>
    public SocketsHttpHandler Handler(IPAddress from, System.Net.CookieContainer? cookies = null)
        => new()
        {
            AllowAutoRedirect = false,
            UseCookies = cookies is not null,
            CookieContainer = cookies ?? new System.Net.CookieContainer(),
            ConnectCallback = (context, cancellationToken) => ConnectAsync(from, context.DnsEndPoint.Port, cancellationToken),
            SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (_, certificate, _, _) => certificate is not null && certificate.GetCertHashString() == Certificate.GetCertHashString(),
            },
        };

    /// <summary>
    /// The node (<c>127.0.0.1:port</c>) each request so far was handed to, in order, as nginx's access log says (nginx
    /// writes a line when the request is done); several, comma-separated, when a node failed and the next one answered.
    /// </summary>
    public IReadOnlyList<(string Upstream, int Status, string Request)> Upstreams()
    {
        var log = Path.Combine(_directory, "access.log");
        if (!File.Exists(log))
        {
            return [];
        }

        using var stream = new FileStream(log, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        return [.. reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Split(' ', 3))
            .Where(f => f.Length == 3 && int.TryParse(f[1], out _))
            .Select(f => (f[0], int.Parse(f[1], System.Globalization.CultureInfo.InvariantCulture), f[2]))];
    }

    /// <summary>A client that reaches 127.0.0.1:<paramref name="port"/> (the site itself, bypassing nginx) from <paramref name="from"/>.</summary>
    public static HttpClient DirectClient(IPAddress from, int port) => new(new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        UseCookies = false,
        ConnectCallback = (_, cancellationToken) => ConnectAsync(from, port, cancellationToken),
    })
    {
        BaseAddress = new Uri($"http://127.0.0.1:{port}"),
        Timeout = TimeSpan.FromSeconds(60),
    };

    /// <summary>nginx's worker processes (the master's children) as /proc lists them now.</summary>
    public IReadOnlyList<int> Workers() => ChildrenOf(_master.Id);

    /// <summary>Stops nginx as an administrator would (<c>nginx -s quit</c>); the worker processes that are still alive afterwards.</summary>
    public async Task<IReadOnlyList<int>> StopAsync()
    {
        var workers = Workers();
        if (!_master.HasExited)
        {
            using var quit = Process.Start(new ProcessStartInfo(_executable)
            {
                ArgumentList = { "-p", _directory, "-c", Path.Combine(_directory, "nginx.conf"), "-e", Path.Combine(_directory, "error.log"), "-s", "quit" },
                UseShellExecute = false,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            })!;
            await quit.WaitForExitAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            try
            {
                await _master.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                _master.Kill(entireProcessTree: true);
                await _master.WaitForExitAsync();
            }
        }

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (workers.Any(IsAlive) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        return [.. workers.Where(IsAlive)];
    }

    public string Log => File.Exists(Path.Combine(_directory, "error.log")) ? File.ReadAllText(Path.Combine(_directory, "error.log")) : _output.ToString();

    public async ValueTask DisposeAsync()
    {
        var left = await StopAsync();
        foreach (var pid in left)
        {
            try
            {
                Process.GetProcessById(pid).Kill();
            }
            catch (ArgumentException)
            {
            }
        }

        _master.Dispose();
        Certificate.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    private static async ValueTask<Stream> ConnectAsync(IPAddress from, int port, CancellationToken cancellationToken)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            socket.Bind(new IPEndPoint(from, 0));
            await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port), cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>The deploy file with each placeholder replaced; a placeholder the file no longer has fails the test.</summary>
    private static string Template(string text, Dictionary<string, string> replacements)
    {
        foreach (var (from, to) in replacements)
        {
            Assert.True(text.Contains(from, StringComparison.Ordinal), $"deploy/nginx/newsroom.conf no longer contains '{from}'");
            text = text.Replace(from, to, StringComparison.Ordinal);
        }

        return text;
    }

    private static X509Certificate2 WriteCertificate(string directory)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={ServerName}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName(ServerName);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        File.WriteAllText(Path.Combine(directory, "cert.pem"), certificate.ExportCertificatePem());
        File.WriteAllText(Path.Combine(directory, "key.pem"), key.ExportPkcs8PrivateKeyPem());
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(Path.Combine(directory, "key.pem"), UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return certificate;
    }

    private async Task WaitListeningAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            Assert.False(_master.HasExited, $"nginx exited with code {(_master.HasExited ? _master.ExitCode : 0)}:\n{_output}\n{Log}");
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, HttpsPort);
                if (Workers().Count > 0)
                {
                    return;
                }
            }
            catch (SocketException)
            {
            }

            await Task.Delay(100);
        }

        Assert.Fail($"nginx did not listen on {HttpsPort} within 20 s:\n{_output}\n{Log}");
    }

    private static List<int> ChildrenOf(int parent)
    {
        var children = new List<int>();
        foreach (var stat in Directory.EnumerateDirectories("/proc").Where(d => int.TryParse(Path.GetFileName(d), out _)).Select(d => Path.Combine(d, "stat")))
        {
            try
            {
                // pid (comm) state ppid ...: comm may hold spaces, so read after its closing parenthesis.
                var text = File.ReadAllText(stat);
                var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
                if (int.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture) == parent)
                {
                    children.Add(int.Parse(Path.GetFileName(Path.GetDirectoryName(stat)!), System.Globalization.CultureInfo.InvariantCulture));
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or ArgumentOutOfRangeException)
            {
            }
        }

        return children;
    }

    private static bool IsAlive(int pid)
    {
        var stat = $"/proc/{pid}/stat";
        try
        {
            var text = File.ReadAllText(stat);
            return text[(text.LastIndexOf(')') + 2)] != 'Z';
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
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
