using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Diskominfo.Newsroom.Infrastructure.Hosting;

public static class NewsroomCommands
{
    /// <summary>Registers a command of the site (see <see cref="INewsroomCommand"/>).</summary>
    public static IServiceCollection AddNewsroomCommand<TCommand>(this IServiceCollection services)
        where TCommand : class, INewsroomCommand
        => services.AddSingleton<INewsroomCommand, TCommand>();

    /// <summary>
    /// Runs the command named by the first argument, if one is registered: its exit code (a refused start prints why and
    /// gives 1; Ctrl+C cancels it). Null when the arguments name no command: then the site runs.
    /// </summary>
    public static async Task<int?> RunCommandAsync(this WebApplication app, string[] args)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(args);
        var command = args.Length == 0 ? null : app.Services.GetServices<INewsroomCommand>().FirstOrDefault(c => c.Name == args[0]);
        if (command is null)
        {
            return null;
        }

        using var cancel = new CancellationTokenSource();
        ConsoleCancelEventHandler stop = (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };
        Console.CancelKeyPress += stop;
        try
        {
            return await NewsroomRun.RefusalAsExitCodeAsync(() => command.RunAsync(app.Services, args, Console.Out, cancel.Token));
        }
        finally
        {
            Console.CancelKeyPress -= stop;
        }
    }
}
