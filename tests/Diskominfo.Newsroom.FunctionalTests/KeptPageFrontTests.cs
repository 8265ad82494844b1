using System.Diagnostics.Metrics;
using System.Net;
using Diskominfo.Newsroom.Infrastructure.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Diskominfo.Newsroom.FunctionalTests;

/// <summary>
/// Kept pages handed out by the server before the hosting layer (<see cref="KeptPageFront"/>), on real Kestrel: the
/// same answer the pipeline's kept page middleware gives, and only for the requests that middleware would answer alone.
/// </summary>
public sealed class KeptPageFrontTests
{
    private static readonly string[] SecurityHeaders =
        ["X-Content-Type-Options", "X-Frame-Options", "Referrer-Policy", "Permissions-Policy", "Content-Security-Policy", "Cross-Origin-Opener-Policy"];

    [Fact]
    public async Task KeptPage_OnKestrel_ServerAnswersBeforeThePipeline_SameAnswerAsTheMiddleware_OwnCorrelationIdAndAge()
    {
        await using var database = await TestDatabase.SqliteAsync();
        await using var app = await NewsroomApp.StartAsync(database, kestrel: true,
            extraSettings: new Dictionary<string, string?> { ["AllowedHosts"] = "127.0.0.1;localhost" });
        string article;
        using (var reporter = await app.LoginAsync("reporter"))
        {
            article = await Api.PublishAsync(app, reporter, "Bupati Resmikan Pasar Rakyat Kecamatan Raya", "pemerintahan", photos: 1);
        }

        var front = app.Services.GetRequiredService<KeptPageFront>();
        var kept = app.Services.GetRequiredService<KeptPageCache>();
        Assert.True(front.Enabled);
        using var served = new ServedCounter(app.Services.GetRequiredService<IMeterFactory>());
        using var reader = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = app.BaseAddress };
        foreach (var path in new[] { article, "/", "/kategori/pemerintahan?halaman=1", "/arsip" })
        {
            using var rendered = await reader.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, rendered.StatusCode);

            // The server answers: the cache counts a hit, the front serves it, and the metric counts it.
            var (hits, before, metric) = (kept.Hits, front.Served, served.Total);
            using var fromFront = await reader.GetAsync(path);
            Assert.Equal((hits + 1, before + 1, metric + 1), (kept.Hits, front.Served, served.Total));

            // A request the forwarded headers' middleware would read goes through the pipeline, to the kept page
            // middleware: the same page, the same headers.
            using var viaPipeline = new HttpRequestMessage(HttpMethod.Get, path);
            viaPipeline.Headers.Add("X-Forwarded-For", "203.0.113.9");
            using var fromPipeline = await reader.SendAsync(viaPipeline);
            Assert.Equal((hits + 2, before + 1), (kept.Hits, front.Served));

            var bytes = await rendered.Content.ReadAsByteArrayAsync();
            Assert.Equal(bytes, await fromFront.Content.ReadAsByteArrayAsync());
            Assert.Equal(bytes, await fromPipeline.Content.ReadAsByteArrayAsync());
            Assert.Equal(bytes.Length, fromFront.Content.Headers.ContentLength);
            Assert.Equal(rendered.Content.Headers.ContentType, fromFront.Content.Headers.ContentType);
            Assert.Equal(Names(fromPipeline), Names(fromFront));
            foreach (var header in SecurityHeaders)
            {
                Assert.Equal(rendered.Headers.GetValues(header), fromFront.Headers.GetValues(header));
                Assert.Equal(fromPipeline.Headers.GetValues(header), fromFront.Headers.GetValues(header));
            }

