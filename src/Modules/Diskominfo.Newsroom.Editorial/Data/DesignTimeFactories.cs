using Diskominfo.Newsroom.Editorial.Models;
using Diskominfo.Newsroom.Infrastructure.Data;
using Microsoft.EntityFrameworkCore.Design;

namespace Diskominfo.Newsroom.Editorial.Data;

internal sealed class SqliteEditorialDesignFactory : IDesignTimeDbContextFactory<SqliteEditorialDbContext>
{
    public SqliteEditorialDbContext CreateDbContext(string[] args)
        => DesignTimeContextFactory.Create<SqliteEditorialDbContext>(DatabaseProvider.Sqlite, (o, d) => new(o, d, new HistoryChain(new DesignTimeKeys())), EditorialModule.Name);
}

internal sealed class PostgresEditorialDesignFactory : IDesignTimeDbContextFactory<PostgresEditorialDbContext>
{
    public PostgresEditorialDbContext CreateDbContext(string[] args)
        => DesignTimeContextFactory.Create<PostgresEditorialDbContext>(DatabaseProvider.Postgres, (o, d) => new(o, d, new HistoryChain(new DesignTimeKeys())), EditorialModule.Name);
}
