using Diskominfo.Newsroom.Infrastructure.Data;
using Microsoft.EntityFrameworkCore.Design;

namespace Diskominfo.Newsroom.Archive.Data;

internal sealed class SqliteArchiveDesignFactory : IDesignTimeDbContextFactory<SqliteArchiveDbContext>
{
    public SqliteArchiveDbContext CreateDbContext(string[] args)
        => DesignTimeContextFactory.Create<SqliteArchiveDbContext>(DatabaseProvider.Sqlite, (o, d) => new(o, d), ArchiveModule.Name);
}

internal sealed class PostgresArchiveDesignFactory : IDesignTimeDbContextFactory<PostgresArchiveDbContext>
{
    public PostgresArchiveDbContext CreateDbContext(string[] args)
        => DesignTimeContextFactory.Create<PostgresArchiveDbContext>(DatabaseProvider.Postgres, (o, d) => new(o, d), ArchiveModule.Name);
}
