using Diskominfo.Newsroom.Abstractions.Admin;
using Diskominfo.Newsroom.Abstractions.Audit;
using Diskominfo.Newsroom.Abstractions.Events;
using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Audit.Data;
using Diskominfo.Newsroom.Audit.Endpoints;
using Diskominfo.Newsroom.Audit.Handlers;
using Diskominfo.Newsroom.Audit.Services;
using Diskominfo.Newsroom.Infrastructure.Data;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Diskominfo.Newsroom.Audit;

public static class AuditModule
{
    internal const string Name = "audit";

    /// <summary>The desk page of the log.</summary>
    public const string DeskPath = "/admin/audit";

    /// <summary>The office's audit log: every <see cref="AuditEvent"/> becomes an entry that cannot be changed or deleted.</summary>
    public static IServiceCollection AddAuditModule(this IServiceCollection services)
    {
        services.AddModuleDbContext<AuditDbContext, SqliteAuditDbContext, PostgresAuditDbContext>(Name);
        services.AddHttpContextAccessor();
        services.AddScoped<IEventHandler<AuditEvent>, WriteAuditEntry>();
        services.AddScoped<AuditQuery>();
        services.AddSingleton(new AdminMenuItem("Log audit", DeskPath, 97, NewsroomRoles.Admin));
        return services;
    }

    public static IEndpointRouteBuilder MapAuditEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapAuditApi();
        return endpoints;
    }
}
