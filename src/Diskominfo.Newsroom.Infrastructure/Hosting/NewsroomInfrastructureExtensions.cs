using Diskominfo.Newsroom.Infrastructure.Jobs;
using Diskominfo.Newsroom.Abstractions.Calendar;
using Diskominfo.Newsroom.Abstractions.Events;
using Diskominfo.Newsroom.Infrastructure.Data;
using Diskominfo.Newsroom.Infrastructure.Events;
using Diskominfo.Newsroom.Infrastructure.Http;
using Diskominfo.Newsroom.Infrastructure.Keys;
using Diskominfo.Newsroom.Infrastructure.Localization;
using Diskominfo.Newsroom.Infrastructure.Nodes;
using Diskominfo.Newsroom.Infrastructure.Storage;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.HttpsPolicy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Diskominfo.Newsroom.Infrastructure.Hosting;

public static class NewsroomInfrastructureExtensions
{
    /// <summary>
    /// Whether Kestrel runs a request on the thread that read it from the socket (<c>true</c>, the default) instead of
    /// handing it to another pool thread, and sends the response from that thread too: one thread-pool work item per
    /// request instead of three (receive, request, send), which is what a cached page's request costs most after the
    /// kernel's own work. That thread is an ordinary pool thread (the runtime's socket completions are not inlined:
    /// <c>DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS</c> stays unset), so a request that blocks holds only itself, as
    /// before. <c>false</c> restores Kestrel's default.
    /// </summary>
    public const string InlineSchedulingSetting = "Newsroom:Kestrel:InlineScheduling";

