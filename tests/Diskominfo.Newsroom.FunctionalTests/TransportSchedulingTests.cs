using System.Diagnostics;
using Diskominfo.Newsroom.Infrastructure.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Diskominfo.Newsroom.FunctionalTests;

/// <summary>
/// Kestrel runs a request on the pool thread that read it (<see cref="NewsroomInfrastructureExtensions.InlineSchedulingSetting"/>):
/// fewer hand-offs for a cached page, and a request that blocks its thread still holds only itself, since the socket
/// engine's own thread only hands completions out (inlining those would let one blocked request stall the others).
/// </summary>
public sealed class TransportSchedulingTests
{
    [Fact]
    public async Task InlineScheduling_OnByDefault_ARequestBlockingItsThread_DoesNotHoldOtherReaders()
    {
        await using var database = await TestDatabase.SqliteAsync();
        using var entered = new SemaphoreSlim(0);
        await using var app = await NewsroomApp.StartAsync(database, runJobs: false, kestrel: true,
            services: s => s.AddSingleton<IStartupFilter>(new BlockingPath(entered)));
        Assert.True(app.Services.GetRequiredService<IOptions<SocketTransportOptions>>().Value.UnsafePreferInlineScheduling);

        using var blocker = new HttpClient { BaseAddress = app.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

        // A second request on a kept-alive connection is the one read by the socket's completion, not at accept.
        await blocker.GetStringAsync("/");
        var blocked = blocker.GetAsync(BlockingPath.Path);
        Assert.True(await entered.WaitAsync(TimeSpan.FromSeconds(10)));

        // Readers on connections of their own (one may share the blocked request's socket engine) while it blocks.
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < 6; i++)
        {
            using var reader = new HttpClient { BaseAddress = app.BaseAddress };
            Assert.Contains("<html", await reader.GetStringAsync("/"), StringComparison.OrdinalIgnoreCase);
        }

        var readers = watch.Elapsed;
        using var slow = await blocked;
        Assert.True(slow.IsSuccessStatusCode);
        Assert.True(readers < BlockingPath.Hold / 2, $"six readers took {readers.TotalMilliseconds:0} ms while one request blocked its thread for {BlockingPath.Hold.TotalMilliseconds:0} ms");
    }

    [Fact]
    public async Task InlineScheduling_SettingFalse_RestoresKestrelsDefault()
    {
        await using var database = await TestDatabase.SqliteAsync();
        await using var app = await NewsroomApp.StartAsync(database, runJobs: false,
            extraSettings: new Dictionary<string, string?> { [NewsroomInfrastructureExtensions.InlineSchedulingSetting] = "false" });
        Assert.False(app.Services.GetRequiredService<IOptions<SocketTransportOptions>>().Value.UnsafePreferInlineScheduling);
    }

    /// <summary>A path in front of the site whose request blocks its thread (as a synchronous library call would).</summary>
    private sealed class BlockingPath(SemaphoreSlim entered) : IStartupFilter
    {
        public const string Path = "/uji/blokir";
        public static readonly TimeSpan Hold = TimeSpan.FromSeconds(6);

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, following) =>
            {
                if (context.Request.Path != Path)
                {
                    return following(context);
                }

                entered.Release();
                Thread.Sleep(Hold);
                return context.Response.WriteAsync("selesai");
            });
            next(app);
        };
    }
}
