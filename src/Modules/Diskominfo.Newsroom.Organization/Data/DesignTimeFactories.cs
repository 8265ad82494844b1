using Diskominfo.Newsroom.Infrastructure.Data;
using Microsoft.EntityFrameworkCore.Design;

namespace Diskominfo.Newsroom.Organization.Data;

internal sealed class SqliteOrganizationDesignFactory : IDesignTimeDbContextFactory<SqliteOrganizationDbContext>
{
    public SqliteOrganizationDbContext CreateDbContext(string[] args)
        => DesignTimeContextFactory.Create<SqliteOrganizationDbContext>(DatabaseProvider.Sqlite, (o, d) => new(o, d), OrganizationModule.Name);
}

internal sealed class PostgresOrganizationDesignFactory : IDesignTimeDbContextFactory<PostgresOrganizationDbContext>
{
    public PostgresOrganizationDbContext CreateDbContext(string[] args)
        => DesignTimeContextFactory.Create<PostgresOrganizationDbContext>(DatabaseProvider.Postgres, (o, d) => new(o, d), OrganizationModule.Name);
}
