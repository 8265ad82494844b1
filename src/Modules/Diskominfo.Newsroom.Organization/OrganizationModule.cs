using Diskominfo.Newsroom.Abstractions.Admin;
using Diskominfo.Newsroom.Abstractions.Calendar;
using Diskominfo.Newsroom.Abstractions.Organization;
using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Infrastructure.Data;
using Diskominfo.Newsroom.Infrastructure.Hosting;
using Diskominfo.Newsroom.Organization.Data;
using Diskominfo.Newsroom.Organization.Endpoints;
using Diskominfo.Newsroom.Organization.Services;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Diskominfo.Newsroom.Organization;

public static class OrganizationModule
{
    internal const string Name = "organization";

    /// <summary>The office's bidang and seksi, its acting officials (Plh/Plt), its working calendar (<see cref="IWorkingCalendar"/>), and <see cref="IOrganization"/> for the approval chain.</summary>
    public static IServiceCollection AddOrganizationModule(this IServiceCollection services)
    {
        services.AddModuleDbContext<OrganizationDbContext, SqliteOrganizationDbContext, PostgresOrganizationDbContext>(Name);
        services.AddOptions<OrganizationOptions>().BindConfiguration(OrganizationOptions.Section);
        services.AddScoped<OrgChart>();
        services.AddScoped<StaffDirectory>();
        services.AddScoped<SectionService>();
        services.AddScoped<DelegationService>();
        services.AddScoped<IOrganization, OrganizationService>();
        services.AddSingleton<IStartupTask, DemoStructureSeeder>();

        // The office's working calendar replaces the wall-clock fallback of the infrastructure.
        services.AddSingleton<IConfigureOptions<WorkingCalendarOptions>, WorkingCalendarOptionsSetup>();
        services.AddScoped<WorkingCalendarSettings>();
        services.AddSingleton<OfficeWorkingCalendar>();
        services.AddHostedService(sp => sp.GetRequiredService<OfficeWorkingCalendar>());
        services.Replace(ServiceDescriptor.Singleton<IWorkingCalendar>(sp => sp.GetRequiredService<OfficeWorkingCalendar>()));
        services.AddSingleton(new AdminMenuItem("Hari kerja dan libur", OrganizationPaths.WorkingDays, 87, NewsroomRoles.Admin));
        services.AddSingleton(new AdminMenuItem("Organisasi", OrganizationPaths.Structure, 85));
        services.AddSingleton(new AdminMenuItem("Plh/Plt", OrganizationPaths.Delegations, 86, NewsroomRoles.Kadis, NewsroomRoles.Admin));
        return services;
    }

    public static IEndpointRouteBuilder MapOrganizationEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapSectionEndpoints();
        endpoints.MapDelegationEndpoints();
        endpoints.MapWorkingCalendarEndpoints();
        return endpoints;
    }
}
