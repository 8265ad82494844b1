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

    public async Task<IReadOnlyList<string>> UnknownAsync(IServiceProvider scopedServices, CancellationToken cancellationToken)
    {
        var database = scopedServices.GetRequiredService<TContext>().Database;
        var known = database.GetMigrations().ToHashSet(StringComparer.Ordinal);
        return [.. (await database.GetAppliedMigrationsAsync(cancellationToken)).Where(id => !known.Contains(id))];
    }
}
