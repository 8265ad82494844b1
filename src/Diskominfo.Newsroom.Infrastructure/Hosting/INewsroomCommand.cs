namespace Diskominfo.Newsroom.Infrastructure.Hosting;

/// <summary>
/// A command of the site (<c>dotnet Diskominfo.Newsroom.dll NAME [args]</c>: <c>migrate</c>, <c>create-admin</c>,
/// <c>backup</c>...), registered by the module that owns it and run instead of the site when the first argument is its
/// name (<see cref="NewsroomCommands.RunCommandAsync"/>).
/// </summary>
public interface INewsroomCommand
{
    /// <summary>The first argument that selects the command.</summary>
    string Name { get; }

    /// <summary>Runs the command with every argument (the name first); returns the exit code.</summary>
    Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, CancellationToken cancellationToken);
}
