using Diskominfo.Newsroom.Abstractions.Admin;
using Diskominfo.Newsroom.Calendar.Data;
using Diskominfo.Newsroom.Calendar.Endpoints;
using Diskominfo.Newsroom.Calendar.Services;
using Diskominfo.Newsroom.Infrastructure.Data;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Diskominfo.Newsroom.Calendar;

public static class CalendarModule
{
    internal const string Name = "calendar";

    /// <summary>The desk's calendar page.</summary>
    public const string DeskPath = "/admin/kalender";

    /// <summary>The page where a person makes or revokes his feed address.</summary>
    public const string SubscriptionPath = "/admin/kalender/langganan";

    /// <summary>The office's calendar over every module's <see cref="Abstractions.Calendar.ICalendarSource"/>, and the per-person feeds.</summary>
    public static IServiceCollection AddCalendarModule(this IServiceCollection services)
    {
        services.AddModuleDbContext<CalendarDbContext, SqliteCalendarDbContext, PostgresCalendarDbContext>(Name);
        services.AddScoped<CalendarService>();
        services.AddScoped<FeedTokens>();
        services.AddScoped<CalendarFeeds>();
        services.AddSingleton(new AdminMenuItem("Kalender", DeskPath, 15));
        return services;
    }

    public static IEndpointRouteBuilder MapCalendarEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapCalendarApi();
        return endpoints;
    }
}
