using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Diskominfo.Newsroom.Harness;

/// <summary>
/// A phone's weak connection in front of a site on loopback, as a TCP proxy. Its connections share one line of the
/// given bits per second in each direction (none: as fast as loopback). It drops connections as a lost signal does
/// (both directions closed): the one carrying the n-th next byte from a client, once, when armed with
/// <see cref="CutAfter"/>; and every open one at each of the cut times counted from <see cref="StartClock"/>.
/// </summary>
public sealed class WeakLineProxy : IAsyncDisposable
{
    private const int Slice = 4096;
    private readonly TcpListener _listener;
    private readonly int _targetPort;
    private readonly Pace? _up;
    private readonly Pace? _down;
    private readonly IReadOnlyList<TimeSpan> _cutTimes;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<TcpClient> _open = [];
    private readonly Lock _gate = new();
    private readonly Task _loop;
    private Task? _cutter;
    private long _remaining = -1;
    private long _upstream;
    private int _cuts;

    private WeakLineProxy(int targetPort, long? bitsPerSecond, IReadOnlyList<TimeSpan> cutTimes)
    {
        _targetPort = targetPort;
        _up = bitsPerSecond is { } up ? new Pace(up / 8.0) : null;
        _down = bitsPerSecond is { } down ? new Pace(down / 8.0) : null;
        _cutTimes = cutTimes;
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        _loop = AcceptAsync();
    }

    public Uri Address => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");

    /// <summary>How many times connections were cut.</summary>
    public int Cuts => Volatile.Read(ref _cuts);

    /// <summary>Bytes passed from clients to the site so far.</summary>
    public long Upstream => Interlocked.Read(ref _upstream);

    public static WeakLineProxy Start(Uri target, long? bitsPerSecond = null, IReadOnlyList<TimeSpan>? cutTimes = null)
    {
        ArgumentNullException.ThrowIfNull(target);
        return new WeakLineProxy(target.Port, bitsPerSecond, cutTimes ?? []);
    }

    /// <summary>Cuts the connection that carries the <paramref name="bytes"/>-th next byte from a client.</summary>
    public void CutAfter(long bytes)
    {
        lock (_gate)
        {
            _remaining = bytes;
        }
    }

    /// <summary>The cut times count from now.</summary>
    public void StartClock()
    {
        _cutter = Task.Run(async () =>
        {
            var clock = Stopwatch.StartNew();
            foreach (var at in _cutTimes)
            {
                var wait = at - clock.Elapsed;
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, _stop.Token);
                }

                lock (_open)
                {
                    _open.ForEach(c => c.Client.Close(0));
                }

                Interlocked.Increment(ref _cuts);
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
            var up = PumpAsync(client, server, _up, counted: true, done.Token);
            var down = PumpAsync(server, client, _down, counted: false, done.Token);
            await Task.WhenAny(up, down);
            await done.CancelAsync();
            client.Client.Close(0);
            server.Client.Close(0);
            await Task.WhenAll(up, down);
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // Cut or closed, as connections are.
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

    private async Task PumpAsync(TcpClient from, TcpClient to, Pace? pace, bool counted, CancellationToken cancellationToken)
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

                var cutNow = false;
                var pass = counted ? Count(read, out cutNow) : read;
                if (pace is not null)
                {
                    await pace.TakeAsync(pass, cancellationToken);
                }

                await output.WriteAsync(buffer.AsMemory(0, pass), cancellationToken);
                if (cutNow)
                {
                    Interlocked.Increment(ref _cuts);
                    from.Client.Close(0);
                    to.Client.Close(0);
                    return;
                }
            }
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException or InvalidOperationException)
        {
            // One side went away: the other follows.
        }
    }

    /// <summary>How much of what a client sent passes, and whether the armed cut falls within it.</summary>
    private int Count(int read, out bool cutNow)
    {
        var pass = read;
        cutNow = false;
        lock (_gate)
        {
            if (_remaining >= 0 && _remaining <= read)
            {
                pass = (int)_remaining;
                _remaining = -1;
                cutNow = true;
            }
            else if (_remaining > 0)
            {
                _remaining -= read;
            }
        }

        Interlocked.Add(ref _upstream, pass);
        return pass;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        lock (_open)
        {
            _open.ForEach(c => c.Client.Close(0));
        }

        await _loop;
        if (_cutter is not null)
        {
            await _cutter.ContinueWith(_ => { }, TaskScheduler.Default);
        }

        _stop.Dispose();
        _up?.Dispose();
        _down?.Dispose();
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
