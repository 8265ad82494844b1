using Diskominfo.Newsroom.Abstractions.Admin;
using Diskominfo.Newsroom.Abstractions.Content;
using Diskominfo.Newsroom.Abstractions.Events;
using Diskominfo.Newsroom.Content.Data;
using Diskominfo.Newsroom.Content.Endpoints;
using Diskominfo.Newsroom.Content.Handlers;
using Diskominfo.Newsroom.Content.Services;
using Diskominfo.Newsroom.Infrastructure.Data;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Diskominfo.Newsroom.Content;

public static class ContentModule
{
    internal const string Name = "content";

    /// <summary>Items, types, parts and versions; the published version read by the website.</summary>
    public static IServiceCollection AddContentModule(this IServiceCollection services)
    {
        services.AddModuleDbContext<ContentDbContext, SqliteContentDbContext, PostgresContentDbContext>(Name);
        services.AddSingleton<MarkdownRenderer>();
        services.AddMemoryCache();
        services.AddSingleton(new AdminMenuItem("Kliping", "/admin/kliping", 20));
        services.AddScoped<ContentService>();
        services.AddScoped<ItemSections>();
        services.AddScoped<IContentEditor>(sp => sp.GetRequiredService<ContentService>());
        services.AddScoped<IItemPhotoEditor>(sp => sp.GetRequiredService<ContentService>());
        services.AddScoped(sp => new Lazy<ContentDbContext>(sp.GetRequiredService<ContentDbContext>));
        services.AddScoped<ContentCatalog>();
        services.AddScoped<IContentCatalog>(sp => sp.GetRequiredService<ContentCatalog>());
        services.AddScoped<IPublishedContentQuery>(sp => sp.GetRequiredService<ContentCatalog>());
        services.AddScoped<IContentPublisher, ContentPublisher>();
        services.AddScoped<ISearchableContent, SearchableContent>();
        services.AddScoped<ClippingReport>();
        services.AddScoped<ReportSources>();
        services.AddScoped<IAdventorialOrders>(sp => sp.GetRequiredService<ReportSources>());
        services.AddScoped<IClippingQuery>(sp => sp.GetRequiredService<ReportSources>());
        services.AddScoped<ClippingOcrJob>();
        services.AddScoped<ClippingRecognition>();
        services.AddSingleton(new ItemPanel(Components.ClippingOcrPanel.Name, 21));
        services.AddOptions<ClippingOcrOptions>().BindConfiguration("Newsroom:Ocr");
        services.AddScoped<OcrBacklog>();
        services.AddHostedService<OcrJobServer>();
        services.AddSingleton(new AdminMenuItem("Laporan kliping", "/admin/kliping/laporan", 55));
        services.AddScoped<ItemReader>();
        services.AddScoped<VersionHistory>();
        services.AddSingleton(new ItemPanel(Components.VersionsPanel.Name, 35));
        services.AddScoped<IItemAccess, ItemAccess>();
        services.AddScoped<Abstractions.Calendar.ICalendarSource, AdventorialCalendarSource>();
        services.AddScoped<IEventHandler<ItemSubmitted>, SealVersionOnSubmit>();
        return services;
    }

    public static IEndpointRouteBuilder MapContentEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapItemEndpoints();
        endpoints.MapVersionEndpoints();
        endpoints.MapClippingOcrEndpoints();
        return endpoints;
    }
}
