namespace Diskominfo.Newsroom.Infrastructure.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}
