using Microsoft.AspNetCore.Builder;

namespace Diskominfo.Newsroom.Infrastructure.Hosting;

public static class NewsroomRun
{
    /// <summary>Runs the site; a start-up check that refuses to start (<see cref="StartupRefusedException"/>) prints why and exits with 1.</summary>
    public static async Task<int> RunNewsroomAsync(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        try
        {
            await app.RunAsync();
            return 0;
        }
        catch (StartupRefusedException refused)
        {
            await Console.Error.WriteLineAsync(refused.Message);
            return 1;
        }
    }
}
