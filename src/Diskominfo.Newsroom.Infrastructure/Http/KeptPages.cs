using System.Collections.Concurrent;
using System.Globalization;
using System.IO.Pipelines;
using Diskominfo.Newsroom.Infrastructure.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Primitives;

namespace Diskominfo.Newsroom.Infrastructure.Http;

/// <summary>
/// The public pages as a reader without any cookie gets them, kept as finished bytes (status 200, headers, body) and
/// handed out at the front of the pipeline, after the transport's middleware (forwarded headers, HSTS) and before the
/// modules' (correlation log scope, health, metrics), localization, routing, authentication, the rate limiter and the
/// output cache itself: that reader is anonymous, in the default language, and every other part of the request is
/// outside the output cache's key (see the theme's <c>SiteCache</c>), so the page is exactly what the output cache
/// would hand out, at a fraction of the cost.
/// </summary>
/// <remarks>
/// <para>
/// Only pages the output cache would keep are kept here: the output cache policy carries <see cref="KeptPagePolicy"/>,
/// which tells this cache a rendered page's tags and lifetime once the output cache's own rules (status 200, no
/// cookie set, no signed-in reader) allowed storing it. Evicting a tag from the output cache store evicts it here too
/// (<see cref="KeptPageStore"/>), so both are dropped together on every node.
/// </para>
/// <para>
/// A page is filled by the first cookie-less request that finds nothing here: it skips the output cache's lookup
/// (so it renders) and its bytes are kept. A page rendered before an eviction and finished after it is not kept.
/// </para>
/// </remarks>
public sealed class KeptPageCache
{
    /// <summary>The setting that switches kept pages off (<c>false</c>); the output cache alone then keeps the pages.</summary>
    public const string Setting = "Newsroom:KeptPages";

    /// <summary>
    /// The site's setting that switches the page cache off (<c>false</c>): no page is then cached, so none is kept
    /// either, and no request pays for copying a page it cannot keep.
    /// </summary>
    public const string PagesCachedSetting = "Newsroom:Site:CachePages";

    /// <summary>All kept pages together stay under this many bytes; past it, pages are served but not kept.</summary>
    public const long MaxBytes = 64L * 1024 * 1024;

    /// <summary>A single page larger than this is not kept.</summary>
    public const int MaxPageBytes = 1024 * 1024;

    internal const string FillItem = "newsroom.kept-page.fill";
    internal const string CaptureItem = "newsroom.kept-page.capture";

    /// <summary>
    /// The longest key looked up: a request whose path and query make a longer one passes by (the output cache still
    /// keeps its page). Keys are written on the stack, so a kept page's request allocates no key.
    /// </summary>
    internal const int MaxKeyLength = 512;

    private readonly ConcurrentDictionary<string, KeptPage> _pages;
    private readonly ConcurrentDictionary<string, KeptPage>.AlternateLookup<ReadOnlySpan<char>> _pagesBySpan;
    private readonly ConcurrentDictionary<string, byte> _filling = new(StringComparer.Ordinal);
    private long _generation;
    private long _bytes;
    private long _hits;

