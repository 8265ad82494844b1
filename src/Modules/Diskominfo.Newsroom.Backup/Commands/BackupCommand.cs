using Diskominfo.Newsroom.Backup.Services;
using Diskominfo.Newsroom.Infrastructure.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Diskominfo.Newsroom.Backup.Commands;

/// <summary>
/// <c>backup --to DIR</c>: a consistent backup of the running site (or a stopped one) into the new or empty folder DIR.
/// Exit code 0 when written, 1 when refused or failed (with the reason), 2 for wrong arguments.
/// </summary>
internal sealed class BackupCommand : INewsroomCommand
{
    public string Name => "backup";

    public async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, CancellationToken cancellationToken)
    {
        if (CommandArguments.Value(args, "--to") is not { } target)
        {
            await output.WriteLineAsync("Pemakaian: backup --to FOLDER (folder baru atau kosong, sebaiknya di disk lain)");
            return 2;
        }

        await using var scope = services.CreateAsyncScope();
        try
        {
            await output.WriteLineAsync($"Mencadangkan ke {Path.GetFullPath(target)} ...");
            var run = await scope.ServiceProvider.GetRequiredService<BackupRunner>().RunAsync(target, scheduled: false, cancellationToken);
            if (!run.Succeeded)
            {
                await Console.Error.WriteLineAsync(run.Error);
                return 1;
            }

            var took = run.FinishedAt - run.StartedAt;
            await output.WriteLineAsync($"Cadangan selesai: {run.Files} berkas, {Sizes.Format(run.Bytes)}, dalam {took.TotalSeconds:0.0} detik, di {run.Directory}.");
            await output.WriteLineAsync(
                $"Kunci situs ada di {Path.Combine(run.Directory, Models.BackupManifest.SecretFolder)} (RAHASIA): pindahkan ke tempat terpisah dari cadangan basis data, lihat README-RAHASIA.txt.");
            return 0;
        }
        catch (BackupRefusedException refused)
        {
            await Console.Error.WriteLineAsync(refused.Message);
            return 1;
        }
    }
}
