using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Diskominfo.Newsroom.Theme.Identity;

/// <summary>
/// The identity's colour as a stylesheet (the pages' security policy allows no inline styles) and the logo; both
/// are asked for with a version in the address and kept by browsers for a year.
/// </summary>
internal static class SiteIdentityEndpoints
{
    public static void MapSiteIdentity(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/situs/tema.css", async (HttpContext http, SiteIdentityStore store, CancellationToken ct) =>
        {
            var identity = await store.GetAsync(ct);
            Immutable(http);
            return Results.Text($":root {{ --brand: {identity.BrandColor}; }}\n", "text/css", Encoding.UTF8);
        }).AllowAnonymous().ExcludeFromDescription();
        endpoints.MapGet("/situs/logo.png", async (HttpContext http, SiteIdentityStore store, CancellationToken ct) =>
        {
            var logo = await store.LogoAsync(ct);
            if (logo is null)
            {
                return Results.NotFound();
            }

            Immutable(http);
            return Results.Bytes(logo, "image/png");
        }).AllowAnonymous().ExcludeFromDescription();
    }

    private static void Immutable(HttpContext http)
        => http.Response.Headers.CacheControl = http.Request.Query.ContainsKey("v") ? "public, max-age=31536000, immutable" : "no-cache";
}
