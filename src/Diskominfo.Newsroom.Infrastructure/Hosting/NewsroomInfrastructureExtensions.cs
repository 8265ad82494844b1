using Diskominfo.Newsroom.Abstractions.Events;
using Diskominfo.Newsroom.Infrastructure.Data;
using Diskominfo.Newsroom.Infrastructure.Events;
using Diskominfo.Newsroom.Infrastructure.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Diskominfo.Newsroom.Infrastructure.Hosting;

public static class NewsroomInfrastructureExtensions
{
    /// <summary>Data folder, database connection, events, start-up, problem details.</summary>
    public static IServiceCollection AddNewsroomInfrastructure(this IServiceCollection services)
    {
        services.AddOptions<DataDirectoryOptions>()
            .Configure<Microsoft.Extensions.Configuration.IConfiguration>((o, c) =>
                o.Path = Path.GetFullPath(string.IsNullOrWhiteSpace(c["Newsroom:DataDir"]) ? o.Path : c["Newsroom:DataDir"]!));
        services.AddSingleton<IConfigureOptions<NewsroomDatabaseOptions>, NewsroomDatabaseOptionsSetup>();
        services.AddScoped<NewsroomDatabase>();
        services.AddScoped<IEventPublisher, EventPublisher>();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<NewsroomInitializer>();
        services.AddHostedService(sp => sp.GetRequiredService<NewsroomInitializer>());
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
        return services;
    }

    /// <summary>Security headers, Indonesian problem details for errors and for bare status codes.</summary>
    public static IApplicationBuilder UseNewsroomDefaults(this IApplicationBuilder app)
    {
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        return app;
    }

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
        _ => "Terjadi kesalahan pada server",
    };
}
