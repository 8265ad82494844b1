using Diskominfo.Newsroom.Abstractions.Admin;
using Diskominfo.Newsroom.Abstractions.Calendar;
using Diskominfo.Newsroom.Abstractions.Editorial;
using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Coverage.Components;
using Diskominfo.Newsroom.Coverage.Data;
using Diskominfo.Newsroom.Coverage.Endpoints;
using Diskominfo.Newsroom.Coverage.Services;
using Diskominfo.Newsroom.Infrastructure.Data;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Diskominfo.Newsroom.Coverage;

public static class CoverageModule
{
    internal const string Name = "coverage";

    /// <summary>
    /// Coverage assignments (SOP Peliputan Pemberitaan) from the activity schedule to the press release, and the monthly
    /// bulletin. The schedule (<c>IActivitySchedule</c>) is the Coordination module's: add that module too.
    /// </summary>
    public static IServiceCollection AddCoverageModule(this IServiceCollection services)
    {
        services.AddModuleDbContext<CoverageDbContext, SqliteCoverageDbContext, PostgresCoverageDbContext>(Name);
        services.AddOptions<CoverageOptions>().BindConfiguration("Newsroom:Coverage").ValidateOnStart();
        services.AddSingleton<IValidateOptions<CoverageOptions>, CoverageOptionsValidation>();
        services.AddSingleton<ReportPhotoStore>();
        services.AddSingleton<BulletinRendering>();
        services.AddScoped<CoverageStandards>();
        services.AddScoped<CoverageNotices>();
        services.AddScoped<AssignmentService>();
        services.AddScoped<AssignmentQueries>();
        services.AddScoped<BulletinBuilder>();
        services.AddScoped<IAssignmentLinks, AssignmentLinks>();
        services.AddScoped<IServiceTimeSource, CoverageServiceTimeSource>();
        services.AddScoped<ICalendarSource, AssignmentCalendarSource>();
        services.AddSingleton(new ItemPanel(CoveragePanel.Name, 5));
        services.AddSingleton(new AdminMenuItem("Liputan", "/admin/liputan", 15));
        services.AddSingleton(new AdminMenuItem("Waktu baku liputan", "/admin/pengaturan/liputan", 91, NewsroomRoles.Admin));
        return services;
    }

    public static IEndpointRouteBuilder MapCoverageEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapAssignmentEndpoints();
        return endpoints;
    }
}
