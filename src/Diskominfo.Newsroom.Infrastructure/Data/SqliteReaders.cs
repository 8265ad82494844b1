using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Diskominfo.Newsroom.Infrastructure.Data;

/// <summary>
/// SQLite connections kept open between requests, each with the statements it has prepared, for the reads the public
/// pages make outside a transaction (<see cref="NewsroomDatabase.ReadAsync"/>). Microsoft.Data.Sqlite compiles a
/// command's SQL again on every scope's connection; for the article page, compiling its statement (parsing, resolving
/// the names, planning the subqueries) cost more than running it.
/// </summary>
/// <remarks>
/// A connection serves one read at a time and goes back to the idle ones after it. Each read is a transaction of its own
/// (the statement is reset when its reader closes), so it sees all that was committed before it began; in WAL mode
/// readers run beside the writer and do not hold up its checkpoints between reads. At most <see cref="MaxIdle"/>
/// connections stay idle; a read that finds none opens another, and a read that fails closes its connection.
/// </remarks>
public sealed class SqliteReaders(IOptions<NewsroomDatabaseOptions> options) : IDisposable
{
    private readonly ConcurrentBag<Reader> _idle = [];
    private volatile bool _disposed;

    /// <summary>The most connections kept idle: a few per core, as many reads as run at once on a small server.</summary>
    public static int MaxIdle { get; } = Math.Max(4, 2 * Environment.ProcessorCount);

    /// <summary>How many connections are idle now (for the tests).</summary>
    public int Idle => _idle.Count;

    /// <summary>Runs <paramref name="sql"/> on an idle connection, prepared there once, and hands its reader to <paramref name="read"/>.</summary>
    public async Task<T> ReadAsync<T>(
        string sql, IReadOnlyList<KeyValuePair<string, object>> parameters, Func<DbDataReader, CancellationToken, Task<T>> read,
        CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (!_idle.TryTake(out var reader))
        {
            reader = new Reader(options.Value.ConnectionString);
        }

        var healthy = false;
        try
        {
            T result;
            await using (var results = await reader.Command(sql, parameters).ExecuteReaderAsync(cancellationToken))
            {
                result = await read(results, cancellationToken);
            }

            healthy = true;
            return result;
        }
        finally
        {
            if (healthy && !_disposed && _idle.Count < MaxIdle)
            {
                _idle.Add(reader);
                if (_disposed)
                {
                    CloseIdle();
                }
            }
            else
            {
                reader.Dispose();
            }
        }
    }

    public void Dispose()
    {
        _disposed = true;
        CloseIdle();
    }

    private void CloseIdle()
    {
        while (_idle.TryTake(out var reader))
        {
            reader.Dispose();
        }
    }

    /// <summary>An open connection and its commands by SQL text (a few constant texts, each prepared on first use).</summary>
    private sealed class Reader : IDisposable
    {
        private readonly SqliteConnection _connection;
        private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);

        public Reader(string connectionString)
        {
            _connection = new SqliteConnection(connectionString);
            _connection.Open();
        }

        public SqliteCommand Command(string sql, IReadOnlyList<KeyValuePair<string, object>> parameters)
        {
            if (!_commands.TryGetValue(sql, out var command))
            {
                command = _connection.CreateCommand();
                command.CommandText = sql;
                foreach (var (name, _) in parameters)
                {
                    command.Parameters.Add(new SqliteParameter { ParameterName = name });
                }

                _commands.Add(sql, command);
            }

            foreach (var (name, value) in parameters)
            {
                command.Parameters[name].Value = value;
            }

            return command;
        }

        public void Dispose()
        {
            foreach (var command in _commands.Values)
            {
                command.Dispose();
            }

            _connection.Dispose();
        }
    }
}
