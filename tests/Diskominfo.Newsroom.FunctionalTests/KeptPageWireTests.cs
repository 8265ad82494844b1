using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using Diskominfo.Newsroom.Infrastructure.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;

namespace Diskominfo.Newsroom.FunctionalTests;

/// <summary>
/// Kept pages answered on the connection before Kestrel's HTTP layer (<see cref="KeptPageWire"/>), on real Kestrel and
/// raw sockets: the same bytes the pipeline gives, and every request it is not sure of left to Kestrel, unread.
/// </summary>
public sealed class KeptPageWireTests
{
    private static readonly Dictionary<string, string?> Hosts = new() { ["AllowedHosts"] = "127.0.0.1;localhost" };

    [Fact]
    public async Task Wire_AnswersCookielessReadsOnTheConnection_HandsItToKestrelAtTheFirstCookie_SameBytes()
    {
        await using var database = await TestDatabase.SqliteAsync();
        await using var app = await NewsroomApp.StartAsync(database, kestrel: true, runJobs: false, extraSettings: Hosts);
        var (wire, front) = (app.Services.GetRequiredService<KeptPageWire>(), app.Services.GetRequiredService<KeptPageFront>());
        Assert.True(wire.Enabled);
        using var reader = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = app.BaseAddress };
        var home = await reader.GetByteArrayAsync("/");
        var archive = await reader.GetByteArrayAsync("/arsip");

        // Four requests in one write: two the wire answers, one with a cookie (Kestrel from there on), one more.
        var (answered, handedOff, served) = (wire.Answered, wire.HandedOff, front.Served);
        var get = "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\nX-Correlation-Id: loket-3\r\n\r\n";
        var answers = await ExchangeAsync(app.BaseAddress,
            get + "GET /arsip HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
            + "GET /arsip HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: .AspNetCore.Culture=c%3Did%7Cuic%3Did\r\n\r\n" + get, count: 4);
        Assert.Equal((answered + 2, handedOff + 1), (wire.Answered, wire.HandedOff));

        // The last goes through Kestrel, to the server's front: counted there, not here.
        Assert.Equal(served + 3, front.Served);
        Assert.All(answers, a => Assert.Equal(200, a.Status));
        Assert.Equal(home, answers[0].Body);
        Assert.Equal(archive, answers[1].Body);
        Assert.Equal(home, answers[3].Body);
        Assert.Equal("loket-3", answers[0].Headers["X-Correlation-Id"]);
        Assert.Equal("loket-3", answers[3].Headers["X-Correlation-Id"]);
        Assert.NotEqual(answers[1].Headers["X-Correlation-Id"], answers[2].Headers["X-Correlation-Id"]);

        // The wire's answer has the headers Kestrel's has, with the same values but its own.
        foreach (var name in answers[3].Headers.Keys.Where(n => n is not ("Date" or "Age" or "X-Correlation-Id")))
        {
            Assert.Equal(answers[3].Headers[name], answers[0].Headers[name]);
        }