            Assert.NotNull(fromFront.Headers.Age);
            Assert.False(fromFront.Headers.Contains("Set-Cookie"));
            var ids = new[] { rendered, fromFront, fromPipeline }.Select(r => Assert.Single(r.Headers.GetValues("X-Correlation-Id"))).ToList();
            Assert.Equal(3, ids.Distinct().Count());
        }

        // The client's own correlation id when it is a plain token; HEAD: the length and no body.
        using var tagged = new HttpRequestMessage(HttpMethod.Get, article);
        tagged.Headers.Add("X-Correlation-Id", "loket-7");
        var servedBefore = front.Served;
        using (var answer = await reader.SendAsync(tagged))
        {
            Assert.Equal("loket-7", Assert.Single(answer.Headers.GetValues("X-Correlation-Id")));
        }

        using (var head = await reader.SendAsync(new HttpRequestMessage(HttpMethod.Head, article)))
        {
            Assert.Equal(HttpStatusCode.OK, head.StatusCode);
            Assert.Equal((await reader.GetByteArrayAsync(article)).Length, head.Content.Headers.ContentLength);
            Assert.Empty(await head.Content.ReadAsByteArrayAsync());
        }

        Assert.Equal(servedBefore + 3, front.Served);
    }

    [Fact]
    public async Task KeptPage_OnKestrel_RequestsThePipelineMustDecide_AreNotAnsweredByTheServer()
    {
        await using var database = await TestDatabase.SqliteAsync();
        await using var app = await NewsroomApp.StartAsync(database, kestrel: true, runJobs: false,
            extraSettings: new Dictionary<string, string?> { ["AllowedHosts"] = "127.0.0.1;localhost" });
        var front = app.Services.GetRequiredService<KeptPageFront>();
        using var reader = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = app.BaseAddress };
        using (await reader.GetAsync("/"))
        {
        }

        var before = front.Served;
        using (await reader.GetAsync("/"))
        {
        }

        Assert.Equal(before + 1, front.Served);

        // A host the site does not answer to: host filtering's 400, not the page.
        using var forged = new HttpRequestMessage(HttpMethod.Get, "/");
        forged.Headers.Host = "evil.example";
        using (var refused = await reader.SendAsync(forged))
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        }

        // A cookie (the language, a desk session) or a token may change the page; a POST is not a read.
        using var withCookie = new HttpRequestMessage(HttpMethod.Get, "/");
        withCookie.Headers.Add("Cookie", ".AspNetCore.Culture=c%3Den%7Cuic%3Den");
        using (await reader.SendAsync(withCookie))
        {
        }

        using var withToken = new HttpRequestMessage(HttpMethod.Get, "/");
        withToken.Headers.Add("Authorization", "Bearer not-a-token");
        using (await reader.SendAsync(withToken))
        {
        }

        using (var posted = await reader.PostAsync("/", new StringContent("x")))
        {
            Assert.Equal(HttpStatusCode.BadRequest, posted.StatusCode);
        }

        // The API and static files are not pages.
        using (var api = await reader.GetAsync("/api/v1/items"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        }

        // Request targets that are not a path (asterisk and authority form) reach the pipeline's answer, not an error.
        foreach (var line in new[] { "OPTIONS * HTTP/1.1", "CONNECT 127.0.0.1:80 HTTP/1.1" })
        {
            var status = await RawStatusAsync(app.BaseAddress, $"{line}\r\nHost: 127.0.0.1\r\n\r\n");
            Assert.True(status is >= 400 and < 500 or 200 or 204, $"{line}: {status}");
        }

        Assert.Equal(before + 1, front.Served);
    }

    [Fact]
    public async Task KeptPage_OnKestrel_FrontSwitchedOff_PipelineStillHandsOutTheKeptPage()
    {
        await using var database = await TestDatabase.SqliteAsync();
        await using var app = await NewsroomApp.StartAsync(database, kestrel: true, runJobs: false,
            extraSettings: new Dictionary<string, string?> { [KeptPageFront.Setting] = "false" });
        var (front, kept) = (app.Services.GetRequiredService<KeptPageFront>(), app.Services.GetRequiredService<KeptPageCache>());
        Assert.False(front.Enabled);
        using var reader = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = app.BaseAddress };
        var first = await reader.GetStringAsync("/");
        var hits = kept.Hits;
        Assert.Equal(first, await reader.GetStringAsync("/"));
        Assert.Equal((hits + 1, 0L), (kept.Hits, front.Served));
    }

    /// <summary>Sends <paramref name="request"/> as it is on a socket of its own; the status of the answer.</summary>
    private static async Task<int> RawStatusAsync(Uri address, string request)
    {
        using var socket = new System.Net.Sockets.TcpClient();
        await socket.ConnectAsync(address.Host, address.Port);
        var stream = socket.GetStream();
        await stream.WriteAsync(System.Text.Encoding.ASCII.GetBytes(request));
        var buffer = new byte[1024];
        var read = await stream.ReadAsync(buffer).AsTask().WaitAsync(TimeSpan.FromSeconds(10));
        var head = System.Text.Encoding.ASCII.GetString(buffer, 0, read);
        Assert.StartsWith("HTTP/1.1 ", head, StringComparison.Ordinal);
        return int.Parse(head.AsSpan(9, 3), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static List<string> Names(HttpResponseMessage response)
        => [.. response.Headers.Concat(response.Content.Headers).Select(h => h.Key.ToUpperInvariant()).Order(StringComparer.Ordinal)];

    /// <summary>The site's <c>newsroom.kept_pages.served</c> counter, from its own meter factory.</summary>
    private sealed class ServedCounter : IDisposable
    {
        private readonly MeterListener _listener = new();
        private long _total;

        public ServedCounter(IMeterFactory meters)
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Name == "newsroom.kept_pages.served" && ReferenceEquals(instrument.Meter.Scope, meters))
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref _total, value));
            _listener.Start();
        }

        public long Total => Interlocked.Read(ref _total);

        public void Dispose() => _listener.Dispose();
    }
}