    public KeptPageCache()
    {
        _pages = new(StringComparer.Ordinal);
        _pagesBySpan = _pages.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Pages handed out from here since the start (for the tests and the benchmark's report).</summary>
    public long Hits => Interlocked.Read(ref _hits);

    /// <summary>How many pages are kept now.</summary>
    public int Count => _pages.Count;

    internal bool TryGet(ReadOnlySpan<char> key, out KeptPage page)
    {
        if (_pagesBySpan.TryGetValue(key, out page!) && page.Expires > Environment.TickCount64)
        {
            Interlocked.Increment(ref _hits);
            return true;
        }

        return false;
    }

    /// <summary>Whether this request is the one to fill <paramref name="key"/> (only one at a time per page).</summary>
    internal bool TryBeginFill(string key, out long generation)
    {
        generation = Interlocked.Read(ref _generation);
        return _filling.TryAdd(key, 0);
    }

    internal void EndFill(string key, long generation, KeptPage? page)
    {
        try
        {
            if (page is null || Interlocked.Read(ref _bytes) + page.Body.Length > MaxBytes)
            {
                return;
            }

            lock (_pages)
            {
                // An eviction since the page began rendering may have dropped what it shows.
                if (Interlocked.Read(ref _generation) != generation)
                {
                    return;
                }

                if (_pages.TryGetValue(key, out var old))
                {
                    _bytes -= old.Body.Length;
                }

                _pages[key] = page;
                _bytes += page.Body.Length;
            }
        }
        finally
        {
            _filling.TryRemove(key, out _);
        }
    }

    /// <summary>Drops every kept page tagged <paramref name="tag"/>.</summary>
    public void Evict(string tag)
    {
        lock (_pages)
        {
            Interlocked.Increment(ref _generation);
            foreach (var (key, page) in _pages)
            {
                if (page.Tags.Contains(tag) && _pages.TryRemove(key, out _))
                {
                    _bytes -= page.Body.Length;
                }
            }
        }
    }

    /// <summary>Whether this cache may answer a request: a cookie-less, anonymous GET or HEAD of a page.</summary>
    internal static bool IsCandidate(string method, PathString path, IHeaderDictionary headers)
        => (HttpMethods.IsGet(method) || HttpMethods.IsHead(method))
            && headers.Cookie.Count == 0 && headers.Authorization.Count == 0
            && NewsroomInfrastructureExtensions.IsPagePath(path);

    /// <summary>
    /// Writes the key of a request <see cref="IsCandidate"/> allowed into <paramref name="key"/>: the output cache's key
    /// for these pages, the scheme, the path in capitals, and the two query values pages read (<c>halaman</c>,
    /// <c>q</c>). False when the key would be longer than the buffer.
    /// </summary>
    internal static bool TryWriteKey(string scheme, string? path, string page, string query, Span<char> key, out int length)
    {
        length = 0;
        if (!Append(key, ref length, scheme) || !Append(key, ref length, " "))
        {
            return false;
        }

        var upper = (path ?? string.Empty).AsSpan().ToUpperInvariant(key[length..]);
        if (upper < 0)
        {
            return false;
        }

        length += upper;
        return Append(key, ref length, " ") && Append(key, ref length, page) && Append(key, ref length, " ") && Append(key, ref length, query);
    }

    private static bool Append(Span<char> key, ref int length, ReadOnlySpan<char> part)
    {
        if (!part.TryCopyTo(key[length..]))
        {
            return false;
        }

        length += part.Length;
        return true;
    }
}

/// <summary>
/// A finished page: its headers (without those of the connection or the request) and its body; when it was kept and
/// until when, in <see cref="Environment.TickCount64"/> milliseconds (a coarse clock that costs no system call, unlike
/// the wall clock on some virtual machines).
/// </summary>
internal sealed record KeptPage(KeyValuePair<string, StringValues>[] Headers, byte[] Body, HashSet<string> Tags, long Stored, long Expires)
{
    /// <summary>An answer's age in whole seconds as text, for the ages a kept page reaches in its first ten minutes.</summary>
    private static readonly string[] Ages = [.. Enumerable.Range(0, 600).Select(age => age.ToString(CultureInfo.InvariantCulture))];

    private byte[]? _wire;

    /// <summary>
    /// The answer's status line, this page's headers and its length as HTTP/1.1 carries them, made on first use; empty
    /// when a header is not plain ASCII (then the pipeline answers, as Kestrel decides).
    /// </summary>
    internal byte[] Wire => _wire ??= MakeWire();

    private byte[] MakeWire()
    {
        var text = new System.Text.StringBuilder("HTTP/1.1 200 OK\r\n");
        foreach (var (name, values) in Headers)
        {
            foreach (var value in values)
            {
                text.Append(name).Append(": ").Append(value).Append("\r\n");
            }
        }

        text.Append("Content-Length: ").Append(Body.Length.ToString(CultureInfo.InvariantCulture)).Append("\r\n");
        var wire = text.ToString();
        return System.Text.Ascii.IsValid(wire) && !wire.AsSpan().ContainsAny('\0', '\u007f') ? System.Text.Encoding.ASCII.GetBytes(wire) : [];
    }

    /// <summary>An answer's age in whole seconds, as text.</summary>
    internal string AgeText()
    {
        var age = Math.Max(0, Environment.TickCount64 - Stored) / 1000;
        return age < Ages.Length ? Ages[age] : age.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Writes this page as the answer (its status, 200, already set): its headers, its age, the request's correlation
    /// id, its length, and for a GET its body.
    /// </summary>
    public Task WriteAsync(IHeaderDictionary requestHeaders, IHeaderDictionary headers, PipeWriter body, bool head)
    {
        foreach (var (name, value) in Headers)
        {
            headers[name] = value;
        }

        headers.Age = AgeText();
        CorrelationIds.Stamp(requestHeaders, headers);
        headers.ContentLength = Body.Length;
        if (head)
        {
            return Task.CompletedTask;
        }

        // No cancellation token: a write waiting on a slow reader ends when Kestrel closes the connection (its minimum
        // response data rate), and a reader already gone only means the bytes are dropped. Asking for RequestAborted
        // would make a token source per request.
        var write = body.WriteAsync(Body);
        return write.IsCompletedSuccessfully ? Task.CompletedTask : write.AsTask();
    }
}

/// <summary>
/// The part of the output cache policy that tells <see cref="KeptPageCache"/> what it may keep: a request filling the
/// cache renders (no lookup), and once the output cache's rules allowed storing the response, its tags and lifetime.
/// Added last to the public pages' policy, so it sees every other rule's decision.
/// </summary>
public sealed class KeptPagePolicy : IOutputCachePolicy
{
    public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        if (context.HttpContext.Items.ContainsKey(KeptPageCache.FillItem))
        {
            context.AllowCacheLookup = false;
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        if (context.AllowCacheStorage && context.EnableOutputCaching && context.HttpContext.Items.ContainsKey(KeptPageCache.FillItem))
        {
            context.HttpContext.Items[KeptPageCache.CaptureItem] = (new HashSet<string>(context.Tags, StringComparer.Ordinal), context.ResponseExpirationTimeSpan ?? TimeSpan.FromSeconds(60));
        }

        return ValueTask.CompletedTask;
    }
}

/// <summary>Hands out kept pages, and keeps the page a cookie-less reader's request rendered (see <see cref="KeptPageCache"/>).</summary>
/// <remarks>With <paramref name="httpsOnly"/> (the site redirects plain HTTP to HTTPS), a plain-HTTP request passes by.</remarks>
internal sealed class KeptPageMiddleware(RequestDelegate next, KeptPageCache cache, bool httpsOnly)
{
    /// <summary>Headers of the connection, of this response alone, or added again by the pipeline's first parts.</summary>
    private static readonly HashSet<string> NotKept = new(StringComparer.OrdinalIgnoreCase)
    {
        "Date", "Server", "Transfer-Encoding", "Content-Length", "Connection", "Keep-Alive", "Age", "Set-Cookie", "X-Correlation-Id",
    };

    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if ((httpsOnly && !request.IsHttps) || !KeptPageCache.IsCandidate(request.Method, request.Path, request.Headers))
        {
            return next(context);
        }

        // Most requests have no query string: nothing to parse.
        var (page, query) = request.QueryString.HasValue
            ? (request.Query["halaman"].ToString(), request.Query["q"].ToString())
            : (string.Empty, string.Empty);
        Span<char> key = stackalloc char[KeptPageCache.MaxKeyLength];
        if (!KeptPageCache.TryWriteKey(request.Scheme, request.Path.Value, page, query, key, out var length))
        {
            return next(context);
        }

        key = key[..length];
        if (cache.TryGet(key, out var kept))
        {
            context.Response.StatusCode = StatusCodes.Status200OK;
            return kept.WriteAsync(request.Headers, context.Response.Headers, context.Response.BodyWriter, HttpMethods.IsHead(request.Method));
        }

        if (!HttpMethods.IsGet(request.Method))
        {
            return next(context);
        }

        var fillKey = key.ToString();
        return cache.TryBeginFill(fillKey, out var generation) ? FillAsync(context, fillKey, generation) : next(context);
    }

    private async Task FillAsync(HttpContext context, string key, long generation)
    {
        KeptPage? page = null;
        var original = context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpResponseBodyFeature>()!;
        var copy = new CopyingStream(original.Stream, KeptPageCache.MaxPageBytes);
        var body = new StreamResponseBodyFeature(copy, original);
        context.Features.Set<Microsoft.AspNetCore.Http.Features.IHttpResponseBodyFeature>(body);
        context.Items[KeptPageCache.FillItem] = true;
        try
        {
            await next(context);
            await body.CompleteAsync();
            if (context.Items.TryGetValue(KeptPageCache.CaptureItem, out var captured) && captured is (HashSet<string> tags, TimeSpan lifetime)
                && context.Response.StatusCode == StatusCodes.Status200OK && !context.Response.Headers.ContainsKey("Set-Cookie")
                && copy.Copy is { } bytes && !context.RequestAborted.IsCancellationRequested)
            {
                var now = Environment.TickCount64;
                var headers = context.Response.Headers.Where(h => !NotKept.Contains(h.Key)).ToArray();
                page = new KeptPage(headers, bytes, tags, now, now + (long)lifetime.TotalMilliseconds);
            }
        }
        finally
        {
            context.Features.Set(original);
            cache.EndFill(key, generation, page);
        }
    }

    /// <summary>Writes through to the response and keeps a copy, up to a limit (past it, no copy).</summary>
    private sealed class CopyingStream(Stream inner, int limit) : Stream
    {
        private MemoryStream? _copy = new();

        public byte[]? Copy => _copy?.ToArray();

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush() => inner.Flush();

        public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count)
        {
            Keep(buffer.AsSpan(offset, count));
            inner.Write(buffer, offset, count);
        }

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Keep(buffer.Span);
            await inner.WriteAsync(buffer, cancellationToken);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
            => WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        private void Keep(ReadOnlySpan<byte> bytes)
        {
            if (_copy is null)
            {
                return;
            }

            if (_copy.Length + bytes.Length > limit)
            {
                _copy = null;
                return;
            }

            _copy.Write(bytes);
        }
    }
}

/// <summary>The output cache's store, which also drops the kept pages of every tag it evicts.</summary>
internal sealed class KeptPageStore(IOutputCacheStore inner, KeptPageCache kept) : IOutputCacheStore
{
    public async ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken)
    {
        kept.Evict(tag);
        await inner.EvictByTagAsync(tag, cancellationToken);
    }

    public ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken) => inner.GetAsync(key, cancellationToken);

    public ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken)
        => inner.SetAsync(key, value, tags, validFor, cancellationToken);
}
