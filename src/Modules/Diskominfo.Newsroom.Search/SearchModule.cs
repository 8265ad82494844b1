using Diskominfo.Newsroom.Abstractions.Admin;
using Diskominfo.Newsroom.Abstractions.Events;
using Diskominfo.Newsroom.Abstractions.Operations;
using Diskominfo.Newsroom.Abstractions.Search;
using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Infrastructure.Data;
using Diskominfo.Newsroom.Infrastructure.Hosting;
using Diskominfo.Newsroom.Search.Data;
using Diskominfo.Newsroom.Search.Endpoints;
using Diskominfo.Newsroom.Search.Handlers;
using Diskominfo.Newsroom.Search.Index;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Diskominfo.Newsroom.Search;

public static class SearchModule
{
    internal const string Name = "search";

    /// <summary>The Indonesian full-text index (derived from the database, rebuilt at will), its API and search pages.</summary>
    public static IServiceCollection AddSearchModule(this IServiceCollection services)
    {
        services.AddModuleDbContext<SearchDbContext, SqliteSearchDbContext, PostgresSearchDbContext>(Name);
        services.AddOptions<SearchOptions>().BindConfiguration("Newsroom:Search");
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<SearchOptions>>().Value;
            var path = string.IsNullOrWhiteSpace(options.IndexPath) ? sp.GetRequiredService<IOptions<DataDirectoryOptions>>().Value.Combine("search-index") : options.IndexPath;
            return new SearchIndex(path, options.KeepIndexResident);
        });
        services.AddSingleton<SearchIndexer>();
        services.AddHostedService(sp => sp.GetRequiredService<SearchIndexer>());
        services.AddSingleton<ISearchEngine, SearchEngine>();
        services.AddSingleton<ISearchInput, SearchInput>();
        services.AddScoped<ISearchIndexStatus, SearchIndexStatus>();
        services.AddSingleton<IConfigureOptions<RateLimiterOptions>, SearchRateLimiterSetup>();
        services.AddScoped<RecordChanges>();
        services.AddScoped<IEventHandler<ItemCreated>>(sp => sp.GetRequiredService<RecordChanges>());
        services.AddScoped<IEventHandler<ItemContentChanged>>(sp => sp.GetRequiredService<RecordChanges>());
        services.AddScoped<IEventHandler<ItemStatusChanged>>(sp => sp.GetRequiredService<RecordChanges>());
        services.AddScoped<IEventHandler<PublicationFinished>>(sp => sp.GetRequiredService<RecordChanges>());
        services.AddScoped<IEventHandler<ItemArchived>>(sp => sp.GetRequiredService<RecordChanges>());
        services.AddNewsroomCommand<RebuildSearchIndexCommand>();
        services.AddSingleton<IRestoreParticipant, SearchRestoreParticipant>();
        services.AddSingleton(new AdminMenuItem("Cari arsip", SearchPaths.Desk, 25));
        services.AddSingleton(new AdminMenuItem("Indeks pencarian", SearchPaths.Maintenance, 94, NewsroomRoles.Admin, NewsroomRoles.Archivist));
        return services;
    }

    public static IEndpointRouteBuilder MapSearchEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapSearchApi();
        return endpoints;
    }

    /// <summary>
    /// <c>rebuild-search-index</c>: builds the index again from the database, with the site stopped (the running
    /// site rebuilds from its admin page instead). Returns the exit code.
    /// </summary>
    public static async Task<int> RebuildCommandAsync(IServiceProvider services, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(output);
        await services.GetRequiredService<NewsroomInitializer>().MigrateAsync(CancellationToken.None);
        SearchIndex index;
        try
        {
            index = services.GetRequiredService<SearchIndex>();
        }
        catch (Lucene.Net.Store.LockObtainFailedException)
        {
            await output.WriteLineAsync("Indeks sedang dipakai oleh situs yang berjalan. Bangun ulang dari halaman " + SearchPaths.Maintenance + ", atau hentikan situs dulu.");
            return 1;
        }

        var started = DateTimeOffset.UtcNow;
        var count = await services.GetRequiredService<SearchIndexer>().RebuildAsync(CancellationToken.None);
        await output.WriteLineAsync($"Indeks pencarian dibangun ulang: {count} naskah dalam {(DateTimeOffset.UtcNow - started).TotalSeconds:0.0} detik, {index.Stats(Fields.StaffScope).Bytes / 1024} KB di {index.Path}.");
        return 0;
    }
}

internal static class SearchPaths
{
    public const string Desk = "/admin/cari";
    public const string Maintenance = "/admin/cari/indeks";
}
