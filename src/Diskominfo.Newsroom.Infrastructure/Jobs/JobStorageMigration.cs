using Diskominfo.Newsroom.Infrastructure.Data;
using Hangfire.PostgreSql;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Diskominfo.Newsroom.Infrastructure.Jobs;

/// <summary>
/// Hangfire's tables (schema <c>hangfire</c>) beside PostgreSQL are made by the same migration step as the modules' tables,
/// so that the site can run as a role that may not create them (<c>Newsroom:Database:MigrateAtStart</c> off).
/// </summary>
internal sealed class JobStorageMigration : IModuleMigration
{
    public const string Schema = "hangfire";

    public string Module => "hangfire";

    public async Task MigrateAsync(IServiceProvider scopedServices, CancellationToken cancellationToken)
    {
        var database = scopedServices.GetRequiredService<NewsroomDatabase>();
        if (database.Connection is not NpgsqlConnection connection)
        {
            return;
        }

        if (connection.State != System.Data.ConnectionState.Open)
        {
            await connection.OpenAsync(cancellationToken);
        }

        PostgreSqlObjectsInstaller.Install(connection, Schema);
    }
}
