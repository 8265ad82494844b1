using System.Diagnostics;
using Diskominfo.Newsroom.Infrastructure.Hosting;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Diskominfo.Newsroom.Infrastructure.Data;

/// <summary>
/// Held while a process initializes the database (every module's migrations and the start-up tasks that seed rows), so
/// that nodes starting together on one database do it one after the other. On PostgreSQL a session-level advisory lock
/// on a connection of its own (not pooled: the lock ends with the session, even when the process dies); on SQLite an
/// exclusive lock on a file beside the database file (<c>newsroom.db.lock</c>), which the operating system releases when
/// the process dies. Disposing releases it.
/// </summary>
public sealed class InitializationLock : IAsyncDisposable
{
    /// <summary>The advisory lock's name; its key is <c>hashtextextended(Name, 0)</c>.</summary>
    public const string Name = "diskominfo-newsroom:initialization";

    private static readonly TimeSpan FilePollInterval = TimeSpan.FromMilliseconds(200);
    private readonly NpgsqlConnection? _connection;
    private readonly FileStream? _file;

    private InitializationLock(NpgsqlConnection? connection, FileStream? file)
    {
        _connection = connection;
        _file = file;
    }

    /// <summary>
    /// Waits up to <paramref name="timeout"/> for the lock; <paramref name="waiting"/> is called once when another process
    /// holds it. A lock not had in time is a <see cref="StartupRefusedException"/> naming who holds it.
    /// </summary>
    public static Task<InitializationLock> AcquireAsync(
        DatabaseProvider provider, string connectionString, TimeSpan timeout, Action waiting, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(waiting);
        return provider == DatabaseProvider.Postgres
            ? AcquireAdvisoryAsync(connectionString, timeout, waiting, cancellationToken)
            : AcquireFileAsync(connectionString, timeout, waiting, cancellationToken);
    }

    /// <summary>The lock file of a SQLite database (beside its file), or null for an in-memory database, which no other process can open.</summary>
    public static string? LockFilePath(string sqliteConnectionString)
    {
        var builder = new SqliteConnectionStringBuilder(sqliteConnectionString);
        if (builder.Mode == SqliteOpenMode.Memory || string.IsNullOrEmpty(builder.DataSource) || builder.DataSource == ":memory:")
        {
            return null;
        }

        return Path.GetFullPath(builder.DataSource) + ".lock";
    }

