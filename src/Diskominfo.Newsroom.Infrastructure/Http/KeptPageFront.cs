using System.Diagnostics.Metrics;
using Diskominfo.Newsroom.Abstractions.Operations;
using Diskominfo.Newsroom.Infrastructure.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Abstractions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace Diskominfo.Newsroom.Infrastructure.Http;

/// <summary>
/// Kept pages handed out by the server itself, before ASP.NET Core's hosting layer makes the request's
/// <see cref="HttpContext"/>, its metrics, activity and log scope, and before the pipeline: Kestrel still reads and
/// checks the request (there is no second HTTP parser), and this answers only a request the pipeline's front would
/// answer with the same kept page and nothing else (see <see cref="TryFind"/>). Every other request, and every miss,
/// goes to the application as before, and <see cref="KeptPageMiddleware"/> fills the pages.
/// </summary>
/// <remarks>
/// The pipeline's front is host filtering, the forwarded headers, HSTS and the kept page middleware. This front answers
/// only a plain-HTTP request (HSTS adds nothing to it) whose one <c>Host</c> host filtering allows, that carries none of
/// the forwarded headers (so their middleware would change nothing), on a site that does not redirect to HTTPS. The
/// requests it answers are counted in <c>newsroom.kept_pages.served</c>, since ASP.NET Core's request metrics never
/// see them.
/// </remarks>
public sealed class KeptPageFront
{
    private readonly KeptPageCache _cache;
    private readonly IOptionsMonitor<HostFilteringOptions> _hostFiltering;
    private readonly string[] _forwardedHeaders;
    private readonly Counter<long> _served;
    private long _servedCount;
    private AllowedHosts? _hosts;

    public KeptPageFront(
        KeptPageCache cache,
        IConfiguration configuration,
        IOptionsMonitor<HostFilteringOptions> hostFiltering,
        IOptions<ForwardedHeadersOptions> forwarded,
        IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(forwarded);
        ArgumentNullException.ThrowIfNull(meters);
        _cache = cache;
        _hostFiltering = hostFiltering;
        Enabled = configuration.GetValue(KeptPageCache.Setting, true) && configuration.GetValue(KeptPageCache.PagesCachedSetting, true)
            && !configuration.GetValue("Newsroom:Https:Redirect", false) && configuration.GetValue(Setting, true);
        var f = forwarded.Value;
        _forwardedHeaders = [f.ForwardedForHeaderName, f.ForwardedProtoHeaderName, f.ForwardedHostHeaderName, f.ForwardedPrefixHeaderName];
        _served = meters.Create(NewsroomTelemetry.MeterName).CreateCounter<long>(
            "newsroom.kept_pages.served", description: "Kept pages the server handed out before the request pipeline (not in http.server.request.duration).");
    }

    /// <summary>The setting that leaves kept pages to the pipeline alone (<c>false</c>).</summary>
    public const string Setting = "Newsroom:Kestrel:KeptPages";

    /// <summary>Whether the server hands out kept pages itself.</summary>
    public bool Enabled { get; }

    /// <summary>Pages handed out here since the start (also counted in <see cref="KeptPageCache.Hits"/>).</summary>
    public long Served => Interlocked.Read(ref _servedCount);

    /// <summary>The kept page for this request, when the pipeline's front would answer it with that page alone.</summary>
    internal bool TryFind(IFeatureCollection features, out KeptPage page)
    {
        page = null!;
        var request = features.Get<IHttpRequestFeature>();

        // The method first: a CONNECT or OPTIONS * request has no path a PathString takes.
        if (request is null || !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            || !request.Path.StartsWith('/') || !string.Equals(request.Scheme, "http", StringComparison.Ordinal)
            || !KeptPageCache.IsCandidate(request.Method, new PathString(request.Path), request.Headers)
            || !HostAllowed(request.Headers.Host) || Forwarded(request.Headers))
        {
            return false;
        }

        return TryFindKept(request.Path, request.QueryString, out page);
    }

    /// <summary>Writes <paramref name="page"/> as the answer of the request <paramref name="features"/> carry.</summary>
    internal Task ServeAsync(IFeatureCollection features, KeptPage page)
    {
        CountServed();
        var request = features.Get<IHttpRequestFeature>()!;
        var response = features.Get<IHttpResponseFeature>()!;
        response.StatusCode = StatusCodes.Status200OK;
        return page.WriteAsync(request.Headers, response.Headers, features.Get<IHttpResponseBodyFeature>()!.Writer, HttpMethods.IsHead(request.Method));
    }

    /// <summary>Counts a page handed out before the pipeline, here or on the wire (<see cref="KeptPageWire"/>).</summary>
    internal void CountServed()
    {
        _served.Add(1);
        Interlocked.Increment(ref _servedCount);
    }

    /// <summary>The forwarded headers' names: a request carrying one goes to the pipeline.</summary>
    internal IReadOnlyList<string> ForwardedHeaders => _forwardedHeaders;

