using Diskominfo.Newsroom.Infrastructure.Data;
using Microsoft.EntityFrameworkCore.Design;

namespace Diskominfo.Newsroom.Notifications.Data;

internal sealed class SqliteNotificationsDesignFactory : IDesignTimeDbContextFactory<SqliteNotificationsDbContext>
{
    public SqliteNotificationsDbContext CreateDbContext(string[] args)
        => DesignTimeContextFactory.Create<SqliteNotificationsDbContext>(DatabaseProvider.Sqlite, (o, d) => new(o, d), NotificationsModule.Name);
}

internal sealed class PostgresNotificationsDesignFactory : IDesignTimeDbContextFactory<PostgresNotificationsDbContext>
{
    public PostgresNotificationsDbContext CreateDbContext(string[] args)
        => DesignTimeContextFactory.Create<PostgresNotificationsDbContext>(DatabaseProvider.Postgres, (o, d) => new(o, d), NotificationsModule.Name);
}