    /// <summary>Data folder, database connection, events, start-up, problem details.</summary>
    public static IServiceCollection AddNewsroomInfrastructure(this IServiceCollection services)
    {
        // The first hosted service: it checks the keys folder before Data Protection's own start-up reads the key ring.
        services.AddSingleton<NewsroomInitializer>();
        services.AddHostedService(sp => sp.GetRequiredService<NewsroomInitializer>());
        services.AddNewsroomCommand<MigrateCommand>();
        services.AddOptions<DataDirectoryOptions>()
            .Configure<Microsoft.Extensions.Configuration.IConfiguration>((o, c) =>
                o.Path = Path.GetFullPath(string.IsNullOrWhiteSpace(c["Newsroom:DataDir"]) ? o.Path : c["Newsroom:DataDir"]!));
        services.AddSingleton<IConfigureOptions<NewsroomDatabaseOptions>, NewsroomDatabaseOptionsSetup>();

        // Keys for cookies, antiforgery tokens and stored secrets live in the keys folder, outside the data folder and
        // encrypted with its certificate, so sign-ins survive a restart and a copy of the data carries no key; or, for
        // several nodes (Newsroom:Keys:Store = Database), in the database, encrypted with a certificate every node has.
        services.AddDataProtection().SetApplicationName("Diskominfo.Newsroom");
        services.AddSingleton<IConfigureOptions<KeyStoreOptions>, KeyStoreOptionsSetup>();
        services.AddSingleton<KeyStore>();
        services.AddSingleton<ISecretKeys>(sp => sp.GetRequiredService<KeyStore>());
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>, DataProtectionKeySetup>();
        services.AddModuleDbContext<KeysDbContext, SqliteKeysDbContext, PostgresKeysDbContext>(KeysDbContext.Module);
        services.AddLocalization();
        services.AddOptions<SocketTransportOptions>().Configure<IConfiguration>((o, c) => o.UnsafePreferInlineScheduling = c.GetValue(InlineSchedulingSetting, true));
        services.AddSingleton<SqliteReaders>();
        services.AddScoped<NewsroomDatabase>();
        services.AddScoped<IEventPublisher, EventPublisher>();
        services.AddNewsroomJobs();

        // Signals and locks among the nodes: through the database on PostgreSQL (several nodes), in the process on SQLite.
        services.AddSingleton<ProcessNodeSignals>();
        services.AddSingleton<PostgresNodeSignals>();
        services.AddHostedService(sp => sp.GetRequiredService<PostgresNodeSignals>());
        services.TryAddSingleton<INodeSignals>(sp => OnPostgres(sp)
            ? sp.GetRequiredService<PostgresNodeSignals>()
            : sp.GetRequiredService<ProcessNodeSignals>());
        services.AddSingleton<ProcessNodeLocks>();
        services.AddSingleton<PostgresNodeLocks>();
        services.TryAddSingleton<INodeLocks>(sp => OnPostgres(sp)
            ? sp.GetRequiredService<PostgresNodeLocks>()
            : sp.GetRequiredService<ProcessNodeLocks>());
        services.AddNewsroomFileStore();
        services.AddSingleton(TimeProvider.System);
        services.TryAddSingleton<IWorkingCalendar, AlwaysOpenWorkingCalendar>();
        services.AddProblemDetails(o => o.CustomizeProblemDetails = c =>
        {
            var status = c.ProblemDetails.Status ?? c.HttpContext.Response.StatusCode;
            c.ProblemDetails.Title ??= StatusTitle(status);
            if (c.ProblemDetails.Title.StartsWith("One or more validation", StringComparison.Ordinal))
            {
                c.ProblemDetails.Title = "Data tidak valid";
            }

            c.ProblemDetails.Type = null;
        });
        services.AddExceptionHandler<NewsroomExceptionHandler>();

        // Behind a TLS reverse proxy: whose forwarded headers count, which hosts, HSTS, the site's cookies.
        services.AddSingleton<IConfigureOptions<ForwardedHeadersOptions>, ForwardedHeadersSetup>();
        services.AddSingleton<IConfigureOptions<HostFilteringOptions>, HostFilteringSetup>();
        services.AddSingleton<IConfigureOptions<HstsOptions>, HstsSetup>();
        services.AddSingleton<IConfigureOptions<AntiforgeryOptions>, SiteCookiesSetup>();
        services.AddSingleton<IConfigureOptions<CookieTempDataProviderOptions>, SiteCookiesSetup>();

        // A body or parameter the API cannot read (malformed JSON, a date that is not one) becomes the Indonesian 400
        // of the exception handler in every environment, not a bare status.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddSingleton<IConfigureOptions<Microsoft.AspNetCore.RateLimiting.RateLimiterOptions>, ApiRateLimiterSetup>();
        return services;
    }

    private static bool OnPostgres(IServiceProvider services)
        => services.GetRequiredService<IOptions<NewsroomDatabaseOptions>>().Value.Provider == DatabaseProvider.Postgres;

    /// <summary>
    /// The front of the pipeline, before every module: the client's address and scheme from a trusted reverse proxy
    /// (<see cref="ForwardedHeadersSetup"/>), HSTS outside Development, then the kept public pages for readers without
    /// cookies (<see cref="KeptPageCache"/>). A kept page is answered here with its own correlation id
    /// (<see cref="CorrelationIds"/>) and nothing else runs for it: no log scope is opened, since nothing logs. When
    /// <c>Newsroom:Https:Redirect</c> is on, a plain-HTTP request passes by the kept pages to the redirection in
    /// <see cref="UseNewsroomDefaults"/>, which stays behind the operations module's health endpoints.
    /// </summary>
    public static IApplicationBuilder UseNewsroomFront(this IApplicationBuilder app)
    {
        var services = app.ApplicationServices;
        if (ForwardedHeadersSetup.AnyTrusted(services.GetRequiredService<IOptions<ForwardedHeadersOptions>>().Value))
        {
            app.UseForwardedHeaders();
        }

        if (!services.GetRequiredService<IHostEnvironment>().IsDevelopment())
        {
            app.UseHsts();
        }

        var configuration = services.GetRequiredService<IConfiguration>();
        if (services.GetService<KeptPageCache>() is not null
            && configuration.GetValue(KeptPageCache.Setting, true) && configuration.GetValue(KeptPageCache.PagesCachedSetting, true))
        {
            // A kept page carries the security headers its rendering was sent with (the page's own policy included),
            // so they are not set a second time.
            app.UseMiddleware<KeptPageMiddleware>(HttpsRedirect(configuration));
        }

        return app;
    }

