using Diskominfo.Newsroom.Infrastructure.Data;
using Microsoft.EntityFrameworkCore.Design;

namespace Diskominfo.Newsroom.Reports.Data;

internal sealed class SqliteReportsDesignFactory : IDesignTimeDbContextFactory<SqliteReportsDbContext>
{
    public SqliteReportsDbContext CreateDbContext(string[] args)
        => DesignTimeContextFactory.Create<SqliteReportsDbContext>(DatabaseProvider.Sqlite, (o, d) => new(o, d), ReportsModule.Name);
}

internal sealed class PostgresReportsDesignFactory : IDesignTimeDbContextFactory<PostgresReportsDbContext>
{
    public PostgresReportsDbContext CreateDbContext(string[] args)
        => DesignTimeContextFactory.Create<PostgresReportsDbContext>(DatabaseProvider.Postgres, (o, d) => new(o, d), ReportsModule.Name);
}
