using Diskominfo.Newsroom.Infrastructure.Data;
using Microsoft.EntityFrameworkCore.Design;

namespace Diskominfo.Newsroom.Content.Data;

internal sealed class SqliteContentDesignFactory : IDesignTimeDbContextFactory<SqliteContentDbContext>
{
    public SqliteContentDbContext CreateDbContext(string[] args)
        => DesignTimeContextFactory.Create<SqliteContentDbContext>(DatabaseProvider.Sqlite, (o, d) => new(o, d), ContentModule.Name);
}

internal sealed class PostgresContentDesignFactory : IDesignTimeDbContextFactory<PostgresContentDbContext>
{
    public PostgresContentDbContext CreateDbContext(string[] args)
        => DesignTimeContextFactory.Create<PostgresContentDbContext>(DatabaseProvider.Postgres, (o, d) => new(o, d), ContentModule.Name);
}
