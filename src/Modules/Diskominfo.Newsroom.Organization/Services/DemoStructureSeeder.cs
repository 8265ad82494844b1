using Diskominfo.Newsroom.Abstractions.Organization;
using Diskominfo.Newsroom.Infrastructure.Hosting;
using Diskominfo.Newsroom.Organization.Data;
using Diskominfo.Newsroom.Organization.Models;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Diskominfo.Newsroom.Organization.Services;

/// <summary>
/// With the demo office on (<see cref="DemoMode"/>), makes the demo bidang and seksi (<see cref="DemoOrganization"/>) with
/// their fixed ids when they are missing; an admin's later changes to them are kept.
/// </summary>
internal sealed class DemoStructureSeeder(IConfiguration configuration, IHostEnvironment environment, TimeProvider clock, ILogger<DemoStructureSeeder> logger)
    : IStartupTask
{
    /// <summary>Before the Users module's seeding, so the demo accounts are placed in sections that exist.</summary>
    public int Order => -10;

    public async Task RunAsync(IServiceProvider scopedServices, CancellationToken cancellationToken)
    {
        if (!DemoMode.IsOn(configuration, environment))
        {
            return;
        }

        var db = scopedServices.GetRequiredService<OrganizationDbContext>();
        var existing = await db.Sections.Select(s => s.Id).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        foreach (var demo in DemoOrganization.Sections.Where(s => !existing.Contains(s.Id)))
        {
            db.Sections.Add(new Section
            {
                Id = demo.Id,
                Kind = demo.Kind,
                Name = demo.Name,
                Code = demo.Code,
                ParentId = demo.ParentId,
                Active = demo.Active,
                CreatedAt = now,
                UpdatedAt = now,
            });
            Log.DemoSectionCreated(logger, demo.Kind, demo.Name);
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
