using Diskominfo.Newsroom.Backup.Services;
using Diskominfo.Newsroom.Infrastructure.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Diskominfo.Newsroom.Backup.Commands;

/// <summary>
/// <c>restore --from DIR [--secret-from KEYS]</c>: a backup back onto a node with an empty data folder and an empty
/// database. Exit code 0 when restored; 1 when refused (a damaged or partial backup, a data folder, database or keys
/// folder that is not empty), with the reason and nothing written; 2 for wrong arguments.
/// </summary>
internal sealed class RestoreCommand : INewsroomCommand
{
    public string Name => "restore";

    public async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, CancellationToken cancellationToken)
    {
        if (CommandArguments.Value(args, "--from") is not { } folder)
        {
            await output.WriteLineAsync("Pemakaian: restore --from FOLDER_CADANGAN [--secret-from FOLDER_KUNCI] (ke folder data dan basis data yang kosong)");
            return 2;
        }

        try
        {
            await services.GetRequiredService<RestoreService>().RestoreAsync(folder, CommandArguments.Value(args, "--secret-from"), output, cancellationToken);
            return 0;
        }
        catch (BackupRefusedException refused)
        {
            await Console.Error.WriteLineAsync("Pemulihan ditolak: " + refused.Message);
            return 1;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException or Npgsql.NpgsqlException or Microsoft.Data.Sqlite.SqliteException)
        {
            await Console.Error.WriteLineAsync(
                $"Pemulihan gagal di tengah jalan: {e.Message}\nSebagian mungkin sudah tertulis: kosongkan folder data, folder kunci dan basis data (atau buat yang baru), lalu ulangi.");
            return 1;
        }
    }
}