    /// <summary>
    /// After the operations module: the HTTPS redirection when it is on (see <see cref="UseNewsroomTransport"/>);
    /// security headers; errors and bare status codes as Indonesian problem details for the API and files,
    /// and as an HTML page (<c>/galat/{status}</c>) for pages people read; cross-site form posts refused.
    /// </summary>
    public static IApplicationBuilder UseNewsroomDefaults(this IApplicationBuilder app)
    {
        UseNewsroomTransport(app);
        app.UseMiddleware<SecurityHeadersMiddleware>();

        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandlingPath = ErrorPagePath,
            StatusCodeSelector = e => NewsroomExceptionHandler.Describe(e).Status,

            // A client's malformed request is the client's error, not the server's: no error log for it.
            SuppressDiagnosticsCallback = c => c.Exception is BadHttpRequestException,
        });
        app.UseWhen(IsPageRequest, page => page.UseStatusCodePagesWithReExecute(ErrorPagePath + "/{0}"));
        app.UseWhen(c => !IsPageRequest(c), api => api.UseStatusCodePages());

        app.UseMiddleware<CrossSiteRequestGuard>();
        app.UseRequestLocalization(Localization.NewsroomCultures.Options());
        app.UseLanguageSwitch();

        // Routing after the error handlers, so that a re-executed request is routed to the error page again.
        app.UseRouting();
        return app;
    }

    /// <summary>
    /// After the health endpoints (a load balancer probes them over plain HTTP): HTTPS redirection when
    /// <c>Newsroom:Https:Redirect</c> is on (behind nginx, nginx redirects), and in Development over plain HTTP the
    /// cookies without their <c>__Host-</c> prefix (<see cref="PlainHttpCookiesMiddleware"/>).
    /// </summary>
    private static void UseNewsroomTransport(IApplicationBuilder app)
    {
        var services = app.ApplicationServices;
        if (HttpsRedirect(services.GetRequiredService<IConfiguration>()))
        {
            app.UseHttpsRedirection();
        }

        if (services.GetRequiredService<IHostEnvironment>().IsDevelopment())
        {
            app.UseMiddleware<PlainHttpCookiesMiddleware>();
        }
    }

    private static bool HttpsRedirect(IConfiguration configuration) => configuration.GetValue("Newsroom:Https:Redirect", false);

    /// <summary>
    /// Kept public pages for readers without cookies (<see cref="KeptPageCache"/>), beside the output cache (call after
    /// <c>AddOutputCache</c>): its store is wrapped so that evicting a tag drops the kept pages too. The pages' output
    /// cache policy must end with <see cref="KeptPagePolicy"/>.
    /// </summary>
    public static IServiceCollection AddKeptPages(this IServiceCollection services)
    {
        services.AddSingleton<KeptPageCache>();
        var store = services.LastOrDefault(d => d.ServiceType == typeof(Microsoft.AspNetCore.OutputCaching.IOutputCacheStore))
            ?? throw new InvalidOperationException("AddKeptPages needs AddOutputCache first.");
        services.Remove(store);
        services.AddSingleton<Microsoft.AspNetCore.OutputCaching.IOutputCacheStore>(sp => new KeptPageStore(
            store.ImplementationInstance as Microsoft.AspNetCore.OutputCaching.IOutputCacheStore
                ?? (Microsoft.AspNetCore.OutputCaching.IOutputCacheStore)(store.ImplementationFactory?.Invoke(sp)
                    ?? ActivatorUtilities.CreateInstance(sp, store.ImplementationType!)),
            sp.GetRequiredService<KeptPageCache>()));

        services.AddSingleton<KeptPageFront>();
        services.AddSingleton<KeptPageWire>();
        services.AddSingleton<IConfigureOptions<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>, KeptPageWire.Setup>();
        return services.AddKeptPageServer();
    }

    /// <summary>
    /// The server registered so far, with kept pages handed out before the hosting layer (<see cref="KeptPageFront"/>).
    /// <see cref="AddKeptPages"/> calls it; a host that registers its server later (a test host's Kestrel) calls it
    /// again after. A server registered after it and not through it has no such front.
    /// </summary>
    public static IServiceCollection AddKeptPageServer(this IServiceCollection services)
    {
        if (services.LastOrDefault(d => d.ServiceType == typeof(IServer)) is { } server && server.ImplementationFactory?.Target is not KeptPageServer.Factory)
        {
            services.Remove(server);
            services.AddSingleton<IServer>(new KeptPageServer.Factory(server).Create);
        }

        return services;
    }

    /// <summary>
    /// Request bodies held to their endpoint's limits before any work is done on them (after authorization: see
    /// <see cref="RequestLimitsMiddleware"/>).
    /// </summary>
    public static IApplicationBuilder UseRequestLimits(this IApplicationBuilder app) => app.UseMiddleware<RequestLimitsMiddleware>();

    /// <summary>
    /// Static files; those asked for with their content hash (<c>?v=</c>, from <c>asp-append-version</c>) are kept by
    /// browsers for a year, since a change gives them another address.
    /// </summary>
    public static IApplicationBuilder UseNewsroomStaticFiles(this IApplicationBuilder app)
        => app.UseStaticFiles(new StaticFileOptions
        {
            OnPrepareResponse = c => c.Context.Response.Headers.CacheControl = c.Context.Request.Query.ContainsKey("v")
                ? "public, max-age=31536000, immutable"
                : "public, max-age=3600",
        });

    /// <summary>Where the HTML error page lives; the theme provides it.</summary>
    public const string ErrorPagePath = "/galat";

    /// <summary>A request for a page a person reads, as opposed to the API, a file or a static asset.</summary>
    public static bool IsPageRequest(HttpContext context) => IsPagePath(context.Request.Path);

    /// <summary>Whether a path is one of a page a person reads (see <see cref="IsPageRequest"/>).</summary>
    public static bool IsPagePath(PathString path)
    {
        foreach (var prefix in NotPagePrefixes)
        {
            if (path.StartsWithSegments(prefix))
            {
                return false;
            }
        }

        return !Path.HasExtension(path.Value);
    }

    /// <summary>Made once: a string turned into a <see cref="PathString"/> is checked for escapes on every use.</summary>
    private static readonly PathString[] NotPagePrefixes = ["/api", "/media", "/openapi", "/_content", "/css"];

    /// <summary>Problem details in Indonesian for the statuses the framework produces by itself.</summary>
    public static string StatusTitle(int status) => status switch
    {
        StatusCodes.Status400BadRequest => "Permintaan tidak valid",
        StatusCodes.Status401Unauthorized => "Silakan masuk terlebih dahulu",
        StatusCodes.Status403Forbidden => "Tidak diizinkan",
        StatusCodes.Status404NotFound => "Tidak ditemukan",
        StatusCodes.Status405MethodNotAllowed => "Metode tidak diizinkan",
        StatusCodes.Status409Conflict => "Konflik",
        StatusCodes.Status413PayloadTooLarge => "Berkas terlalu besar",
        StatusCodes.Status415UnsupportedMediaType => "Jenis konten tidak didukung",
        StatusCodes.Status429TooManyRequests => "Terlalu banyak permintaan",
        StatusCodes.Status503ServiceUnavailable => "Layanan sedang tidak tersedia",
        _ => "Terjadi kesalahan pada server",
    };
}
