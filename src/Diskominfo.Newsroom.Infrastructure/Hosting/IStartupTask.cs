namespace Diskominfo.Newsroom.Infrastructure.Hosting;

/// <summary>Work a module needs done once at start-up, after the database is migrated (seeding, recovery).</summary>
public interface IStartupTask
{
    /// <summary>Lower runs first.</summary>
    int Order { get; }

    Task RunAsync(IServiceProvider scopedServices, CancellationToken cancellationToken);
}
