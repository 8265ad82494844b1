using Diskominfo.Newsroom.Infrastructure.Data;
using Microsoft.EntityFrameworkCore.Design;

namespace Diskominfo.Newsroom.Coverage.Data;

internal sealed class SqliteCoverageDesignFactory : IDesignTimeDbContextFactory<SqliteCoverageDbContext>
{
    public SqliteCoverageDbContext CreateDbContext(string[] args)
        => DesignTimeContextFactory.Create<SqliteCoverageDbContext>(DatabaseProvider.Sqlite, (o, d) => new(o, d), CoverageModule.Name);
}

internal sealed class PostgresCoverageDesignFactory : IDesignTimeDbContextFactory<PostgresCoverageDbContext>
{
    public PostgresCoverageDbContext CreateDbContext(string[] args)
        => DesignTimeContextFactory.Create<PostgresCoverageDbContext>(DatabaseProvider.Postgres, (o, d) => new(o, d), CoverageModule.Name);
}
