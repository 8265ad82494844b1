using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Diskominfo.Newsroom.FunctionalTests;

/// <summary>
/// A bare TCP listener on a loopback port standing for "somewhere else": it keeps the head of every request that
/// reaches it (to see whether a token arrived) and answers with a short non-Graph reply. A test that expects nothing
/// to arrive asserts <see cref="Requests"/> is empty.
/// </summary>
internal sealed class LocalListener : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    private LocalListener(TcpListener listener)
    {
        _listener = listener;
        _loop = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>The head (request line and headers) of each request that arrived.</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    public static LocalListener Start(string address = "127.0.0.1")
    {
        var listener = new TcpListener(IPAddress.Parse(address), 0);
        listener.Start();
        return new LocalListener(listener);
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

            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                var buffer = new byte[16 * 1024];
                var head = new StringBuilder();
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
                timeout.CancelAfter(TimeSpan.FromSeconds(5));
                while (!head.ToString().Contains("\r\n\r\n", StringComparison.Ordinal) && head.Length < buffer.Length)
                {
                    var read = await stream.ReadAsync(buffer, timeout.Token);
                    if (read == 0)
                    {
                        break;
                    }

                    head.Append(Encoding.Latin1.GetString(buffer, 0, read));
                }

                // Even a TLS handshake or a half request counts: something was sent here.
                Requests.Enqueue(head.Length == 0 ? "(connection without data)" : head.ToString());
                await stream.WriteAsync("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 2\r\nConnection: close\r\n\r\nno"u8.ToArray(), timeout.Token);
            }
            catch (Exception e) when (e is IOException or OperationCanceledException or SocketException)
            {
                Requests.Enqueue("(connection broken)");
            }
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
