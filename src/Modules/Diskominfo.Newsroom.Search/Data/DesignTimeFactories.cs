using Diskominfo.Newsroom.Infrastructure.Data;
using Microsoft.EntityFrameworkCore.Design;

namespace Diskominfo.Newsroom.Search.Data;

internal sealed class SqliteSearchDesignFactory : IDesignTimeDbContextFactory<SqliteSearchDbContext>
{
    public SqliteSearchDbContext CreateDbContext(string[] args)
        => DesignTimeContextFactory.Create<SqliteSearchDbContext>(DatabaseProvider.Sqlite, (o, d) => new(o, d), SearchModule.Name);
}

internal sealed class PostgresSearchDesignFactory : IDesignTimeDbContextFactory<PostgresSearchDbContext>
{
    public PostgresSearchDbContext CreateDbContext(string[] args)
        => DesignTimeContextFactory.Create<PostgresSearchDbContext>(DatabaseProvider.Postgres, (o, d) => new(o, d), SearchModule.Name);
}
