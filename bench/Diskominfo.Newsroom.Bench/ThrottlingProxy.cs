using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

/// <summary>
/// A phone's weak link in front of the site: a TCP proxy on loopback whose connections share one line of
/// <c>bitsPerSecond</c> in each direction, and which drops every open connection at the given times after
/// <see cref="StartClock"/> (a signal lost for a moment).
/// </summary>
internal sealed class ThrottlingProxy : IAsyncDisposable
{
    private const int Slice = 4096;
    private readonly TcpListener _listener;
    private readonly int _targetPort;
    private readonly Pace _up;
    private readonly Pace _down;
    private readonly TimeSpan[] _cuts;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<TcpClient> _open = [];
    private readonly Task _loop;
    private Task? _cutter;

    public ThrottlingProxy(int targetPort, long bitsPerSecond, TimeSpan[] cuts)
    {
        _targetPort = targetPort;
        _up = new Pace(bitsPerSecond / 8.0);
        _down = new Pace(bitsPerSecond / 8.0);
        _cuts = cuts;
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        _loop = AcceptAsync();
    }

    public Uri Address => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");

    public int CutsMade { get; private set; }

    /// <summary>The cuts count from now.</summary>
    public void StartClock()
    {
        _cutter = Task.Run(async () =>
        {
            var clock = Stopwatch.StartNew();
            foreach (var at in _cuts)
            {
                var wait = at - clock.Elapsed;
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, _stop.Token);
                }

                lock (_open)
                {
                    foreach (var client in _open)
                    {
                        client.Client.Close(0);
                    }

                    CutsMade++;
                }
            }
        });
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            _ = RelayAsync(client);
        }
    }

    private async Task RelayAsync(TcpClient client)
    {
        using var server = new TcpClient();
        lock (_open)
        {
            _open.Add(client);
            _open.Add(server);
        }

        try
        {
            await server.ConnectAsync(IPAddress.Loopback, _targetPort, _stop.Token);
            using var done = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
            var up = PumpAsync(client, server, _up, done.Token);
            var down = PumpAsync(server, client, _down, done.Token);
            await Task.WhenAny(up, down);
            await done.CancelAsync();
            client.Client.Close(0);
            server.Client.Close(0);
            await Task.WhenAll(up, down);
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // Cut or closed.
        }
        finally
        {
            lock (_open)
            {
                _open.Remove(client);
                _open.Remove(server);
            }

            client.Dispose();
        }
    }

    private static async Task PumpAsync(TcpClient from, TcpClient to, Pace pace, CancellationToken cancellationToken)
    {
        var buffer = new byte[Slice];
        try
        {
            var input = from.GetStream();
            var output = to.GetStream();
            while (true)
            {
                var read = await input.ReadAsync(buffer, cancellationToken);
                if (read == 0)
                {
                    return;
                }

                await pace.TakeAsync(read, cancellationToken);
                await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException or InvalidOperationException)
        {
            // Cut or closed.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        lock (_open)
        {
            foreach (var client in _open)
            {
                client.Client.Close(0);
            }
        }

        await _loop;
        if (_cutter is not null)
        {
            await _cutter.ContinueWith(_ => { }, TaskScheduler.Default);
        }

        _stop.Dispose();
        _up.Dispose();
        _down.Dispose();
    }

    /// <summary>One direction of the line: bytes go out no faster than the rate, whichever connection sends them.</summary>
    private sealed class Pace(double bytesPerSecond) : IDisposable
    {
        private readonly SemaphoreSlim _gate = new(1, 1);
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private double _next;

        public async Task TakeAsync(int bytes, CancellationToken cancellationToken)
        {
            await _gate.WaitAsync(cancellationToken);
            try
            {
                var now = _clock.Elapsed.TotalSeconds;
                _next = Math.Max(_next, now) + (bytes / bytesPerSecond);
                var wait = _next - now;
                if (wait > 0.001)
                {
                    await Task.Delay(TimeSpan.FromSeconds(wait), cancellationToken);
                }
            }
            finally
            {
                _gate.Release();
            }
        }

        public void Dispose() => _gate.Dispose();
    }
}
