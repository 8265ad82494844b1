using Diskominfo.Newsroom.Abstractions.Admin;
using Diskominfo.Newsroom.Abstractions.Calendar;
using Diskominfo.Newsroom.Abstractions.Editorial;
using Diskominfo.Newsroom.Abstractions.Events;
using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Editorial.Components;
using Diskominfo.Newsroom.Editorial.Data;
using Diskominfo.Newsroom.Editorial.Endpoints;
using Diskominfo.Newsroom.Editorial.Handlers;
using Diskominfo.Newsroom.Editorial.Models;
using Diskominfo.Newsroom.Editorial.Services;
using Diskominfo.Newsroom.Editorial.Settings;
using Diskominfo.Newsroom.Infrastructure.Data;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Diskominfo.Newsroom.Editorial;

public static class EditorialModule
{
    internal const string Name = "editorial";

    /// <summary>The approval chain, the edit gate, the history, standard times in working time, the embargo.</summary>
    public static IServiceCollection AddEditorialModule(this IServiceCollection services)
    {
        services.AddModuleDbContext<EditorialDbContext, SqliteEditorialDbContext, PostgresEditorialDbContext>(Name);
        services.AddSingleton<HistoryChain>();
        services.AddScoped<EditorialService>();
        services.AddScoped<EditorialSettings>();
        services.AddScoped<ChecklistService>();
        services.AddScoped<IEditorialChecklist>(sp => sp.GetRequiredService<ChecklistService>());
        services.AddSingleton(new AdminMenuItem("Daftar periksa", ChecklistPaths.SettingsPage, 91, NewsroomRoles.Admin));
        services.AddScoped<ServiceTimeReport>();
        services.AddSingleton(new ItemPanel(EditorialPanel.Name, 10));
        services.AddSingleton(new AdminMenuItem("Waktu layanan", "/admin/laporan/waktu-layanan", 50,
            NewsroomRoles.Kasi, NewsroomRoles.Kabid, NewsroomRoles.Kadis, NewsroomRoles.Admin));
        services.AddSingleton(new AdminMenuItem("Alur dan waktu baku", "/admin/pengaturan/alur", 90, NewsroomRoles.Admin));
        services.AddScoped<WorkflowQuery>();
        services.AddScoped<IWorkflowQuery>(sp => sp.GetRequiredService<WorkflowQuery>());
        services.AddScoped<IEditGate>(sp => sp.GetRequiredService<WorkflowQuery>());
        services.AddScoped<IEmbargoQuery>(sp => sp.GetRequiredService<WorkflowQuery>());
        services.AddScoped<ICalendarSource, EmbargoCalendarSource>();
        services.AddScoped<WorkflowHandlers>();
        services.AddScoped<IEventHandler<ItemCreated>>(sp => sp.GetRequiredService<WorkflowHandlers>());
        services.AddScoped<IEventHandler<ItemContentChanged>>(sp => sp.GetRequiredService<WorkflowHandlers>());
        services.AddScoped<IEventHandler<PublicationFinished>>(sp => sp.GetRequiredService<WorkflowHandlers>());
        services.AddScoped<IEventHandler<ItemArchived>>(sp => sp.GetRequiredService<WorkflowHandlers>());
        services.AddScoped<IEventHandler<PublicationRescheduled>, RecordPublicationRescheduled>();
        return services;
    }

    public static IEndpointRouteBuilder MapEditorialEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapApprovalEndpoints();
        endpoints.MapDeskToolEndpoints();
        endpoints.MapEmbargoEndpoints();
        endpoints.MapChecklistEndpoints();
        return endpoints;
    }
}
