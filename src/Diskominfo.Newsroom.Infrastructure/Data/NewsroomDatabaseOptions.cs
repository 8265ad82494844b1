namespace Diskominfo.Newsroom.Infrastructure.Data;

/// <summary>Settings under <c>Newsroom:Database</c> and <c>ConnectionStrings:Newsroom</c>.</summary>
public sealed class NewsroomDatabaseOptions
{
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Resolved connection string (for SQLite defaults to a file in the data folder).</summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>
    /// The connection the <c>migrate</c> command uses (<c>ConnectionStrings:NewsroomMigrations</c>, by default
    /// <see cref="ConnectionString"/>): on PostgreSQL the owner of the tables, while the site runs as a role that may only
    /// read and write rows.
    /// </summary>
    public string MigrationsConnectionString { get; set; } = "";

    /// <summary>
    /// Whether the site brings the tables up to date when it starts (<c>Newsroom:Database:MigrateAtStart</c>). Default
    /// true, except on PostgreSQL outside Development, where the <c>migrate</c> command does it and the site refuses to
    /// start while a migration is pending.
    /// </summary>
    public bool MigrateAtStart { get; set; } = true;

    /// <summary>
    /// How long a starting site (or the <c>migrate</c> command) waits for another process's initialization of the same
    /// database (<c>Newsroom:Database:InitializationLockTimeout</c>, default 5 minutes) before refusing to start.
    /// </summary>
    public TimeSpan InitializationLockTimeout { get; set; } = TimeSpan.FromMinutes(5);
}
