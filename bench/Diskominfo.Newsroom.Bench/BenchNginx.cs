using System.Diagnostics;
using System.Net.Sockets;
using Diskominfo.Newsroom.Harness;

/// <summary>
/// nginx for a benchmark, from a folder of its own: a static file server or a load balancer in front of site nodes,
/// on plain HTTP on loopback. Stopping it stops its worker processes too (the master and all its children), and
/// deletes the folder.
/// </summary>
internal sealed class BenchNginx : IAsyncDisposable
{
    private readonly Process _master;

    private BenchNginx(Process master, string root, int port)
    {
        _master = master;
        Root = root;
        Port = port;
    }

    public string Root { get; }

    public int Port { get; }

    public Uri Address => new($"http://127.0.0.1:{Port}");

    /// <summary>Starts nginx with <paramref name="server"/> (the body of a <c>server</c> block without its <c>listen</c>), and optional <paramref name="http"/> lines beside it.</summary>
    public static async Task<BenchNginx> StartAsync(string server, string http = "")
    {
        var root = BenchInterruption.TempFolder("newsroom-nginx-");
        if (!OperatingSystem.IsWindows())
        {
            // Workers run as www-data when the master runs as root: they must reach the folder.
            File.SetUnixFileMode(root, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        }

        var port = SiteProcess.FreePort();
        await File.WriteAllTextAsync(Path.Combine(root, "nginx.conf"), $$"""
            worker_processes auto;
            daemon off;
            pid {{root}}/nginx.pid;
            error_log {{root}}/error.log;
            events { worker_connections 4096; }
            http {
                access_log off;
                sendfile on;
                tcp_nopush on;
                keepalive_requests 1000000;
                client_body_temp_path {{root}}/client_body;
                proxy_temp_path {{root}}/proxy;
                fastcgi_temp_path {{root}}/fastcgi;
                uwsgi_temp_path {{root}}/uwsgi;
                scgi_temp_path {{root}}/scgi;
                {{http}}
                server {
                    listen 127.0.0.1:{{port}};
                    {{server}}
                }
            }
            """);
        var master = Process.Start(new ProcessStartInfo("nginx", $"-p {root} -c {root}/nginx.conf -e {root}/error.log") { RedirectStandardError = true })!;
        var nginx = new BenchNginx(master, root, port);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync("127.0.0.1", port);
                return nginx;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline && !master.HasExited)
            {
                await Task.Delay(50);
            }
            catch
            {
                await nginx.DisposeAsync();
                throw new InvalidOperationException("nginx did not start: " + await master.StandardError.ReadToEndAsync());
            }
        }
    }

    /// <summary>The master's process id and its workers' (its children, from <c>/proc</c>).</summary>
    public IReadOnlyList<int> ProcessIds() =>
        [_master.Id, .. File.ReadAllText($"/proc/{_master.Id}/task/{_master.Id}/children").Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse)];

    public static string Version()
    {
        using var p = Process.Start(new ProcessStartInfo("nginx", "-v") { RedirectStandardError = true })!;
        return p.StandardError.ReadToEnd().Trim().Replace("nginx version: ", "", StringComparison.Ordinal);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_master.HasExited)
        {
            _master.Kill(entireProcessTree: true);
        }

        await _master.WaitForExitAsync();
        _master.Dispose();
        Directory.Delete(Root, recursive: true);
    }
}
