using Diskominfo.Newsroom.Infrastructure.Data;
using Microsoft.EntityFrameworkCore.Design;

namespace Diskominfo.Newsroom.Users.Data;

internal sealed class SqliteUsersDesignFactory : IDesignTimeDbContextFactory<SqliteUsersDbContext>
{
    public SqliteUsersDbContext CreateDbContext(string[] args)
        => DesignTimeContextFactory.Create<SqliteUsersDbContext>(DatabaseProvider.Sqlite, (o, d) => new(o, d), UsersModule.Name);
}

internal sealed class PostgresUsersDesignFactory : IDesignTimeDbContextFactory<PostgresUsersDbContext>
{
    public PostgresUsersDbContext CreateDbContext(string[] args)
        => DesignTimeContextFactory.Create<PostgresUsersDbContext>(DatabaseProvider.Postgres, (o, d) => new(o, d), UsersModule.Name);
}
