using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Diskominfo.Newsroom.Infrastructure.Data;

internal sealed class ModuleMigration<TContext>(string module) : IModuleMigration
    where TContext : DbContext
{
    public string Module => module;

    public Task MigrateAsync(IServiceProvider scopedServices, CancellationToken cancellationToken)
        => scopedServices.GetRequiredService<TContext>().Database.MigrateAsync(cancellationToken);

    public async Task<IReadOnlyList<string>> PendingAsync(IServiceProvider scopedServices, CancellationToken cancellationToken)
        => [.. await scopedServices.GetRequiredService<TContext>().Database.GetPendingMigrationsAsync(cancellationToken)];

    public IReadOnlyList<string> Known(IServiceProvider scopedServices)
        => [.. scopedServices.GetRequiredService<TContext>().Database.GetMigrations()];
}
