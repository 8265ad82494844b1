using System.Threading.RateLimiting;
using Diskominfo.Newsroom.Abstractions.Media;
using Diskominfo.Newsroom.Infrastructure.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Diskominfo.Newsroom.Media.Services;

/// <summary>
/// Uploads per client address: a sliding window (<c>Newsroom:RateLimits:Upload</c>, 300 per 600 s). Opening an
/// upload form is not counted, only sending files.
/// </summary>
internal sealed class MediaRateLimiterSetup(IConfiguration configuration) : IConfigureOptions<RateLimiterOptions>
{
    private static readonly RateLimitNotice Notice = new(
        "Terlalu banyak unggahan", "Terlalu banyak unggahan dari alamat Anda dalam waktu singkat.", "/admin", "Kembali ke meja kerja");

    public void Configure(RateLimiterOptions options)
    {
        var setting = ClientRateLimits.Read(configuration, "Upload", permitLimit: 300, windowSeconds: 600);
        options.AddPolicy(MediaRateLimits.Upload, context => ClientRateLimits.IsRead(context)
            ? RateLimitPartition.GetNoLimiter("read")
            : ClientRateLimits.PerAddress(context, setting, Notice));
    }
}
