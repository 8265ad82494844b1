using Microsoft.AspNetCore.Builder;

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
