using Diskominfo.Newsroom.Abstractions.Operations;
using Microsoft.Extensions.DependencyInjection;

namespace Diskominfo.Newsroom.Search.Index;

/// <summary>After a restore: the index is not in a backup (it is derived), so it is built again from the restored database.</summary>
internal sealed class SearchRestoreParticipant : IRestoreParticipant
{
    public int Order => 100;

    public string Name => "search index";

    public async Task<string> AfterRestoreAsync(IServiceProvider scopedServices, CancellationToken cancellationToken)
    {
        var count = await scopedServices.GetRequiredService<SearchIndexer>().RebuildAsync(cancellationToken);
        return $"Indeks pencarian dibangun ulang: {count} naskah.";
    }
}
