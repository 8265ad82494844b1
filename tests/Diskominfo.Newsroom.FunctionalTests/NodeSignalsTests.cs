using System.Diagnostics;
using System.Net;
using Diskominfo.Newsroom.Infrastructure.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Diskominfo.Newsroom.FunctionalTests;

/// <summary>
/// Two nodes (two sites) on one PostgreSQL database: what one sends reaches the other within a second, a lock one holds
/// keeps the other waiting, a page one node keeps is evicted when the other changes what it shows, and a node whose
/// signals connection was cut by a database restart hears signals again and is told to catch up.
/// </summary>
public sealed class NodeSignalsTests
{
    private static readonly TimeSpan OneSecond = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task SendAsync_OnOneNode_ReachesTheOtherWithinOneSecond()
    {
        await using var database = await TestDatabase.PostgresAsync();
        await using var first = await NewsroomApp.StartAsync(database, runJobs: false);
        await using var second = await NewsroomApp.StartAsync(database, runJobs: false);
        await WaitListeningAsync(database, 2);

        var heard = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = second.Services.GetRequiredService<INodeSignals>().Subscribe("test.greeting", (payload, _) =>
        {
            heard.TrySetResult(payload);
            return Task.CompletedTask;
        });
        var elsewhere = 0;
        using var other = second.Services.GetRequiredService<INodeSignals>().Subscribe("test.other", (_, _) =>
        {
            Interlocked.Increment(ref elsewhere);
            return Task.CompletedTask;
        });

        var clock = Stopwatch.StartNew();
        await first.Services.GetRequiredService<INodeSignals>().SendAsync("test.greeting", "halo dari node 1\nbaris kedua");
        Assert.Equal("halo dari node 1\nbaris kedua", await heard.Task.WaitAsync(OneSecond));
        Assert.True(clock.Elapsed < OneSecond, $"took {clock.Elapsed}");
        Assert.Equal(0, Volatile.Read(ref elsewhere)); // another topic's subscriber heard nothing
    }

    [Fact]
    public async Task AcquireAsync_HeldByOneNode_TheOtherWaitsUntilReleased()
    {
        await using var database = await TestDatabase.PostgresAsync();
        await using var first = await NewsroomApp.StartAsync(database, runJobs: false);
        await using var second = await NewsroomApp.StartAsync(database, runJobs: false);
        var locks1 = first.Services.GetRequiredService<INodeLocks>();
        var locks2 = second.Services.GetRequiredService<INodeLocks>();

        var held = await locks1.AcquireAsync("rendition:foto-1", CancellationToken.None);

        // Another name is free; the same name waits (and a wait given up leaves nothing held).
        await using (await locks2.AcquireAsync("rendition:foto-2", CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5)))
        {
        }

