using Diskominfo.Newsroom.Abstractions.Admin;
using Diskominfo.Newsroom.Abstractions.Organization;
using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Infrastructure.Data;
using Diskominfo.Newsroom.Infrastructure.Hosting;
using Diskominfo.Newsroom.Organization.Data;
using Diskominfo.Newsroom.Organization.Endpoints;
using Diskominfo.Newsroom.Organization.Services;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Diskominfo.Newsroom.Organization;

public static class OrganizationModule
{
    internal const string Name = "organization";

    /// <summary>The office's bidang and seksi, its acting officials (Plh/Plt), and <see cref="IOrganization"/> for the approval chain.</summary>
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
        services.AddSingleton(new AdminMenuItem("Organisasi", OrganizationPaths.Structure, 85));
        services.AddSingleton(new AdminMenuItem("Plh/Plt", OrganizationPaths.Delegations, 86, NewsroomRoles.Kadis, NewsroomRoles.Admin));
        return services;
    }

    public static IEndpointRouteBuilder MapOrganizationEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapSectionEndpoints();
        endpoints.MapDelegationEndpoints();
        return endpoints;
    }
}
