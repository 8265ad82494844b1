using Diskominfo.Newsroom.Archive;
using Diskominfo.Newsroom.Audit;
using Diskominfo.Newsroom.Backup;
using Diskominfo.Newsroom.Calendar;
using Diskominfo.Newsroom.Content;
using Diskominfo.Newsroom.Editorial;
using Diskominfo.Newsroom.Infrastructure.Hosting;
using Diskominfo.Newsroom.Infrastructure.Http;
using Diskominfo.Newsroom.Media;
using Diskominfo.Newsroom.Notifications;
using Diskominfo.Newsroom.Operations;
using Diskominfo.Newsroom.Organization;
using Diskominfo.Newsroom.Publishing;
using Diskominfo.Newsroom.Search;
using Diskominfo.Newsroom.Theme;
using Diskominfo.Newsroom.Users;

var builder = WebApplication.CreateBuilder(args).UseNewsroomUrls();
builder.Services.AddNewsroomInfrastructure().AddOpenApi().AddRateLimiter(RateLimitRejection.Configure);
builder.Services
    .AddUsersModule()
    .AddOrganizationModule()
    .AddContentModule()
    .AddEditorialModule()
    .AddMediaModule()
    .AddPublishingModule(builder.Configuration)
    .AddArchiveModule()
    .AddSearchModule()
    .AddNotificationsModule().AddCalendarModule()
    .AddAuditModule().AddOperationsModule().AddBackupModule()
    .AddNewsroomTheme();

var app = builder.Build();
if (await app.RunCommandAsync(args) is { } exitCode)
{
    return exitCode; // migrate, create-admin, rebuild-search-index, backup, restore
}

app.UseOperationsModule().UseNewsroomDefaults(); // health, metrics and the correlation id first
app.UseNewsroomStaticFiles();
app.UseAuthentication();
app.UseRateLimiter(); // after authentication: the API's limit counts per account
app.UseUsersModule();
app.UseAuthorization();
app.UseRequestLimits();
app.UseOutputCache();
app.UseAntiforgery();
app.MapOpenApi();
app.MapUsersEndpoints().MapOrganizationEndpoints().MapContentEndpoints().MapEditorialEndpoints().MapMediaEndpoints().MapNotificationsEndpoints().MapPublishingEndpoints().MapSearchEndpoints().MapArchiveEndpoints().MapAuditEndpoints().MapCalendarEndpoints();
app.MapNewsroomTheme();
app.MapRazorPages();
return await app.RunNewsroomAsync();

/// <summary>The entry point, visible to the functional tests' WebApplicationFactory.</summary>
public partial class Program;
