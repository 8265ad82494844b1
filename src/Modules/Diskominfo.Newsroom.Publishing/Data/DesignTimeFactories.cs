using Diskominfo.Newsroom.Infrastructure.Data;
using Microsoft.EntityFrameworkCore.Design;

namespace Diskominfo.Newsroom.Publishing.Data;

internal sealed class SqlitePublishingDesignFactory : IDesignTimeDbContextFactory<SqlitePublishingDbContext>
{
    public SqlitePublishingDbContext CreateDbContext(string[] args)
        => DesignTimeContextFactory.Create<SqlitePublishingDbContext>(DatabaseProvider.Sqlite, (o, d) => new(o, d), PublishingModule.Name);
}

internal sealed class PostgresPublishingDesignFactory : IDesignTimeDbContextFactory<PostgresPublishingDbContext>
{
    public PostgresPublishingDbContext CreateDbContext(string[] args)
        => DesignTimeContextFactory.Create<PostgresPublishingDbContext>(DatabaseProvider.Postgres, (o, d) => new(o, d), PublishingModule.Name);
}
