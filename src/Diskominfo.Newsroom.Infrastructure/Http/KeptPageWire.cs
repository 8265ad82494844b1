using System.Buffers;
using System.Globalization;
using System.IO.Pipelines;
using System.Text;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Diskominfo.Newsroom.Infrastructure.Http;

/// <summary>
/// Kept pages handed out on the connection itself, before Kestrel's HTTP layer: a plain-HTTP connection whose requests
/// are cookie-less GETs and HEADs of kept pages is answered here, with the page's finished bytes, and handed to Kestrel
/// (with every byte it has not answered) at the first request that is anything else. A reader's browser therefore
/// leaves at its first request with a cookie; a crawler, a feed reader or a surge of first-time readers stays here.
/// </summary>
/// <remarks>
/// <para>
/// This reads HTTP/1.1 only as far as it must to be sure, and hands the connection over whenever it is not: a request
/// answered here is complete in what the connection has received, is <c>GET</c> or <c>HEAD</c> of a plain path
/// (letters, digits, <c>-._~/</c>, no dot segments, no escapes) with an optional plain query, is <c>HTTP/1.1</c>, has
/// at most 64 headers in 8 KiB, each a token, a colon and printable ASCII, with exactly one plain <c>Host</c> that host
/// filtering allows, and carries no body (no <c>Content-Length</c> or <c>Transfer-Encoding</c>), no cookie, no
/// credentials, no forwarded header, no <c>Upgrade</c>, <c>Expect</c> or <c>TE</c>, and no <c>Connection</c> other than
/// <c>keep-alive</c>. Anything else goes to Kestrel with the connection, so Kestrel's own parser, limits and timeouts
/// judge it; a request not yet whole is waited for, up to 8 KiB and Kestrel's request headers timeout. There is no
/// request smuggling to fear: nothing here reads a body, and a request is never split between the two.
/// </para>
/// <para>
/// The answer is what <see cref="KeptPageFront"/> and the pipeline write for the same request: status 200, the page's
/// headers, <c>Date</c> and <c>Server</c> as Kestrel writes them, <c>Age</c>, the request's own <c>X-Correlation-Id</c>,
/// the length and (for a GET) the body. Kestrel's limits hold on this side too: an idle connection is closed after
/// its keep-alive timeout, a reader slower than its minimum response data rate is cut off, and at shutdown an idle
/// connection closes at once.
/// </para>
/// </remarks>
public sealed class KeptPageWire(KeptPageFront front, IOptions<KestrelServerOptions> kestrel, IConfiguration configuration)
{
    private readonly bool _enabled = configuration.GetValue(Setting, true);

    private const int MaxRequestBytes = 8 * 1024;
    private const int MaxHeaders = 64;
    private const int MaxTargetBytes = 1024;
    private const int MaxUnflushedBytes = 64 * 1024;

    private static readonly SearchValues<byte> PathBytes = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~/"u8);
    private static readonly SearchValues<byte> QueryBytes = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~/=&+%"u8);
    private static readonly SearchValues<byte> TokenBytes = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!#$%&'*+-.^_`|~"u8);
    private static readonly SearchValues<byte> NameBytes = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-."u8);
    private static readonly SearchValues<byte> Ipv6Bytes = SearchValues.Create("ABCDEFabcdef0123456789:."u8);

    private static readonly string[] HandedOffHeaders =
        ["Content-Length", "Transfer-Encoding", "Cookie", "Authorization", "Upgrade", "Expect", "TE", "Proxy-Authorization", "HTTP2-Settings", "Forwarded"];

    private byte[][]? _handedOffHeaders;
    private long _dateSecond = -1;
    private byte[] _date = [];

    private long _handedOff;
    private long _answered;

    /// <summary>Connections handed to Kestrel, after answering here or at once.</summary>
    public long HandedOff => Interlocked.Read(ref _handedOff);

