using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Diskominfo.Newsroom.Infrastructure.Data;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Diskominfo.Newsroom.Infrastructure.Nodes;

/// <summary>
/// Locks across the nodes of one PostgreSQL database: a session-level <c>pg_advisory_lock</c> on a pooled connection of its
/// own, held until the lock is released (then unlocked and the connection given back). The key is the first 8 bytes of
/// the SHA-256 of the name. A node that dies loses its session and with it its locks.
/// </summary>
internal sealed class PostgresNodeLocks(IOptions<NewsroomDatabaseOptions> database) : INodeLocks
{
    public async Task<IAsyncDisposable> AcquireAsync(string name, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var key = Key(name);
        var builder = new NpgsqlConnectionStringBuilder(database.Value.ConnectionString) { CommandTimeout = 0 };
        var connection = new NpgsqlConnection(builder.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await RunAsync(connection, "SELECT pg_advisory_lock(@key)", key, cancellationToken);
            return new Held(connection, key);
        }
        catch
        {
            // Cancelled while waiting, the lock may still have been granted: drop every lock of the session before the
            // connection goes back to the pool.
            await ReleaseAllAsync(connection);
            throw;
        }
    }

    /// <summary>The lock's key: the first 8 bytes of the name's SHA-256, big-endian.</summary>
    public static long Key(string name) => BinaryPrimitives.ReadInt64BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes(name)));

    private static async Task RunAsync(NpgsqlConnection connection, string sql, long key, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("key", key);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task ReleaseAllAsync(NpgsqlConnection connection)
    {
        try
        {
            if (connection.State == System.Data.ConnectionState.Open)
            {
                await using var command = new NpgsqlCommand("SELECT pg_advisory_unlock_all()", connection);
                await command.ExecuteNonQueryAsync(CancellationToken.None);
            }
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException or TimeoutException)
        {
            // A broken connection ends its session, and the session's locks with it.
            NpgsqlConnection.ClearPool(connection);
        }
        finally
        {
            await connection.DisposeAsync();
        }
    }

    private sealed class Held(NpgsqlConnection connection, long key) : IAsyncDisposable
    {
        private int _released;

        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _released, 1) != 0)
            {
                return;
            }

            try
            {
                await RunAsync(connection, "SELECT pg_advisory_unlock(@key)", key, CancellationToken.None);
                await connection.DisposeAsync();
            }
            catch (Exception e) when (e is NpgsqlException or InvalidOperationException or TimeoutException)
            {
                await ReleaseAllAsync(connection);
            }
        }
    }
}
