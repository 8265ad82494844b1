using Diskominfo.Newsroom.Infrastructure.Data;
using Microsoft.EntityFrameworkCore.Design;

namespace Diskominfo.Newsroom.Audit.Data;

internal sealed class SqliteAuditDesignFactory : IDesignTimeDbContextFactory<SqliteAuditDbContext>
{
    public SqliteAuditDbContext CreateDbContext(string[] args)
        => DesignTimeContextFactory.Create<SqliteAuditDbContext>(DatabaseProvider.Sqlite, (o, d) => new(o, d), AuditModule.Name);
}

internal sealed class PostgresAuditDesignFactory : IDesignTimeDbContextFactory<PostgresAuditDbContext>
{
    public PostgresAuditDbContext CreateDbContext(string[] args)
        => DesignTimeContextFactory.Create<PostgresAuditDbContext>(DatabaseProvider.Postgres, (o, d) => new(o, d), AuditModule.Name);
}