        using (var patience = new CancellationTokenSource(TimeSpan.FromMilliseconds(700)))
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => locks2.AcquireAsync("rendition:foto-1", patience.Token));
        }

        var waiting = locks2.AcquireAsync("rendition:foto-1", CancellationToken.None);
        await Task.Delay(500);
        Assert.False(waiting.IsCompleted, "the second node got a lock the first still holds");

        await held.DisposeAsync();
        await using var second1 = await waiting.WaitAsync(TimeSpan.FromSeconds(5));

        // Now the first node waits for the second.
        var back = locks1.AcquireAsync("rendition:foto-1", CancellationToken.None);
        await Task.Delay(500);
        Assert.False(back.IsCompleted, "the first node got a lock the second holds");
        await second1.DisposeAsync();
        await (await back.WaitAsync(TimeSpan.FromSeconds(5))).DisposeAsync();
    }

    [Fact]
    public async Task IdentityChangedOnOneNode_TheOtherNodesKeptPagesShowItWithinOneSecond()
    {
        await using var database = await TestDatabase.PostgresAsync();
        await using var first = await NewsroomApp.StartAsync(database, runJobs: false);
        await using var second = await NewsroomApp.StartAsync(database, runJobs: false);
        await WaitListeningAsync(database, 2);
        using var reader = second.CreateClient();
        Assert.Contains("Berita Kabupaten Contoh", await reader.GetStringAsync("/"), StringComparison.Ordinal);
        Assert.Contains("Berita Kabupaten Contoh", await reader.GetStringAsync("/"), StringComparison.Ordinal); // kept now

        using var admin = await first.SignInAsync("admin");
        var saved = await admin.PostFormAsync("/admin/pengaturan/situs", new Dictionary<string, string>
        {
            ["Name"] = "Berita Kabupaten Dua Node",
            ["Publisher"] = "Dinas Komunikasi dan Informatika Kabupaten Dua Node",
            ["BrandColor"] = "#0b4f8a",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        await UntilAsync(async () => (await reader.GetStringAsync("/")).Contains("Berita Kabupaten Dua Node", StringComparison.Ordinal), OneSecond,
            "the second node still shows the old identity");
    }

    [Fact]
    public async Task PublishedOnOneNode_TheOtherNodesKeptHomePageShowsItWithinOneSecond()
    {
        await using var database = await TestDatabase.PostgresAsync();
        await using var first = await NewsroomApp.StartAsync(database);
        await using var second = await NewsroomApp.StartAsync(database, runJobs: false);
        await WaitListeningAsync(database, 2);
        using var reader = second.CreateClient();
        const string title = "Bupati Resmikan Jembatan Dua Node";
        Assert.DoesNotContain(title, await reader.GetStringAsync("/"), StringComparison.Ordinal);
        Assert.DoesNotContain(title, await reader.GetStringAsync("/"), StringComparison.Ordinal); // kept now

        using var reporter = await first.LoginAsync("reporter");
        await Api.PublishAsync(first, reporter, title, "pemerintahan", photos: 1);

        await UntilAsync(async () => (await reader.GetStringAsync("/")).Contains(title, StringComparison.Ordinal), OneSecond,
            "the second node still serves the home page it kept before the publication");
    }

    [Fact]
    public async Task DatabaseRestart_ListenerComesBack_CatchUpToldAndSignalsHeardAgain()
    {
        await using var database = await TestDatabase.PostgresAsync();
        await using var first = await NewsroomApp.StartAsync(database, runJobs: false);
        await using var second = await NewsroomApp.StartAsync(database, runJobs: false);
        await WaitListeningAsync(database, 2);
        var signals = second.Services.GetRequiredService<INodeSignals>();
        var caughtUp = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var catchUp = signals.Subscribe(NodeTopics.CatchUp, (_, _) =>
        {
            caughtUp.TrySetResult();
            return Task.CompletedTask;
        });

        await using (await database.OutageAsync())
        {
            await Task.Delay(1500);
            Assert.False(caughtUp.Task.IsCompleted);
        }

        await caughtUp.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await WaitListeningAsync(database, 2);
        var heard = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = signals.Subscribe("test.after-restart", (payload, _) =>
        {
            heard.TrySetResult(payload);
            return Task.CompletedTask;
        });
        await first.Services.GetRequiredService<INodeSignals>().SendAsync("test.after-restart", "lagi");
        Assert.Equal("lagi", await heard.Task.WaitAsync(OneSecond));
    }

    /// <summary>Waits until <paramref name="count"/> nodes listen for signals on the test's database.</summary>
    private static async Task WaitListeningAsync(TestDatabase database, int count)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            await using (var connection = new NpgsqlConnection(database.ConnectionString))
            {
                await connection.OpenAsync();
                await using var command = new NpgsqlCommand(
                    "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND query = 'LISTEN newsroom_signals'", connection);
                if ((long)(await command.ExecuteScalarAsync())! >= count)
                {
                    return;
                }
            }

            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(30), $"fewer than {count} nodes listen for signals after 30 s");
            await Task.Delay(100);
        }
    }

    private static async Task UntilAsync(Func<Task<bool>> condition, TimeSpan within, string failure)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(clock.Elapsed < within, $"{failure} after {clock.Elapsed.TotalMilliseconds:0} ms");
            await Task.Delay(50);
        }
    }
}
