using Diskominfo.Newsroom.Infrastructure.Hosting;
using Diskominfo.Newsroom.Infrastructure.Http;

var builder = WebApplication.CreateBuilder(args).UseNewsroomUrls().UseNewsroomBuildOutputAssets();
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
    .AddCoordinationModule().AddCoverageModule().AddCommentsModule().AddReportsModule()
    .AddNewsroomTheme();

var app = builder.Build();
if (await app.RunCommandAsync(args) is { } exitCode)
{
    return exitCode; // migrate, create-admin, rebuild-search-index, backup, restore
}

app.UseNewsroomFront(); // the client's scheme and address, HSTS, then the kept public pages
app.UseOperationsModule().UseNewsroomDefaults(); // health, metrics and the correlation id, then errors and headers
app.UseNewsroomStaticFiles();
app.UseAuthentication();
app.UseRateLimiter(); // after authentication: the API's limit counts per account
app.UseUsersModule();
app.UseAuthorization();
app.UseRequestLimits();
app.UseOutputCache();
app.UseAntiforgery();
app.MapOpenApi();
app.MapUsersEndpoints().MapOrganizationEndpoints().MapContentEndpoints().MapEditorialEndpoints().MapMediaEndpoints().MapNotificationsEndpoints().MapPublishingEndpoints().MapSearchEndpoints().MapArchiveEndpoints().MapAuditEndpoints();
app.MapCoordinationEndpoints().MapCoverageEndpoints().MapCalendarEndpoints().MapCommentsEndpoints().MapReportsEndpoints();
app.MapNewsroomTheme();
app.MapRazorPages();
return await app.RunNewsroomAsync();

/// <summary>The entry point, visible to the functional tests' WebApplicationFactory.</summary>
public partial class Program;
