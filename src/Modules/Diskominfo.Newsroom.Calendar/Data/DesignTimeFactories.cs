using Diskominfo.Newsroom.Infrastructure.Data;
using Microsoft.EntityFrameworkCore.Design;

namespace Diskominfo.Newsroom.Calendar.Data;

internal sealed class SqliteCalendarDesignFactory : IDesignTimeDbContextFactory<SqliteCalendarDbContext>
{
    public SqliteCalendarDbContext CreateDbContext(string[] args)
        => DesignTimeContextFactory.Create<SqliteCalendarDbContext>(DatabaseProvider.Sqlite, (o, d) => new(o, d), CalendarModule.Name);
}

internal sealed class PostgresCalendarDesignFactory : IDesignTimeDbContextFactory<PostgresCalendarDbContext>
{
    public PostgresCalendarDbContext CreateDbContext(string[] args)
        => DesignTimeContextFactory.Create<PostgresCalendarDbContext>(DatabaseProvider.Postgres, (o, d) => new(o, d), CalendarModule.Name);
}
