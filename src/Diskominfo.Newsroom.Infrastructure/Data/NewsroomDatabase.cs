using System.Data;
using System.Data.Common;
using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Diskominfo.Newsroom.Infrastructure.Data;

/// <summary>
/// One database connection per scope, shared by every module's DbContext, so that a change and the
/// reactions of other modules to it (events) commit in one transaction while each module keeps its own
/// DbContext and tables.
/// </summary>
public sealed partial class NewsroomDatabase : IAsyncDisposable, IDisposable
{
    private readonly ILogger? _logger;
    private readonly SqliteReaders? _readers;
    private readonly List<DbContext> _contexts = [];
    private DbConnection? _connection;
    private DbTransaction? _transaction;
    private bool _ownConnectionString;
    private List<Func<Task>> _afterCommit = [];

    /// <summary>The activities of the commands <see cref="ReadAsync"/> runs (EF Core's own commands go through its diagnostics).</summary>
    public static readonly ActivitySource Commands = new("Diskominfo.Newsroom.Database");

    public NewsroomDatabase(IOptions<NewsroomDatabaseOptions> options, ILogger<NewsroomDatabase>? logger = null, SqliteReaders? readers = null)
    {
        Options = options.Value;
        _logger = logger;
        _readers = readers;
    }

    public NewsroomDatabaseOptions Options { get; }

    public DatabaseProvider Provider => Options.Provider;

    public DbConnection Connection => _connection ??= Options.Provider switch
    {
        DatabaseProvider.Postgres => new NpgsqlConnection(Options.ConnectionString),
        _ => Sqlite(Options.ConnectionString),
    };

    public bool InTransaction => _transaction is not null;

    /// <summary>
    /// Makes this scope's connection use <paramref name="connectionString"/> (the migrations' owner role) instead of the
    /// site's; only before anything in the scope has used the connection.
    /// </summary>
    public void UseConnectionString(string connectionString)
    {
        if (_connection is not null)
        {
            throw new InvalidOperationException("The scope's connection is already in use.");
        }

        _connection = Options.Provider switch
        {
            DatabaseProvider.Postgres => new NpgsqlConnection(connectionString),
            _ => Sqlite(connectionString),
        };
        _ownConnectionString = true;
    }

    /// <summary>
    /// A SQLite connection that checks, each time it is opened, that the pooled handle it got is not still inside a
    /// transaction. Microsoft.Data.Sqlite returns a handle to its pool as it is; one left in a transaction would make
    /// every later BEGIN on it fail ("cannot start a transaction within a transaction"), request after request and job
    /// after job. Its owner is gone, so the leftover transaction is rolled back, and the leak logged as an error.
    /// </summary>
    private SqliteConnection Sqlite(string connectionString)
    {
        var connection = new SqliteConnection(connectionString);
        connection.StateChange += (_, change) =>
        {
            if (change.CurrentState == ConnectionState.Open && connection.Handle is { } handle && SQLitePCL.raw.sqlite3_get_autocommit(handle) == 0)
            {
                if (_logger is not null)
                {
                    LogLeftoverTransaction(_logger);
                }

                using var rollback = connection.CreateCommand();
                rollback.CommandText = "ROLLBACK;";
                rollback.ExecuteNonQuery();
            }
        };
        return connection;
    }

