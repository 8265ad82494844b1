using Diskominfo.Newsroom.Abstractions.Content;
using Diskominfo.Newsroom.Abstractions.Results;
using Diskominfo.Newsroom.Abstractions.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Diskominfo.Newsroom.Infrastructure.Http;

/// <summary>
/// Guards a route about one item (<c>{id}</c>): a caller who may see less of the item than the route needs gets the
/// same 404 as for an item that does not exist, before any work is done, so that no answer (a 403, a status named in a
/// refusal, a file) tells him another person's unpublished work exists.
/// </summary>
public sealed class ItemSightFilter(ItemSight least) : IEndpointFilter
{
    /// <summary>The route value naming the item.</summary>
    public const string RouteKey = "id";

    public ItemSight Least => least;

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        if (!Guid.TryParse(http.Request.RouteValues[RouteKey]?.ToString(), out var itemId))
        {
            return OutcomeResults.Problem(Outcome.NotFound("Naskah tidak ditemukan."));
        }

        var access = http.RequestServices.GetRequiredService<IItemAccess>();
        var sight = await access.SightAsync(itemId, Actor.FromPrincipal(http.User), http.RequestAborted);
        return sight < least ? OutcomeResults.Problem(Outcome.NotFound("Naskah tidak ditemukan.")) : await next(context);
    }
}
