using Microsoft.Extensions.DependencyInjection;

namespace Diskominfo.Newsroom.Infrastructure.Hosting;

/// <summary>
/// <c>migrate</c>: brings every module's tables up to date with <c>ConnectionStrings:NewsroomMigrations</c> (the
/// tables' owner) and exits, so that the site itself can run as a role that may only read and write rows.
/// </summary>
internal sealed class MigrateCommand : INewsroomCommand
{
    public string Name => NewsroomInitializer.MigrateCommand;

    public Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, CancellationToken cancellationToken)
        => services.GetRequiredService<NewsroomInitializer>().MigrateCommandAsync(output, cancellationToken);
}