    /// <summary>
    /// Runs <paramref name="action"/> once the current transaction has committed (at once when there is none):
    /// for work that must only see committed data, such as enqueueing a background job.
    /// </summary>
    public Task AfterCommitAsync(Func<Task> action)
    {
        if (_transaction is null)
        {
            return action();
        }

        _afterCommit.Add(action);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Called by each module DbContext when it is created in this scope: the context takes the scope's connection
    /// (its options, shared by every scope, have none) and joins the current transaction, if any.
    /// </summary>
    public void Enlist(DbContext context)
    {
        context.Database.SetDbConnection(Connection, contextOwnsConnection: false);
        _contexts.Add(context);
        if (_transaction is not null)
        {
            context.Database.UseTransaction(_transaction);
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/> in one transaction across all module contexts of the scope.
    /// Nested calls join the outer transaction.
    /// </summary>
    public async Task<T> InTransactionAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        if (_transaction is not null)
        {
            return await work(cancellationToken);
        }

        if (Connection.State != System.Data.ConnectionState.Open)
        {
            await Connection.OpenAsync(cancellationToken);
        }

        _transaction = await Connection.BeginTransactionAsync(cancellationToken);
        foreach (var context in _contexts)
        {
            await context.Database.UseTransactionAsync(_transaction, cancellationToken);
        }

        var committed = false;
        try
        {
            var result = await work(cancellationToken);
            await _transaction.CommitAsync(cancellationToken);
            committed = true;
            return result;
        }
        catch
        {
            await _transaction.RollbackAsync(CancellationToken.None);
            foreach (var context in _contexts)
            {
                context.ChangeTracker.Clear();
            }

            throw;
        }
        finally
        {
            var transaction = _transaction;
            _transaction = null;
            foreach (var context in _contexts)
            {
                await context.Database.UseTransactionAsync(null, CancellationToken.None);
            }

            await transaction.DisposeAsync();
            var afterCommit = _afterCommit;
            _afterCommit = [];
            if (committed)
            {
                foreach (var action in afterCommit)
                {
                    await action();
                }
            }
        }
    }

    /// <summary>
    /// Serializes, until the current transaction ends, every transaction that takes the same lock: for
    /// read-then-write decisions such as "was I the last channel to finish?" or "which archive number is next?".
    /// PostgreSQL takes a transaction-scoped advisory lock; SQLite transactions are already serialized
    /// (Microsoft.Data.Sqlite begins them IMMEDIATE), so nothing more is needed there.
    /// </summary>
    public async Task LockAsync(string key, CancellationToken cancellationToken)
    {
        if (_transaction is null)
        {
            throw new InvalidOperationException("LockAsync must be called inside InTransactionAsync.");
        }

        if (Provider != DatabaseProvider.Postgres)
        {
            return;
        }

        await using var command = Connection.CreateCommand();
        command.Transaction = _transaction;
        command.CommandText = "SELECT pg_advisory_xact_lock(hashtextextended(@key, 0))";
        var parameter = command.CreateParameter();
        parameter.ParameterName = "key";
        parameter.Value = key;
        command.Parameters.Add(parameter);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// Runs one command of the caller's own SQL and hands its reader to <paramref name="read"/>: in the scope's
    /// transaction if one is open; otherwise, on SQLite, on a connection kept open with the statement already prepared
    /// (<see cref="SqliteReaders"/>), and on PostgreSQL on the scope's connection, opened for the command and closed
    /// after unless it was open already. Parameters are named <c>@name</c> in <paramref name="sql"/> (both engines'
    /// drivers take that form).
    /// </summary>
    /// <remarks>
    /// For the public pages read on every request: a module's DbContext costs more to set up than such a page's whole
    /// query (EF builds a scope of its own services for every context), so these reads need none. Each command is an
    /// activity of <see cref="Commands"/> (<c>db.query.text</c>), for tracing and for the tests that count a page's
    /// commands; with nothing listening, it costs nothing.
    /// </remarks>
    public async Task<T> ReadAsync<T>(
        string sql, IReadOnlyList<KeyValuePair<string, object>> parameters, Func<DbDataReader, CancellationToken, Task<T>> read,
        CancellationToken cancellationToken)
    {
        using var activity = Commands.StartActivity("db.query", ActivityKind.Client);
        activity?.SetTag("db.system.name", Provider == DatabaseProvider.Postgres ? "postgresql" : "sqlite");
        activity?.SetTag("db.query.text", sql);
        if (_readers is not null && _transaction is null && Provider == DatabaseProvider.Sqlite && !_ownConnectionString)
        {
            return await _readers.ReadAsync(sql, parameters, read, cancellationToken);
        }

        var opened = Connection.State != ConnectionState.Open;
        if (opened)
        {
            await Connection.OpenAsync(cancellationToken);
        }

        try
        {
            await using var command = Connection.CreateCommand();
            command.Transaction = _transaction;
            command.CommandText = sql;
            foreach (var (name, value) in parameters)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                parameter.Value = value;
                command.Parameters.Add(parameter);
            }

            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            return await read(reader, cancellationToken);
        }
        finally
        {
            if (opened)
            {
                await Connection.CloseAsync();
            }
        }
    }

    public Task InTransactionAsync(Func<CancellationToken, Task> work, CancellationToken cancellationToken)
        => InTransactionAsync<bool>(async ct => { await work(ct); return true; }, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }
    }

    public void Dispose() => _connection?.Dispose();

    [LoggerMessage(Level = LogLevel.Error, Message = "A pooled SQLite connection was still inside a transaction when opened; it was rolled back. Some code returned its connection without ending its transaction.")]
    private static partial void LogLeftoverTransaction(ILogger logger);
}