        Assert.Equal(answers[3].Headers.Keys.Order(), answers[0].Headers.Keys.Order());
        Assert.Equal(home.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), answers[0].Headers["Content-Length"]);
        Assert.True(DateTimeOffset.Parse(answers[0].Headers["Date"], System.Globalization.CultureInfo.InvariantCulture) > DateTimeOffset.UtcNow.AddMinutes(-1));

        // HEAD: the headers and no body; the connection stays open for the next request.
        var heads = await ExchangeAsync(app.BaseAddress, "HEAD /arsip HTTP/1.1\r\nHost: localhost\r\n\r\nGET /arsip HTTP/1.1\r\nHost: localhost:80\r\n\r\n", count: 2, firstIsHead: true);
        Assert.Equal(archive.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), heads[0].Headers["Content-Length"]);
        Assert.Empty(heads[0].Body);
        Assert.Equal(archive, heads[1].Body);
        Assert.Equal(answered + 4, wire.Answered);

        // Many pipelined at once (over 4 KiB of requests, so some cross the pipe's segments, and more than one batch of
        // 64 KiB of answers): each answered, in order, on the wire.
        var many = await ExchangeAsync(app.BaseAddress, string.Concat(Enumerable.Repeat("GET /arsip HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", 150)), count: 150);
        Assert.All(many, a => Assert.Equal(archive, a.Body));
        Assert.True(150 * archive.Length > 64 * 1024);
        Assert.Equal(answered + 154, wire.Answered);
    }

    public static TheoryData<string, int> NotForTheWire => new()
    {
        // Kestrel judges what the wire does not read: malformed requests get its 400, never the page.
        { "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n X-Folded: yes\r\n\r\n", 400 },
        { "GET / HTTP/1.1\r\n\r\n", 400 },
        { "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nHost: 127.0.0.1\r\n\r\n", 400 },
        { "GET / HTTP/1.1\r\nHost: 127.0.0.1 evil\r\n\r\n", 400 },
        { "GET / HTTP/1.1\r\nHost: evil.example\r\n\r\n", 400 },

        // Requests Kestrel reads more leniently than the wire (bare line feeds, a control character in a value, a body
        // both chunked and counted, whose length it drops): Kestrel takes them, the wire does not.
        { "GET / HTTP/1.1\nHost: 127.0.0.1\n\n", 200 },
        { "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Bad: a\u0001b\r\n\r\n", 200 },
        { "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n0\r\n\r\n", 200 },

        // Well-formed requests the pipeline must decide: Kestrel answers, as it would without the wire.
        { "GET / HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n", 200 },
        { "GET http://127.0.0.1/ HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", 200 },
        { "GET /%61rsip HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", 200 },
        { "GET /berita/../arsip HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", 200 },
        { "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 5\r\n\r\nhello", 200 },
        { "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n", 200 },
        { "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Forwarded-Proto: https\r\n\r\n", 200 },
        { "GET /css/admin.css HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", 200 },
    };

    [Theory]
    [MemberData(nameof(NotForTheWire))]
    public async Task Wire_RequestsItIsNotSureOf_GoToKestrelUnread(string request, int status)
    {
        await using var database = await TestDatabase.SqliteAsync();
        await using var app = await NewsroomApp.StartAsync(database, kestrel: true, runJobs: false, extraSettings: Hosts);
        var wire = app.Services.GetRequiredService<KeptPageWire>();
        using var reader = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = app.BaseAddress };
        Assert.Equal(System.Net.HttpStatusCode.OK, (await reader.GetAsync("/")).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await reader.GetAsync("/arsip")).StatusCode);
        var answered = wire.Answered;

        var answers = await ExchangeAsync(app.BaseAddress, request, count: 1);
        Assert.Equal(status, answers[0].Status);
        Assert.Equal(answered, wire.Answered);
    }

    [Fact]
    public async Task Wire_RequestInTwoWrites_WaitedFor_AndAnsweredOnTheWire()
    {
        await using var database = await TestDatabase.SqliteAsync();
        await using var app = await NewsroomApp.StartAsync(database, kestrel: true, runJobs: false, extraSettings: Hosts);
        var wire = app.Services.GetRequiredService<KeptPageWire>();
        using var reader = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = app.BaseAddress };
        var home = await reader.GetByteArrayAsync("/");
        var answered = wire.Answered;

        using var socket = new TcpClient { NoDelay = true };
        await socket.ConnectAsync(app.BaseAddress.Host, app.BaseAddress.Port);
        var stream = socket.GetStream();
        await stream.WriteAsync("GET / HTTP/1.1\r\nHo"u8.ToArray());
        await Task.Delay(300);
        await stream.WriteAsync("st: 127.0.0.1\r\n\r\n"u8.ToArray());
        var answer = await ReadAnswerAsync(stream, head: false);
        Assert.Equal(200, answer.Status);
        Assert.Equal(home, answer.Body);
        Assert.Equal(answered + 1, wire.Answered);
    }

    [Fact]
    public async Task Wire_IdleConnection_ClosedAfterKestrelsKeepAliveTimeout_TrickledRequestAfterItsHeadersTimeout_AndAtShutdownAtOnce()
    {
        await using var database = await TestDatabase.SqliteAsync();
        var app = await NewsroomApp.StartAsync(database, kestrel: true, runJobs: false, extraSettings: Hosts,
            services: s => s.Configure<KestrelServerOptions>(o => (o.Limits.KeepAliveTimeout, o.Limits.RequestHeadersTimeout) = (TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2))));
        try
        {
            var wire = app.Services.GetRequiredService<KeptPageWire>();
            using var reader = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = app.BaseAddress };
            Assert.Equal(System.Net.HttpStatusCode.OK, (await reader.GetAsync("/")).StatusCode);
            var answered = wire.Answered;

            // Answered on the wire, then left idle: the server closes it after about two seconds (heartbeat: one).
            using var idle = new TcpClient();
            await idle.ConnectAsync(app.BaseAddress.Host, app.BaseAddress.Port);
            var stream = idle.GetStream();
            await stream.WriteAsync("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"u8.ToArray());
            Assert.Equal(200, (await ReadAnswerAsync(stream, head: false)).Status);
            Assert.Equal(answered + 1, wire.Answered);
            var watch = Stopwatch.StartNew();
            var read = await stream.ReadAsync(new byte[16]).AsTask().WaitAsync(TimeSpan.FromSeconds(15));
            Assert.Equal(0, read);
            Assert.InRange(watch.Elapsed.TotalSeconds, 1.5, 6);

            // A request trickled a byte at a time: closed after the request headers timeout (2 s) from its first byte.
            using var trickle = new TcpClient { NoDelay = true };
            await trickle.ConnectAsync(app.BaseAddress.Host, app.BaseAddress.Port);
            var slow = trickle.GetStream();
            watch.Restart();
            var gone = slow.ReadAsync(new byte[16]).AsTask();
            foreach (var b in "GET / HTTP/1.1\r\nX-Slow: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"u8.ToArray())
            {
                if (gone.IsCompleted)
                {
                    break;
                }

                try
                {
                    await slow.WriteAsync(new[] { b });
                }
                catch (IOException)
                {
                    break;
                }

                await Task.Delay(200);
            }

            Assert.Equal(0, await gone.WaitAsync(TimeSpan.FromSeconds(5)));
            Assert.InRange(watch.Elapsed.TotalSeconds, 1.5, 7);
            Assert.Equal(answered + 1, wire.Answered);

            // Another, idle when the site stops: stopping does not wait for it (Kestrel would wait up to 30 s).
            using var open = new TcpClient();
            await open.ConnectAsync(app.BaseAddress.Host, app.BaseAddress.Port);
            var second = open.GetStream();
            await second.WriteAsync("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"u8.ToArray());
            Assert.Equal(200, (await ReadAnswerAsync(second, head: false)).Status);
            watch.Restart();
            var closed = second.ReadAsync(new byte[16]).AsTask();
            await app.DisposeAsync();
            Assert.Equal(0, await closed.WaitAsync(TimeSpan.FromSeconds(5)));
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"stopping took {watch.Elapsed}");
        }
        finally
        {
            await app.DisposeAsync();
        }
    }

    [Fact]
    public async Task Wire_SwitchedOff_ServerFrontStillAnswers()
    {
        await using var database = await TestDatabase.SqliteAsync();
        await using var app = await NewsroomApp.StartAsync(database, kestrel: true, runJobs: false,
            extraSettings: new Dictionary<string, string?>(Hosts) { [KeptPageWire.Setting] = "false" });
        var (wire, front) = (app.Services.GetRequiredService<KeptPageWire>(), app.Services.GetRequiredService<KeptPageFront>());
        Assert.False(wire.Enabled);
        Assert.True(front.Enabled);
        using var reader = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = app.BaseAddress };
        var first = await reader.GetStringAsync("/");
        var served = front.Served;
        Assert.Equal(first, await reader.GetStringAsync("/"));
        Assert.Equal((served + 1, 0L, 0L), (front.Served, wire.Answered, wire.HandedOff));
    }

    private sealed record Answer(int Status, Dictionary<string, string> Headers, byte[] Body);

    /// <summary>Sends <paramref name="requests"/> in one write on a socket of its own; the <paramref name="count"/> answers.</summary>
    private static async Task<List<Answer>> ExchangeAsync(Uri address, string requests, int count, bool firstIsHead = false)
    {
        using var socket = new TcpClient();
        await socket.ConnectAsync(address.Host, address.Port);
        var stream = socket.GetStream();
        await stream.WriteAsync(Encoding.Latin1.GetBytes(requests));
        var answers = new List<Answer>();
        for (var i = 0; i < count; i++)
        {
            answers.Add(await ReadAnswerAsync(stream, head: firstIsHead && i == 0));
        }

        return answers;
    }

    /// <summary>One answer: status line, headers, and a body of its <c>Content-Length</c> (none for a HEAD).</summary>
    private static async Task<Answer> ReadAnswerAsync(NetworkStream stream, bool head)
    {
        var bytes = new List<byte>();
        var one = new byte[1];
        while (bytes.Count < 4 || !(bytes[^4] == '\r' && bytes[^3] == '\n' && bytes[^2] == '\r' && bytes[^1] == '\n'))
        {
            var read = await stream.ReadAsync(one).AsTask().WaitAsync(TimeSpan.FromSeconds(15));
            Assert.True(read == 1, "the connection closed before the answer's headers ended: " + Encoding.ASCII.GetString([.. bytes]));
            bytes.Add(one[0]);
        }

        var lines = Encoding.ASCII.GetString([.. bytes]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("HTTP/1.1 ", lines[0], StringComparison.Ordinal);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            headers[line[..colon]] = line[(colon + 1)..].Trim();
        }

        var body = new byte[head || !headers.TryGetValue("Content-Length", out var length) ? 0 : int.Parse(length, System.Globalization.CultureInfo.InvariantCulture)];
        await stream.ReadExactlyAsync(body).AsTask().WaitAsync(TimeSpan.FromSeconds(15));
        return new Answer(int.Parse(lines[0].AsSpan(9, 3), System.Globalization.CultureInfo.InvariantCulture), headers, body);
    }
}
