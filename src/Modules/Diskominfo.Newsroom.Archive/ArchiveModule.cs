using Diskominfo.Newsroom.Abstractions.Admin;
using Diskominfo.Newsroom.Archive.Components;
using Diskominfo.Newsroom.Abstractions.Archive;
using Diskominfo.Newsroom.Abstractions.Events;
using Diskominfo.Newsroom.Archive.Data;
using Diskominfo.Newsroom.Archive.Handlers;
using Diskominfo.Newsroom.Archive.Services;
using Diskominfo.Newsroom.Infrastructure.Data;
using Diskominfo.Newsroom.Archive.Endpoints;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Diskominfo.Newsroom.Archive;

public static class ArchiveModule
{
    internal const string Name = "archive";

    /// <summary>Archive records with numbers and classification codes, assigned when an item's publications finish.</summary>
    public static IServiceCollection AddArchiveModule(this IServiceCollection services)
    {
        services.AddModuleDbContext<ArchiveDbContext, SqliteArchiveDbContext, PostgresArchiveDbContext>(Name);
        services.AddSingleton(new ItemPanel(ArchivePanel.Name, 40));
        services.AddOptions<ArchiveOptions>().BindConfiguration("Newsroom:Archive");
        services.AddScoped<ArchiveSheetBuilder>();
        services.AddSingleton<ArchiveSeal>();
        services.AddScoped<ArchiveSheetVerifier>();
        services.AddSingleton<ArchiveSheetRendering>();
        services.AddScoped<ArchiveOnPublicationsCompleted>();
        services.AddScoped<IEventHandler<ItemPublicationsCompleted>>(sp => sp.GetRequiredService<ArchiveOnPublicationsCompleted>());
        services.AddScoped<IArchiveQuery>(sp => sp.GetRequiredService<ArchiveOnPublicationsCompleted>());
        return services;
    }

    public static IEndpointRouteBuilder MapArchiveEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapArchiveSheet();
        return endpoints;
    }
}
