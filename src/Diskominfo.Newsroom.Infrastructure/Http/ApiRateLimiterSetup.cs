using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Diskominfo.Newsroom.Infrastructure.Http;

/// <summary>
/// The API's limit per token (<c>Newsroom:RateLimits:Api</c>, 600 requests per 60 s by default): every request
/// signed in with a bearer token counts against its account, whatever the address, on top of an endpoint's own policy.
/// Generous: another system's script may call often; it stops a runaway loop, not work. Counted once the token is
/// checked, so a forged one never spends an account's budget.
/// </summary>
internal sealed class ApiRateLimiterSetup(IConfiguration configuration) : IConfigureOptions<RateLimiterOptions>
{
    public const string SettingName = "Api";

    private static readonly RateLimitNotice Notice = new(
        "Terlalu banyak permintaan",
        "Terlalu banyak permintaan API dengan akun ini dalam waktu singkat.",
        "/admin",
        "Kembali ke meja kerja");

    public void Configure(RateLimiterOptions options)
    {
        var setting = ClientRateLimits.Read(configuration, SettingName, permitLimit: 600, windowSeconds: 60);
        options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
        {
            var bearer = context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);
            var account = context.User.Identity?.IsAuthenticated == true
                ? context.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? context.User.FindFirstValue("sub")
                : null;
            return bearer && !string.IsNullOrEmpty(account)
                ? ClientRateLimits.Window(context, "account:" + account, setting, Notice)
                : RateLimitPartition.GetNoLimiter("");
        });
    }
}
