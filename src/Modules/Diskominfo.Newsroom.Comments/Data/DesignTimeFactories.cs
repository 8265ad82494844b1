using Diskominfo.Newsroom.Infrastructure.Data;
using Microsoft.EntityFrameworkCore.Design;

namespace Diskominfo.Newsroom.Comments.Data;

internal sealed class SqliteCommentsDesignFactory : IDesignTimeDbContextFactory<SqliteCommentsDbContext>
{
    public SqliteCommentsDbContext CreateDbContext(string[] args)
        => DesignTimeContextFactory.Create<SqliteCommentsDbContext>(DatabaseProvider.Sqlite, (o, d) => new(o, d), CommentsModule.Name);
}

internal sealed class PostgresCommentsDesignFactory : IDesignTimeDbContextFactory<PostgresCommentsDbContext>
{
    public PostgresCommentsDbContext CreateDbContext(string[] args)
        => DesignTimeContextFactory.Create<PostgresCommentsDbContext>(DatabaseProvider.Postgres, (o, d) => new(o, d), CommentsModule.Name);
}