    /// <summary>
    /// The kept page of a plain-HTTP GET or HEAD of <paramref name="path"/> (as sent: no escapes, no dot segments) with
    /// <paramref name="query"/> (empty, or from its <c>?</c>), from a client with no cookie, no credentials and no forwarded
    /// headers whose one host is <paramref name="host"/>; false when the pipeline should answer.
    /// </summary>
    internal bool TryFind(string path, string query, string host, out KeptPage page)
    {
        page = null!;
        return HostAllowed(host) && NewsroomInfrastructureExtensions.IsPagePath(new PathString(path)) && TryFindKept(path, query, out page);
    }

    /// <summary>The kept page of a plain-HTTP request for <paramref name="path"/> with <paramref name="query"/> (raw, from its <c>?</c>).</summary>
    private bool TryFindKept(string path, string? query, out KeptPage page)
    {
        page = null!;
        var (halaman, q) = (string.Empty, string.Empty);
        if (query is { Length: > 1 })
        {
            var values = QueryHelpers.ParseQuery(query);
            halaman = values.TryGetValue("halaman", out var h) ? h.ToString() : string.Empty;
            q = values.TryGetValue("q", out var v) ? v.ToString() : string.Empty;
        }

        Span<char> key = stackalloc char[KeptPageCache.MaxKeyLength];
        return KeptPageCache.TryWriteKey("http", path, halaman, q, key, out var length) && _cache.TryGet(key[..length], out page);
    }

    private bool HostAllowed(StringValues host) => host.Count == 1 && HostAllowed(host[0]);

    private bool HostAllowed(string? host)
    {
        var options = _hostFiltering.CurrentValue;
        var hosts = _hosts;
        if (hosts is null || !ReferenceEquals(hosts.Options, options))
        {
            _hosts = hosts = new AllowedHosts(options);
        }

        return !string.IsNullOrEmpty(host) && (hosts.Any || HostString.MatchesAny(host, hosts.Patterns));
    }

    /// <summary>
    /// Host filtering's own reading of its list: each entry as a client sends it (punycode); a top-level wildcard allows
    /// any host. A request without exactly one host goes to the pipeline, which decides.
    /// </summary>
    private sealed class AllowedHosts
    {
        public AllowedHosts(HostFilteringOptions options)
        {
            Options = options;
            var hosts = options.AllowedHosts.Select(h => new HostString(h).ToUriComponent()).ToList();
            Any = hosts.Any(h => h is "*" or "[::]" or "0.0.0.0");
            Patterns = [.. hosts.Select(h => new StringSegment(h))];
        }

        public HostFilteringOptions Options { get; }

        public bool Any { get; }

        public StringSegment[] Patterns { get; }
    }

    private bool Forwarded(IHeaderDictionary headers)
    {
        foreach (var name in _forwardedHeaders)
        {
            if (headers.ContainsKey(name))
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>The server, with <see cref="KeptPageFront"/> in front of the application it runs.</summary>
internal sealed class KeptPageServer(IServer inner, KeptPageFront front) : IServer
{
    public IFeatureCollection Features => inner.Features;

    public Task StartAsync<TContext>(IHttpApplication<TContext> application, CancellationToken cancellationToken)
        where TContext : notnull
        => front.Enabled
            ? inner.StartAsync(new FrontApplication<TContext>(application, front), cancellationToken)
            : inner.StartAsync(application, cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => inner.StopAsync(cancellationToken);

    public void Dispose() => inner.Dispose();

    /// <summary>Makes the server <paramref name="server"/> registers, with the front before its application.</summary>
    internal sealed class Factory(ServiceDescriptor server)
    {
        public IServer Create(IServiceProvider services) => new KeptPageServer(
            server.ImplementationInstance as IServer
                ?? (IServer)(server.ImplementationFactory?.Invoke(services) ?? ActivatorUtilities.CreateInstance(services, server.ImplementationType!)),
            services.GetRequiredService<KeptPageFront>());
    }

    /// <summary>A request's state: the kept page it gets, or the application's own context.</summary>
    internal sealed class FrontContext<TContext>
    {
        public IFeatureCollection? Features;
        public KeptPage? Page;
        public TContext? Inner;
    }

    private sealed class FrontApplication<TContext>(IHttpApplication<TContext> application, KeptPageFront front)
        : IHttpApplication<FrontContext<TContext>>
        where TContext : notnull
    {
        public FrontContext<TContext> CreateContext(IFeatureCollection contextFeatures)
        {
            // Kestrel keeps one per connection (or stream) for this application's context type.
            FrontContext<TContext> context;
            if (contextFeatures is IHostContextContainer<FrontContext<TContext>> container)
            {
                context = container.HostContext ??= new FrontContext<TContext>();
            }
            else
            {
                context = new FrontContext<TContext>();
            }

            if (front.TryFind(contextFeatures, out var page))
            {
                context.Features = contextFeatures;
                context.Page = page;
            }
            else
            {
                context.Inner = application.CreateContext(contextFeatures);
            }

            return context;
        }

        public Task ProcessRequestAsync(FrontContext<TContext> context)
            => context.Page is { } page ? front.ServeAsync(context.Features!, page) : application.ProcessRequestAsync(context.Inner!);

        public void DisposeContext(FrontContext<TContext> context, Exception? exception)
        {
            if (context.Page is null)
            {
                application.DisposeContext(context.Inner!, exception);
            }

            context.Features = null;
            context.Page = null;
            context.Inner = default;
        }
    }
}
