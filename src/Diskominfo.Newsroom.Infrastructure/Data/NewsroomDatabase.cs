using System.Data;
using System.Data.Common;
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
    private readonly List<DbContext> _contexts = [];
    private DbConnection? _connection;
    private DbTransaction? _transaction;
    private List<Func<Task>> _afterCommit = [];

    public NewsroomDatabase(IOptions<NewsroomDatabaseOptions> options, ILogger<NewsroomDatabase>? logger = null)
    {
        Options = options.Value;
        _logger = logger;
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
