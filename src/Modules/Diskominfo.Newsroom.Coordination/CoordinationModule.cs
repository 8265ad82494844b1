using Diskominfo.Newsroom.Abstractions.Admin;
using Diskominfo.Newsroom.Abstractions.Calendar;
using Diskominfo.Newsroom.Abstractions.Coordination;
using Diskominfo.Newsroom.Abstractions.Editorial;
using Diskominfo.Newsroom.Abstractions.Media;
using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Coordination.Data;
using Diskominfo.Newsroom.Coordination.Endpoints;
using Diskominfo.Newsroom.Coordination.Services;
using Diskominfo.Newsroom.Infrastructure.Data;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Diskominfo.Newsroom.Coordination;

public static class CoordinationModule
{
    internal const string Name = "coordination";

    /// <summary>
    /// Invitations and the activity schedule (SOP Pelaksanaan Koordinasi dan Kerjasama): the agenda book, the chain to
    /// the schedule, the settings of its standard times, and what it offers the others: <see cref="IActivitySchedule"/>,
    /// the calendar's activities and the flow of the service-time report.
    /// </summary>
    public static IServiceCollection AddCoordinationModule(this IServiceCollection services)
    {
        services.AddModuleDbContext<CoordinationDbContext, SqliteCoordinationDbContext, PostgresCoordinationDbContext>(Name);
        services.AddSingleton<LetterStore>();
        services.AddScoped<CoordinationStandards>();
        services.AddScoped<ActivityQueries>();
        services.AddScoped<ActivityRegistration>();
        services.AddScoped<ActivityChain>();
        services.AddScoped<ActivitySchedule>();
        services.AddScoped<IActivitySchedule>(sp => sp.GetRequiredService<ActivitySchedule>());
        services.AddScoped<ICalendarSource>(sp => sp.GetRequiredService<ActivitySchedule>());
        services.AddScoped<IServiceTimeSource, CoordinationServiceTimes>();
        services.AddSingleton(new AdminMenuItem("Kegiatan", CoordinationPaths.Desk, 15));
        services.AddSingleton(new AdminMenuItem("Waktu baku kegiatan", CoordinationPaths.Settings, 91, NewsroomRoles.Admin));
        return services;
    }

    public static IEndpointRouteBuilder MapCoordinationEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapActivityEndpoints(endpoints.ServiceProvider.GetRequiredService<IFileInspector>().MaxBytes);
        return endpoints;
    }
}
