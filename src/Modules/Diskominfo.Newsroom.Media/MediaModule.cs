using Diskominfo.Newsroom.Abstractions.Admin;
using Diskominfo.Newsroom.Abstractions.Media;
using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Infrastructure.Data;
using Diskominfo.Newsroom.Infrastructure.Hosting;
using Diskominfo.Newsroom.Media.Components;
using Diskominfo.Newsroom.Media.Data;
using Diskominfo.Newsroom.Media.Endpoints;
using Diskominfo.Newsroom.Media.Services;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Diskominfo.Newsroom.Media;

public static class MediaModule
{
    internal const string Name = "media";

    /// <summary>Uploads, stored originals, social renditions.</summary>
    public static IServiceCollection AddMediaModule(this IServiceCollection services)
    {
        services.AddModuleDbContext<MediaDbContext, SqliteMediaDbContext, PostgresMediaDbContext>(Name);
        services.AddOptions<MediaOptions>().BindConfiguration("Newsroom:Media");
        services.AddSingleton<MediaStorage>();
        services.AddScoped<UploadService>();
        services.AddScoped<IItemMediaIntake>(sp => sp.GetRequiredService<UploadService>());
        services.AddSingleton<IFileInspector, FileInspector>();
        services.AddScoped<IScanIntake, ScanIntake>();
        services.AddScoped<ITextRecognizer, TesseractRecognizer>();
        services.AddOptions<OcrOptions>().BindConfiguration("Newsroom:Ocr");
        services.AddSingleton<OcrProcesses>();
        services.AddSingleton<PdfPages>();
        services.AddScoped<ScanImages>();
        services.AddScoped<IScanImages>(sp => sp.GetRequiredService<ScanImages>());
        services.AddSingleton(new ItemPanel(MediaPanel.Name, 20));
        services.AddSingleton<RenditionGate>();
        services.AddScoped<MediaLibrary>();
        services.AddScoped<IMediaLibrary>(sp => sp.GetRequiredService<MediaLibrary>());
        services.AddScoped<FocusService>();
        services.AddScoped<LibraryQuery>();
        services.AddScoped<ItemPhotosService>();
        services.AddSingleton(new AdminMenuItem("Pustaka media", LibraryPaths.Library, 25));
        services.AddSingleton<ILogoMaker, LogoMaker>();
        services.AddSingleton<IConfigureOptions<RateLimiterOptions>, MediaRateLimiterSetup>();
        services.AddSingleton<PartialUploadStore>();
        services.AddScoped<ResumableUploadService>();
        services.AddScoped<PartialUploadSweeper>();
        services.AddSingleton<IStartupTask, PartialUploadSweepSchedule>();
        return services;
    }

    public static IEndpointRouteBuilder MapMediaEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var options = endpoints.ServiceProvider.GetRequiredService<IOptions<MediaOptions>>().Value;
        endpoints.MapMediaEndpoints(options.MaxBytes);
        endpoints.MapLibraryEndpoints();
        endpoints.MapResumableUploads(ResumableUploadEndpoints.ApiBase, NewsroomPolicies.ApiStaff, desk: false, options.MaxBytes);
        endpoints.MapResumableUploads(ResumableUploadEndpoints.DeskBase, NewsroomPolicies.Staff, desk: true, options.MaxBytes);
        return endpoints;
    }
}
