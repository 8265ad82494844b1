namespace Diskominfo.Newsroom.Infrastructure.Data;

/// <summary>Brings one module's tables up to date at start-up.</summary>
public interface IModuleMigration
{
    string Module { get; }

    Task MigrateAsync(IServiceProvider scopedServices, CancellationToken cancellationToken);
}
