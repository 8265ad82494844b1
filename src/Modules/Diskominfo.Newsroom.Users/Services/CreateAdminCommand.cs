using Diskominfo.Newsroom.Infrastructure.Hosting;

namespace Diskominfo.Newsroom.Users.Services;

/// <summary><c>create-admin --user NAME --email EMAIL</c> (see <see cref="UsersCommands.CreateAdminAsync"/>).</summary>
internal sealed class CreateAdminCommand : INewsroomCommand
{
    public string Name => "create-admin";

    public Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, CancellationToken cancellationToken)
        => UsersCommands.CreateAdminAsync(services, args, output);
}
