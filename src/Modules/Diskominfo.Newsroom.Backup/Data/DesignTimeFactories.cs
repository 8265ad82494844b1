using Diskominfo.Newsroom.Infrastructure.Data;
using Microsoft.EntityFrameworkCore.Design;

namespace Diskominfo.Newsroom.Backup.Data;

internal sealed class SqliteBackupDesignFactory : IDesignTimeDbContextFactory<SqliteBackupDbContext>
{
    public SqliteBackupDbContext CreateDbContext(string[] args)
        => DesignTimeContextFactory.Create<SqliteBackupDbContext>(DatabaseProvider.Sqlite, (o, d) => new(o, d), BackupModule.Name);
}

internal sealed class PostgresBackupDesignFactory : IDesignTimeDbContextFactory<PostgresBackupDbContext>
{
    public PostgresBackupDbContext CreateDbContext(string[] args)
        => DesignTimeContextFactory.Create<PostgresBackupDbContext>(DatabaseProvider.Postgres, (o, d) => new(o, d), BackupModule.Name);
}
