using Diskominfo.Newsroom.Abstractions.Security;
using Hangfire;
using Hangfire.Dashboard;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Diskominfo.Newsroom.Publishing.Endpoints;

/// <summary>Hangfire's dashboard, for admins only, at the desk's path (this host's own job storage).</summary>
internal static class JobDashboard
{
    public const string Path = "/admin/pekerjaan";

    public static void MapJobDashboard(this IEndpointRouteBuilder endpoints)
    {
        var storage = endpoints.ServiceProvider.GetRequiredService<JobStorage>();
        endpoints.MapHangfireDashboard(Path, new DashboardOptions
            {
                AppPath = "/admin",
                DashboardTitle = "Pekerjaan latar Newsroom",
                DisplayStorageConnectionString = false,
                Authorization = [new AdminOnly()],
            }, storage)
            .RequireAuthorization(NewsroomPolicies.Admin);
    }

    /// <summary>Checked again inside Hangfire, so the dashboard stays closed even if the endpoint's policy were lost.</summary>
    private sealed class AdminOnly : IDashboardAuthorizationFilter
    {
        public bool Authorize(DashboardContext context) => context.GetHttpContext().User.IsInRole(NewsroomRoles.Admin);
    }
}
