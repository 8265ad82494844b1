using Diskominfo.Newsroom.Infrastructure.Data;
using Microsoft.EntityFrameworkCore.Design;

namespace Diskominfo.Newsroom.Operations.Data;

internal sealed class SqliteOperationsDesignFactory : IDesignTimeDbContextFactory<SqliteOperationsDbContext>
{
    public SqliteOperationsDbContext CreateDbContext(string[] args)
        => DesignTimeContextFactory.Create<SqliteOperationsDbContext>(DatabaseProvider.Sqlite, (o, d) => new(o, d), OperationsModule.Name);
}

internal sealed class PostgresOperationsDesignFactory : IDesignTimeDbContextFactory<PostgresOperationsDbContext>
{
    public PostgresOperationsDbContext CreateDbContext(string[] args)
        => DesignTimeContextFactory.Create<PostgresOperationsDbContext>(DatabaseProvider.Postgres, (o, d) => new(o, d), OperationsModule.Name);
}
