using Diskominfo.Newsroom.Abstractions.Admin;
using Diskominfo.Newsroom.Abstractions.Reports;
using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Infrastructure.Data;
using Diskominfo.Newsroom.Reports.Data;
using Diskominfo.Newsroom.Reports.Endpoints;
using Diskominfo.Newsroom.Reports.Services;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Diskominfo.Newsroom.Reports;

public static class ReportsModule
{
    internal const string Name = "reports";

    /// <summary>
    /// The adventorial spend against the yearly budgets and the monthly clipping book. The adventorials and clippings are
    /// the Content module's (<c>IAdventorialOrders</c>, <c>IClippingQuery</c>), the scans the Media module's (<c>IScanImages</c>).
    /// </summary>
    public static IServiceCollection AddReportsModule(this IServiceCollection services)
    {
        services.AddModuleDbContext<ReportsDbContext, SqliteReportsDbContext, PostgresReportsDbContext>(Name);
        services.AddOptions<ReportsOptions>().BindConfiguration("Newsroom:Reports");
        services.AddSingleton<ReportRendering>();
        services.AddScoped<AdventorialSpend>();
        services.AddScoped<IAdventorialBudget>(sp => sp.GetRequiredService<AdventorialSpend>());
        services.AddScoped<BudgetSettings>();
        services.AddScoped<ClippingBookBuilder>();
        services.AddSingleton(new AdminMenuItem("Belanja adventorial", ReportPaths.SpendDesk, 56, ReportPaths.SpendReaders));
        services.AddSingleton(new AdminMenuItem("Buku kliping", ReportPaths.BookDesk, 57, ReportPaths.BookReaders));
        services.AddSingleton(new AdminMenuItem("Anggaran adventorial", ReportPaths.BudgetSettings, 89, NewsroomRoles.Admin));
        return services;
    }

    public static IEndpointRouteBuilder MapReportsEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapReportEndpoints();
        return endpoints;
    }
}