    /// <summary>Requests answered here (also counted in <see cref="KeptPageFront.Served"/>).</summary>
    public long Answered => Interlocked.Read(ref _answered);

    /// <summary>The connection's middleware for <paramref name="listen"/>: this front, where it may answer.</summary>
    internal ConnectionDelegate Wrap(ListenOptions listen, ConnectionDelegate next)
        => Enabled && (listen.Protocols & HttpProtocols.Http1) != 0 ? connection => RunAsync(connection, next) : next;

    /// <summary>The setting that leaves kept pages to Kestrel's HTTP layer (<c>false</c>): then <see cref="KeptPageFront"/> alone.</summary>
    public const string Setting = "Newsroom:Kestrel:KeptPageWire";

    /// <summary>Whether connections are answered here; never when <see cref="KeptPageFront"/> is off.</summary>
    public bool Enabled => front.Enabled && _enabled;

    /// <summary>
    /// Puts this front on every endpoint Kestrel binds, configured or from the URLs (<c>ASPNETCORE_URLS</c>,
    /// <c>--urls</c>): as the endpoints' defaults, which a host that sets its own defaults replaces.
    /// </summary>
    internal sealed class Setup : IConfigureOptions<KestrelServerOptions>
    {
        public void Configure(KestrelServerOptions options)
            => options.ConfigureEndpointDefaults(listen => listen.Use(next => listen.ApplicationServices.GetRequiredService<KeptPageWire>().Wrap(listen, next)));
    }

    private async Task RunAsync(ConnectionContext connection, ConnectionDelegate next)
    {
        // After TLS (a decrypted connection) the scheme is not http; before it, the handshake's bytes are no request.
        if (connection.Features.Get<IConnectionHeartbeatFeature>() is not { } heartbeat
            || connection.Features.Get<Microsoft.AspNetCore.Connections.Features.ITlsHandshakeFeature>() is not null)
        {
            await HandOffAsync(connection, next);
            return;
        }

        var state = new Connection(connection);
        heartbeat.OnHeartbeat(static s => ((Connection)s).Tick(), state);
        using var closing = connection.Features.Get<IConnectionLifetimeNotificationFeature>()?.ConnectionClosedRequested
            .Register(static s => ((Connection)s!).Close(), state);
        var input = connection.Transport.Input;
        var output = connection.Transport.Output;
        var limits = kestrel.Value.Limits;
        var partialUntil = 0L;
        try
        {
            while (true)
            {
                // Between requests Kestrel's keep-alive timeout; with a request begun, its request headers timeout,
                // from the first of its bytes (a client trickling them gains nothing).
                state.Wait(Connection.Reading, partialUntil == 0 ? limits.KeepAliveTimeout
                    : TimeSpan.FromMilliseconds(Math.Max(0, partialUntil - Environment.TickCount64)));
                var result = await input.ReadAsync();
                if (!state.Resume() || result.IsCanceled)
                {
                    return;
                }

                var buffer = result.Buffer;
                var written = 0L;
                var (full, partial) = (false, false);
                while (!buffer.IsEmpty)
                {
                    // Pipelined requests are answered a batch at a time, as Kestrel answers them one at a time: a
                    // client that sends many and reads none is held by the flush, not buffered for.
                    if (written >= MaxUnflushedBytes)
                    {
                        full = true;
                        break;
                    }

                    var length = TryAnswer(buffer, output, ref written);
                    partial = length < 0;
                    if (length <= 0)
                    {
                        break;
                    }

                    buffer = buffer.Slice(length);
                }

                if (!buffer.IsEmpty && !full && !partial)
                {
                    // What is left is not for this front: Kestrel gets it, unread.
                    input.AdvanceTo(buffer.Start);
                    if (written > 0)
                    {
                        await output.FlushAsync();
                    }

                    state.HandOff();
                    await HandOffAsync(connection, next);
                    return;
                }

                // With requests left (a full batch), the next read returns them at once; a request not yet whole waits
                // for its next bytes.
                input.AdvanceTo(buffer.Start, full ? buffer.Start : buffer.End);
                if (!partial)
                {
                    partialUntil = 0;
                }
                else if (partialUntil == 0)
                {
                    partialUntil = Environment.TickCount64 + (long)limits.RequestHeadersTimeout.TotalMilliseconds;
                }

                var rate = limits.MinResponseDataRate;
                state.Wait(Connection.Writing, rate is null ? limits.KeepAliveTimeout
                    : TimeSpan.FromSeconds(Math.Max(rate.GracePeriod.TotalSeconds, written / rate.BytesPerSecond)));
                var flush = await output.FlushAsync();
                if (!state.Resume() || flush.IsCanceled || flush.IsCompleted || state.Closing || (result.IsCompleted && !full))
                {
                    return;
                }
            }
        }
        catch (Exception e) when (e is IOException or ConnectionResetException or ConnectionAbortedException or OperationCanceledException)
        {
            // The reader went away: nothing to answer.
        }
    }

