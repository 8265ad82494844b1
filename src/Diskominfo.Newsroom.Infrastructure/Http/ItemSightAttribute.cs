using Diskominfo.Newsroom.Abstractions.Content;
using Diskominfo.Newsroom.Abstractions.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.DependencyInjection;

namespace Diskominfo.Newsroom.Infrastructure.Http;

/// <summary>
/// The page counterpart of <see cref="ItemSightFilter"/>: a desk page about one item (<c>{id}</c>) answers 404, as for
/// no item at all, to a user who may see less of the item than the page needs, before any handler runs.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = true)]
public sealed class ItemSightAttribute(ItemSight least) : Attribute, IAsyncPageFilter
{
    public ItemSight Least => least;

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        if (!Guid.TryParse(context.RouteData.Values[ItemSightFilter.RouteKey]?.ToString(), out var itemId)
            || await http.RequestServices.GetRequiredService<IItemAccess>().SightAsync(itemId, Actor.FromPrincipal(http.User), http.RequestAborted) < least)
        {
            context.Result = new NotFoundResult();
            return;
        }

        await next();
    }
}
