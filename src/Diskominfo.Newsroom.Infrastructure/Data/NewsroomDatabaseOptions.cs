namespace Diskominfo.Newsroom.Infrastructure.Data;

/// <summary>Settings under <c>Newsroom:Database</c> and <c>ConnectionStrings:Newsroom</c>.</summary>
public sealed class NewsroomDatabaseOptions
{
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Resolved connection string (for SQLite defaults to a file in the data folder).</summary>
    public string ConnectionString { get; set; } = "";
}