    private Task HandOffAsync(ConnectionContext connection, ConnectionDelegate next)
    {
        Interlocked.Increment(ref _handedOff);
        return next(connection);
    }

    /// <summary>
    /// Answers the request at the start of <paramref name="buffer"/> when it is one this front takes: the bytes it used,
    /// 0 when Kestrel should have it, or -1 when it is not whole yet.
    /// </summary>
    private long TryAnswer(ReadOnlySequence<byte> buffer, PipeWriter output, ref long written)
    {
        if (buffer.FirstSpan.Length >= MaxRequestBytes || buffer.IsSingleSegment)
        {
            return TryAnswer(buffer.FirstSpan, output, ref written);
        }

        // A request over the pipe's segments (rare: a pipelined batch crossing one) is read from a copy.
        var length = (int)Math.Min(buffer.Length, MaxRequestBytes);
        var copy = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            buffer.Slice(0, length).CopyTo(copy);
            return TryAnswer(copy.AsSpan(0, length), output, ref written);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(copy);
        }
    }

    private long TryAnswer(ReadOnlySpan<byte> data, PipeWriter output, ref long written)
    {
        // Not yet whole: -1 to wait for the rest, when what has come could still be a request this front reads.
        var end = data.IndexOf("\r\n\r\n"u8);
        if (end < 0)
        {
            return data.Length < MaxRequestBytes && CouldBeRead(data) ? -1 : 0;
        }

        if (!TryRead(data[..(end + 4)], out var request) || !front.TryFind(request.Path, request.Query, request.Host, out var page) || page.Wire is not { Length: > 0 } wire)
        {
            return 0;
        }

        front.CountServed();
        Interlocked.Increment(ref _answered);
        output.Write(wire);
        output.Write(Date());
        if (kestrel.Value.AddServerHeader)
        {
            output.Write("Server: Kestrel\r\n"u8);
        }

        WriteHeader(output, "Age: "u8, page.AgeText());
        WriteHeader(output, "X-Correlation-Id: "u8, CorrelationIds.IsValid(request.CorrelationId) ? request.CorrelationId! : CorrelationIds.NewId());
        output.Write("\r\n"u8);
        written += wire.Length + 128;
        if (!request.Head)
        {
            output.Write(page.Body);
            written += page.Body.Length;
        }

        return request.Length;
    }

    private static void WriteHeader(PipeWriter output, ReadOnlySpan<byte> name, string value)
    {
        output.Write(name);
        var span = output.GetSpan(value.Length + 2);
        var length = Encoding.ASCII.GetBytes(value, span);
        "\r\n"u8.CopyTo(span[length..]);
        output.Advance(length + 2);
    }

    /// <summary><c>Date</c> as Kestrel writes it, made once a second.</summary>
    private byte[] Date()
    {
        var second = Environment.TickCount64 / 1000;
        if (Volatile.Read(ref _dateSecond) != second)
        {
            _date = Encoding.ASCII.GetBytes("Date: " + DateTime.UtcNow.ToString("r", CultureInfo.InvariantCulture) + "\r\n");
            Volatile.Write(ref _dateSecond, second);
        }

        return _date;
    }

    /// <summary>What this front needs of a request it may answer.</summary>
    internal readonly record struct WireRequest(int Length, bool Head, string Path, string Query, string Host, string? CorrelationId);

    /// <summary>Reads a request's head (<paramref name="data"/>, up to and with its empty line); false unless this front takes it.</summary>
    internal bool TryRead(ReadOnlySpan<byte> data, out WireRequest request)
    {
        request = default;
        var end = data.Length - 4;
        var head = data[..(end + 2)];
        var line = NextLine(ref head);
        var isHead = line.StartsWith("HEAD "u8);
        if (isHead)
        {
            line = line[5..];
        }
        else if (line.StartsWith("GET "u8))
        {
            line = line[4..];
        }
        else
        {
            return false;
        }

        var space = line.IndexOf((byte)' ');
        if (space is <= 0 or > MaxTargetBytes || !line[(space + 1)..].SequenceEqual("HTTP/1.1"u8))
        {
            return false;
        }

        var target = line[..space];
        var mark = target.IndexOf((byte)'?');
        var path = mark < 0 ? target : target[..mark];
        var query = mark < 0 ? [] : target[mark..];
        if (path.Length == 0 || path[0] != '/' || path.ContainsAnyExcept(PathBytes) || (query.Length > 1 && query[1..].ContainsAnyExcept(QueryBytes))
            || path.IndexOf("//"u8) >= 0 || path.IndexOf("/."u8) >= 0)
        {
            return false;
        }

        scoped ReadOnlySpan<byte> host = default;
        string? correlation = null;
        var count = 0;
        while (!head.IsEmpty)
        {
            line = NextLine(ref head);
            var colon = line.IndexOf((byte)':');
            if (++count > MaxHeaders || colon <= 0 || line[..colon].ContainsAnyExcept(TokenBytes))
            {
                return false;
            }

            var name = line[..colon];
            var value = line[(colon + 1)..].Trim(" \t"u8);
            foreach (var b in value)
            {
                if (b is < 0x20 and not (byte)'\t' or >= 0x7f)
                {
                    return false;
                }
            }

            if (Ascii.EqualsIgnoreCase(name, "Host"u8))
            {
                if (!host.IsEmpty || !PlainHost(value))
                {
                    return false;
                }

                host = value;
            }
            else if (Ascii.EqualsIgnoreCase(name, "Connection"u8))
            {
                if (!Ascii.EqualsIgnoreCase(value, "keep-alive"u8))
                {
                    return false;
                }
            }
            else if (Ascii.EqualsIgnoreCase(name, "X-Correlation-Id"u8))
            {
                correlation = correlation is null ? Encoding.ASCII.GetString(value) : string.Empty;
            }
            else if (HandedOffHeader(name))
            {
                return false;
            }
        }

        if (host.IsEmpty)
        {
            return false;
        }

        request = new WireRequest(end + 4, isHead, Encoding.ASCII.GetString(path), Encoding.ASCII.GetString(query), Encoding.ASCII.GetString(host), correlation);
        return true;
    }

    /// <summary>Whether the start of a request could be one this front reads: a GET or HEAD of a path, no bare line feed.</summary>
    private static bool CouldBeRead(ReadOnlySpan<byte> start)
    {
        if (!(start.StartsWith("GET /"u8) || "GET /"u8.StartsWith(start) || start.StartsWith("HEAD /"u8) || "HEAD /"u8.StartsWith(start)))
        {
            return false;
        }

        // Every line feed ends a CRLF: none is bare.
        return start.Count((byte)'\n') == start.Count("\r\n"u8);
    }

    /// <summary>A host name or address, with an optional port: <c>name[:port]</c> or <c>[v6][:port]</c>.</summary>
    internal static bool PlainHost(ReadOnlySpan<byte> host)
    {
        int split;
        if (host.StartsWith("["u8))
        {
            split = host.IndexOf((byte)']') + 1;
            if (split < 3 || host[1..(split - 1)].ContainsAnyExcept(Ipv6Bytes))
            {
                return false;
            }
        }
        else
        {
            split = host.IndexOf((byte)':');
            split = split < 0 ? host.Length : split;
            if (split == 0 || host[..split].ContainsAnyExcept(NameBytes))
            {
                return false;
            }
        }

        var rest = host[split..];
        return rest.IsEmpty || (rest.Length is > 1 and <= 6 && rest[0] == ':' && !rest[1..].ContainsAnyExceptInRange((byte)'0', (byte)'9'));
    }

    /// <summary>The next line of <paramref name="head"/> (which ends in CRLF), without it; a stray CR or LF makes it invalid.</summary>
    private static ReadOnlySpan<byte> NextLine(ref ReadOnlySpan<byte> head)
    {
        var end = head.IndexOf("\r\n"u8);
        var line = head[..end];
        head = head[(end + 2)..];

        // A CR or LF inside, or a folded line (starting with a space or tab), is nothing this front reads.
        return line.IndexOfAny((byte)'\r', (byte)'\n') >= 0 || (line.Length > 0 && line[0] is (byte)' ' or (byte)'\t') ? "\n"u8 : line;
    }

    /// <summary>Headers that send the request to Kestrel: a body, credentials, a protocol change, forwarding.</summary>
    private bool HandedOffHeader(ReadOnlySpan<byte> name)
    {
        var names = _handedOffHeaders ??= [.. HandedOffHeaders.Concat(front.ForwardedHeaders).Select(Encoding.ASCII.GetBytes)];
        foreach (var handedOff in names)
        {
            if (Ascii.EqualsIgnoreCase(name, handedOff))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A connection this front answers on, as Kestrel's heartbeat sees it.</summary>
    private sealed class Connection(ConnectionContext connection)
    {
        public const int Reading = 1;
        public const int Writing = 2;
        private const int Busy = 0;
        private const int Cancelled = 3;
        private const int Gone = 4;

        private int _state;
        private long _deadline;
        private volatile bool _closing;

        public bool Closing => _closing;

        /// <summary>About to wait for the reader (<paramref name="what"/>), for at most <paramref name="limit"/>.</summary>
        public void Wait(int what, TimeSpan limit)
        {
            Volatile.Write(ref _deadline, Environment.TickCount64 + (long)limit.TotalMilliseconds);
            Volatile.Write(ref _state, what);
            if (_closing && what == Reading)
            {
                Tick(force: true);
            }
        }

        /// <summary>Back from the wait: false when the wait was cut short (timed out, or the server is stopping).</summary>
        public bool Resume() => Interlocked.Exchange(ref _state, Busy) != Cancelled;

        public void HandOff() => Volatile.Write(ref _state, Gone);

        /// <summary>The server is stopping: an idle connection closes now, a busy one after its answer.</summary>
        public void Close()
        {
            _closing = true;
            Tick(force: true);
        }

        public void Tick() => Tick(force: false);

        private void Tick(bool force)
        {
            var state = Volatile.Read(ref _state);
            if (state is not (Reading or Writing) || (!force && Environment.TickCount64 < Volatile.Read(ref _deadline))
                || (force && state != Reading) || Interlocked.CompareExchange(ref _state, Cancelled, state) != state)
            {
                return;
            }

            if (state == Reading)
            {
                connection.Transport.Input.CancelPendingRead();
            }
            else
            {
                connection.Transport.Output.CancelPendingFlush();
            }
        }
    }
}
