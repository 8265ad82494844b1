using Diskominfo.Newsroom.Infrastructure.Data;
using Microsoft.EntityFrameworkCore.Design;

namespace Diskominfo.Newsroom.Media.Data;

internal sealed class SqliteMediaDesignFactory : IDesignTimeDbContextFactory<SqliteMediaDbContext>
{
    public SqliteMediaDbContext CreateDbContext(string[] args)
        => DesignTimeContextFactory.Create<SqliteMediaDbContext>(DatabaseProvider.Sqlite, (o, d) => new(o, d), MediaModule.Name);
}

internal sealed class PostgresMediaDesignFactory : IDesignTimeDbContextFactory<PostgresMediaDbContext>
{
    public PostgresMediaDbContext CreateDbContext(string[] args)
        => DesignTimeContextFactory.Create<PostgresMediaDbContext>(DatabaseProvider.Postgres, (o, d) => new(o, d), MediaModule.Name);
}
