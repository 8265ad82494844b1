using System.Diagnostics;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Diskominfo.Newsroom.Backup.Services;

/// <summary>
/// <c>pg_dump</c> and <c>pg_restore</c>: found in <c>Newsroom:Backup:PostgresTools</c>, else the newest
/// <c>/usr/lib/postgresql/*/bin</c> (Debian's packages), else on PATH. The connection string becomes the libpq
/// environment (<c>PGHOST</c>, <c>PGPASSWORD</c>...): the password never appears on a command line.
/// </summary>
internal sealed class PostgresTools(IOptions<BackupOptions> options)
{
    public string Find(string tool)
    {
        if (options.Value.PostgresTools is { Length: > 0 } configured)
        {
            var path = Path.Combine(configured, tool);
            return File.Exists(path)
                ? path
                : throw new BackupRefusedException($"{tool} tidak ditemukan di {configured} (Newsroom:Backup:PostgresTools).");
        }

        var debian = Directory.Exists("/usr/lib/postgresql")
            ? Directory.EnumerateDirectories("/usr/lib/postgresql")
                .Select(d => (Version: int.TryParse(Path.GetFileName(d), out var v) ? v : 0, Path: Path.Combine(d, "bin", tool)))
                .Where(c => File.Exists(c.Path))
                .OrderByDescending(c => c.Version)
                .Select(c => c.Path)
                .FirstOrDefault()
            : null;
        var onPath = (System.Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(d => Path.Combine(d, tool))
            .FirstOrDefault(File.Exists);
        return debian ?? onPath ?? throw new BackupRefusedException(
            $"{tool} tidak ditemukan (PATH, /usr/lib/postgresql/*/bin): pasang postgresql-client atau atur Newsroom:Backup:PostgresTools.");
    }

    /// <summary>Runs <paramref name="tool"/> against the database of <paramref name="connectionString"/>; throws with its error output when it fails.</summary>
    public async Task RunAsync(string tool, IEnumerable<string> arguments, string connectionString, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(Find(tool))
        {
            UseShellExecute = false,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in Environment(connectionString))
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start");
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        var message = (await errors).Trim();
        await output;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool} gagal (kode {process.ExitCode}): {(message.Length > 1500 ? message[..1500] : message)}");
        }
    }

    /// <summary>The libpq environment for a connection string (the database by name in <c>PGDATABASE</c>).</summary>
    public static Dictionary<string, string> Environment(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["PGHOST"] = builder.Host ?? "localhost",
            ["PGPORT"] = builder.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["PGDATABASE"] = builder.Database ?? builder.Username ?? "postgres",
            ["PGAPPNAME"] = "diskominfo-newsroom-backup",
            ["PGCONNECT_TIMEOUT"] = "30",
        };
        if (builder.Username is { Length: > 0 } user)
        {
            environment["PGUSER"] = user;
        }

        if (builder.Password is { Length: > 0 } password)
        {
            environment["PGPASSWORD"] = password;
        }

        environment["PGSSLMODE"] = builder.SslMode switch
        {
            SslMode.Disable => "disable",
            SslMode.Allow => "allow",
            SslMode.Require => "require",
            SslMode.VerifyCA => "verify-ca",
            SslMode.VerifyFull => "verify-full",
            _ => "prefer",
        };
        return environment;
    }
}
