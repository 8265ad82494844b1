using Diskominfo.Newsroom.Abstractions.Calendar;
using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Infrastructure.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;

namespace Diskominfo.Newsroom.Calendar.Services;

/// <summary>The calendar as an iCalendar file: for the signed-in person, or for the person a feed token names, as that person sees it today.</summary>
internal sealed class CalendarFeeds(CalendarService calendar, FeedTokens tokens, IUserDirectory users, IConfiguration configuration, TimeProvider clock)
{
    public Task<string> ForActorAsync(Actor actor, CalendarRange range, HttpRequest request, CancellationToken cancellationToken)
        => WriteAsync(actor, range, request, cancellationToken);

    /// <summary>The feed of the token's person, built from his current roles; null for an unknown or revoked token or a disabled account.</summary>
    public async Task<string?> ForTokenAsync(string token, HttpRequest request, CancellationToken cancellationToken)
    {
        var userId = await tokens.ResolveAsync(token, cancellationToken);
        var user = userId is null ? null : await users.GetAsync(userId, cancellationToken);
        if (user is null)
        {
            return null;
        }

        var actor = new Actor(user.Id, user.UserName ?? user.Id, user.DisplayName, (user.Roles ?? []).ToHashSet(StringComparer.Ordinal));
        return actor.IsStaff ? await WriteAsync(actor, CalendarRange.Feed(clock.GetUtcNow()), request, cancellationToken) : null;
    }

    /// <summary>The site's address: <c>Newsroom:PublicBaseUrl</c>, or the request's own when none is set.</summary>
    public Uri SiteBase(HttpRequest request)
        => Uri.TryCreate(configuration[PublicHosts.PublicBaseUrlKey], UriKind.Absolute, out var configured)
            ? configured
            : new Uri($"{request.Scheme}://{request.Host}/");

    private async Task<string> WriteAsync(Actor actor, CalendarRange range, HttpRequest request, CancellationToken cancellationToken)
    {
        var view = await calendar.ListAsync(actor, range, CalendarFilter.All, cancellationToken);
        return IcsWriter.Write(view.Entries, SiteBase(request), $"Kalender Diskominfo ({actor.DisplayName})");
    }
}
