using System.Threading.RateLimiting;
using Diskominfo.Newsroom.Abstractions.Search;
using Diskominfo.Newsroom.Infrastructure.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Diskominfo.Newsroom.Search.Endpoints;

/// <summary>
/// Anonymous searches per client address: a sliding window (<c>Newsroom:RateLimits:Search</c>, 120 per 60 s). A
/// signed-in member of staff is not counted here (a token has the API's own limit per account).
/// </summary>
internal sealed class SearchRateLimiterSetup(IConfiguration configuration) : IConfigureOptions<RateLimiterOptions>
{
    private static readonly RateLimitNotice Notice = new(
        "Terlalu banyak pencarian", "Terlalu banyak pencarian dari alamat Anda dalam waktu singkat.", "/", "Kembali ke beranda");

    public void Configure(RateLimiterOptions options)
    {
        var setting = ClientRateLimits.Read(configuration, "Search", permitLimit: 120, windowSeconds: 60);
        options.AddPolicy(SearchRateLimits.PublicSearch, context => context.User.Identity?.IsAuthenticated == true
            ? RateLimitPartition.GetNoLimiter("staff")
            : ClientRateLimits.PerAddress(context, setting, Notice));
    }
}
