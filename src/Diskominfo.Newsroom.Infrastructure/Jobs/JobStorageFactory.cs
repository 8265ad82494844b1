using Diskominfo.Newsroom.Infrastructure.Data;
using Microsoft.Extensions.DependencyInjection;
using Hangfire;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Microsoft.Extensions.Options;

namespace Diskominfo.Newsroom.Infrastructure.Jobs;

/// <summary>Hangfire's storage beside the database: InMemory beside SQLite, PostgreSql beside PostgreSQL (schema <c>hangfire</c>).</summary>
internal static class JobStorageFactory
{
    public static JobStorage Create(IServiceProvider services)
    {
        var database = services.GetRequiredService<IOptions<NewsroomDatabaseOptions>>().Value;
        if (database.Provider != DatabaseProvider.Postgres)
        {
            return new InMemoryStorage(new InMemoryStorageOptions());
        }

        var options = new PostgreSqlStorageOptions
        {
            SchemaName = JobStorageMigration.Schema,

            // Made by the migration step (JobStorageMigration), under the initialization lock: never here, where two nodes
            // starting together would both run the installer, and a site that does not migrate may not create tables.
            PrepareSchemaIfNecessary = false,
            UseSlidingInvisibilityTimeout = true,
            InvisibilityTimeout = TimeSpan.FromMinutes(5),
            QueuePollInterval = TimeSpan.FromMilliseconds(500),

            // A Hangfire lock is a row in hangfire.lock that only its holder deletes, never renewed. One left behind by a
            // killed process (or a release on a broken connection) stalls the delayed-job scheduler until it is this old;
            // the default, 10 minutes, held every short scheduled retry back to the minutely sweep. Hangfire's own locks
            // are held for milliseconds, and the sweep tolerates an overlap (the lease decides).
            DistributedLockTimeout = TimeSpan.FromSeconds(15),

            // Workers wait on LISTEN/NOTIFY instead of each polling the queue table twice a second.
            EnableLongPolling = true,
        };
        return new PostgreSqlStorage(new NpgsqlConnectionFactory(database.ConnectionString, options), options);
    }
}
