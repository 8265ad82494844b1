namespace Diskominfo.Newsroom.Infrastructure.Data;

/// <summary>Brings one module's tables up to date (at start-up, or by the <c>migrate</c> command).</summary>
public interface IModuleMigration
{
    string Module { get; }

    Task MigrateAsync(IServiceProvider scopedServices, CancellationToken cancellationToken);

    /// <summary>The migrations not yet applied to the database (none when the module cannot tell).</summary>
    Task<IReadOnlyList<string>> PendingAsync(IServiceProvider scopedServices, CancellationToken cancellationToken)
        => Task.FromResult<IReadOnlyList<string>>([]);

    /// <summary>
    /// Migrations applied to the database that this code does not know: a newer version migrated it (none when the
    /// module cannot tell).
    /// </summary>
    Task<IReadOnlyList<string>> UnknownAsync(IServiceProvider scopedServices, CancellationToken cancellationToken)
        => Task.FromResult<IReadOnlyList<string>>([]);

    /// <summary>
    /// Whether the module's model has changes no migration captures (a developer forgot to add one). Asked by a test
    /// for every module on both engines, not at every start: EF Core's own check at start diffed the whole model.
    /// </summary>
    bool HasPendingModelChanges(IServiceProvider scopedServices) => false;

    /// <summary>Every migration this code has for the module, oldest first (none when the module cannot tell): a backup's manifest lists them.</summary>
    IReadOnlyList<string> Known(IServiceProvider scopedServices) => [];
}
