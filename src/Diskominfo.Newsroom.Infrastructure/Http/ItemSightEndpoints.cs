using Diskominfo.Newsroom.Abstractions.Content;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Diskominfo.Newsroom.Infrastructure.Http;

public static class ItemSightEndpoints
{
    /// <summary>
    /// The route (with an item <c>{id}</c>) answers only those who may see at least <paramref name="least"/> of the item;
    /// others get 404 (see <see cref="ItemSightFilter"/>). The filter is also endpoint metadata, for the tests that list
    /// every route's rule.
    /// </summary>
    public static TBuilder RequireItemSight<TBuilder>(this TBuilder builder, ItemSight least)
        where TBuilder : IEndpointConventionBuilder
    {
        var filter = new ItemSightFilter(least);
        builder.Add(endpoint => endpoint.Metadata.Add(filter));
        return builder.AddEndpointFilter(filter);
    }
}
