using Diskominfo.Newsroom.Infrastructure.Data;
using Microsoft.EntityFrameworkCore.Design;

namespace Diskominfo.Newsroom.Coordination.Data;

internal sealed class SqliteCoordinationDesignFactory : IDesignTimeDbContextFactory<SqliteCoordinationDbContext>
{
    public SqliteCoordinationDbContext CreateDbContext(string[] args)
        => DesignTimeContextFactory.Create<SqliteCoordinationDbContext>(DatabaseProvider.Sqlite, (o, d) => new(o, d), CoordinationModule.Name);
}

internal sealed class PostgresCoordinationDesignFactory : IDesignTimeDbContextFactory<PostgresCoordinationDbContext>
{
    public PostgresCoordinationDbContext CreateDbContext(string[] args)
        => DesignTimeContextFactory.Create<PostgresCoordinationDbContext>(DatabaseProvider.Postgres, (o, d) => new(o, d), CoordinationModule.Name);
}
