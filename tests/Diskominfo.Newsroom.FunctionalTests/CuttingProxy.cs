using System.Net;
using System.Net.Sockets;

namespace Diskominfo.Newsroom.FunctionalTests;

/// <summary>
/// A TCP proxy on a loopback port in front of a site, standing for a phone's weak connection: armed with
/// <see cref="CutAfter"/>, it drops the connection carrying the request once that many more bytes have gone from the
/// client to the site (both directions closed, as a lost signal does), once. Everything else is passed as it is.
/// </summary>
internal sealed class CuttingProxy : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly int _targetPort;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly Lock _gate = new();
    private long _remaining = -1;
    private int _cuts;
    private long _upstream;

    private CuttingProxy(TcpListener listener, int targetPort)
    {
        _listener = listener;
        _targetPort = targetPort;
        _loop = AcceptAsync();
    }

    public Uri Address => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");

    /// <summary>How many connections were cut so far.</summary>
    public int Cuts => Volatile.Read(ref _cuts);

    /// <summary>Bytes sent by clients through the proxy so far.</summary>
    public long Upstream => Interlocked.Read(ref _upstream);

    public static CuttingProxy Start(Uri target)
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return new CuttingProxy(listener, target.Port);
    }

    /// <summary>Cuts the connection that carries the <paramref name="bytes"/>-th next byte from a client.</summary>
    public void CutAfter(long bytes)
    {
        lock (_gate)
        {
            _remaining = bytes;
        }
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
        using (client)
        {
            try
            {
                await server.ConnectAsync(IPAddress.Loopback, _targetPort, _stop.Token);
                using var cut = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
                var up = PumpAsync(client.GetStream(), server.GetStream(), counted: true, cut);
                var down = PumpAsync(server.GetStream(), client.GetStream(), counted: false, cut);
                await Task.WhenAny(up, down);
                await cut.CancelAsync();
                await Task.WhenAll(up, down).ContinueWith(_ => { }, TaskScheduler.Default);
            }
            catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
                // The connection ended, as connections do.
            }
        }
    }

    private async Task PumpAsync(NetworkStream from, NetworkStream to, bool counted, CancellationTokenSource cut)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            while (true)
            {
                var read = await from.ReadAsync(buffer, cut.Token);
                if (read == 0)
                {
                    to.Socket.Shutdown(SocketShutdown.Send);
                    return;
                }

                var pass = read;
                var cutNow = false;
                if (counted)
                {
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
                }

                await to.WriteAsync(buffer.AsMemory(0, pass), cut.Token);
                if (cutNow)
                {
                    Interlocked.Increment(ref _cuts);
                    from.Socket.Close(0);
                    to.Socket.Close(0);
                    return;
                }
            }
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // One side went away: the other follows.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _loop;
        _stop.Dispose();
    }
}
