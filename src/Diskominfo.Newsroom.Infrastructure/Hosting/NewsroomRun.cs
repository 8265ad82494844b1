using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Diskominfo.Newsroom.Infrastructure.Hosting;

public static class NewsroomRun
{
    /// <summary>Runs the site; a start-up check that refuses to start (<see cref="StartupRefusedException"/>) prints why and exits with 1.</summary>
    public static async Task<int> RunNewsroomAsync(this WebApplication app)
        => await RefusalAsExitCodeAsync(async () =>
        {
            await app.RunAsync();
            return 0;
        });

    /// <summary>
    /// <c>migrate</c>: brings every module's tables up to date with <c>ConnectionStrings:NewsroomMigrations</c> (the
    /// tables' owner) and exits, so that the site itself can run as a role that may only read and write rows.
    /// </summary>
    public static Task<int> MigrateNewsroomAsync(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return RefusalAsExitCodeAsync(() => app.Services.GetRequiredService<NewsroomInitializer>().MigrateCommandAsync(Console.Out, CancellationToken.None));
    }

    /// <summary>Runs a command of the site (<c>create-admin</c>, <c>migrate</c>...): a refused start prints why and gives exit code 1.</summary>
    public static async Task<int> RefusalAsExitCodeAsync(Func<Task<int>> command)
    {
        ArgumentNullException.ThrowIfNull(command);
        try
        {
            return await command();
        }
        catch (StartupRefusedException refused)
        {
            await Console.Error.WriteLineAsync(refused.Message);
            return 1;
        }
    }
}