    private static async Task<InitializationLock> AcquireAdvisoryAsync(string connectionString, TimeSpan timeout, Action waiting, CancellationToken cancellationToken)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString)
        {
            Pooling = false,
            ApplicationName = "Diskominfo.Newsroom initialization",
            CommandTimeout = (int)Math.Ceiling(timeout.TotalSeconds) + 30,
        };
        var connection = new NpgsqlConnection(builder.ConnectionString);
        try
        {
            await OpenAsync(connection, builder, cancellationToken);
            if (!await ScalarAsync<bool>(connection, "SELECT pg_try_advisory_lock(hashtextextended(@name, 0))", cancellationToken))
            {
                waiting();
                await ScalarAsync<string>(connection, $"SELECT set_config('lock_timeout', '{(long)timeout.TotalMilliseconds}', false)", cancellationToken);
                try
                {
                    await ScalarAsync<object>(connection, "SELECT pg_advisory_lock(hashtextextended(@name, 0))", cancellationToken);
                }
                catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.LockNotAvailable)
                {
                    var holder = await ScalarAsync<string>(connection,
                        "SELECT coalesce(string_agg(format('pid %s (%s, %s)', a.pid, coalesce(a.client_addr::text, 'lokal'), a.application_name), '; '), 'tidak diketahui') " +
                        "FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid WHERE l.locktype = 'advisory' AND l.granted " +
                        "AND ((l.classid::bigint << 32) | l.objid::bigint) = hashtextextended(@name, 0)", cancellationToken);
                    throw new StartupRefusedException(
                        $"Kunci inisialisasi basis data tidak diperoleh dalam {timeout.TotalSeconds:0} detik: proses lain sedang memperbarui " +
                        $"basis data (dipegang oleh {holder}). Tunggu sampai proses itu selesai lalu jalankan lagi, atau hentikan sesi itu bila " +
                        $"macet (pg_terminate_backend). Newsroom:Database:InitializationLockTimeout mengatur lama menunggu. " +
                        $"The database initialization lock was not had within {timeout.TotalSeconds:0} s (held by {holder}); not started.", e);
                }

                await ScalarAsync<string>(connection, "SELECT set_config('lock_timeout', '0', false)", cancellationToken);
            }

            return new InitializationLock(connection, null);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Opens the lock's connection, the site's first to its database: a database that does not exist, a server that
    /// cannot be reached and a sign-in the server refuses are refusals that say so (exit code 1), not a crash.
    /// </summary>
    private static async Task OpenAsync(NpgsqlConnection connection, NpgsqlConnectionStringBuilder builder, CancellationToken cancellationToken)
    {
        var server = $"{builder.Host}:{builder.Port}";
        try
        {
            await connection.OpenAsync(cancellationToken);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InvalidCatalogName)
        {
            throw new StartupRefusedException(
                $"Basis data PostgreSQL \"{builder.Database}\" tidak ada di server {server}. Buat dahulu (CREATE DATABASE {builder.Database} " +
                $"OWNER <pemilik tabel>, lihat README bagian Deploying) atau perbaiki nama basis data di ConnectionStrings:Newsroom, lalu jalankan lagi. " +
                $"The PostgreSQL database \"{builder.Database}\" does not exist on {server}; not started.", e);
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.InvalidPassword or PostgresErrorCodes.InvalidAuthorizationSpecification)
        {
            throw new StartupRefusedException(
                $"Server PostgreSQL {server} menolak masuk sebagai \"{builder.Username}\" ({e.MessageText}). Periksa nama pengguna dan kata sandi " +
                $"di ConnectionStrings:Newsroom, lalu jalankan lagi. PostgreSQL at {server} refused the sign-in; not started.", e);
        }
        catch (NpgsqlException e) when (e is not PostgresException && e.InnerException is System.Net.Sockets.SocketException or TimeoutException)
        {
            throw new StartupRefusedException(
                $"Server PostgreSQL {server} tidak dapat dihubungi ({e.InnerException!.Message}). Pastikan server berjalan dan alamatnya di " +
                $"ConnectionStrings:Newsroom benar, lalu jalankan lagi. PostgreSQL at {server} cannot be reached; not started.", e);
        }
    }

    private static async Task<T?> ScalarAsync<T>(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("name", Name);
        return (T?)await command.ExecuteScalarAsync(cancellationToken);
    }

    private static async Task<InitializationLock> AcquireFileAsync(string connectionString, TimeSpan timeout, Action waiting, CancellationToken cancellationToken)
    {
        var path = LockFilePath(connectionString);
        if (path is null)
        {
            return new InitializationLock(null, null);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var clock = Stopwatch.StartNew();
        var waited = false;
        while (true)
        {
            try
            {
                // FileShare.None is an exclusive flock on Unix (a share lock on Windows): held by this open file only.
                return new InitializationLock(null, new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (IOException e) when (e is not FileNotFoundException and not DirectoryNotFoundException)
            {
                if (clock.Elapsed >= timeout)
                {
                    throw new StartupRefusedException(
                        $"Kunci inisialisasi basis data tidak diperoleh dalam {timeout.TotalSeconds:0} detik: proses lain yang memakai berkas " +
                        $"basis data yang sama sedang memperbaruinya (berkas kunci {path}). Tunggu sampai proses itu selesai lalu jalankan lagi. " +
                        $"Newsroom:Database:InitializationLockTimeout mengatur lama menunggu. " +
                        $"The database initialization lock {path} was not had within {timeout.TotalSeconds:0} s; not started.", e);
                }

                if (!waited)
                {
                    waited = true;
                    waiting();
                }

                await Task.Delay(FilePollInterval, cancellationToken);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_file is not null)
        {
            await _file.DisposeAsync();
        }

        if (_connection is not null)
        {
            // Closing the unpooled connection ends the session, and with it the session's advisory lock.
            await _connection.DisposeAsync();
        }
    }
}
