using Diskominfo.Newsroom.Infrastructure.Hosting;

namespace Diskominfo.Newsroom.Search.Index;

/// <summary><c>rebuild-search-index</c> (see <see cref="SearchModule.RebuildCommandAsync"/>).</summary>
internal sealed class RebuildSearchIndexCommand : INewsroomCommand
{
    public string Name => "rebuild-search-index";

    public Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, CancellationToken cancellationToken)
        => SearchModule.RebuildCommandAsync(services, output);
}
