using Diskominfo.Newsroom.Harness;

namespace Diskominfo.Newsroom.FunctionalTests;

/// <summary>
/// The real site process killed with SIGKILL at random moments while it publishes, then started again: nothing may
/// go out twice and nothing may be lost. The full loop (50 kills and more) is bench/crash.sh; this is its short form.
/// </summary>
public sealed class CrashTests(ITestOutputHelper output)
{
    [Fact]
    public async Task KilledWhilePublishing_Sqlite_EveryChannelExactlyOnce()
    {
        var report = await CrashLoop.RunAsync(new CrashLoopOptions(Loops: 4, ItemsPerLoop: 2, "Sqlite", null, Seed: 11), new OutputWriter(output));
        AssertClean(report);
    }

    [Fact]
    public async Task KilledWhilePublishing_Postgres_EveryChannelExactlyOnce()
    {
        await using var database = await TestDatabase.PostgresAsync();
        var report = await CrashLoop.RunAsync(new CrashLoopOptions(Loops: 4, ItemsPerLoop: 2, "Postgres", database.ConnectionString, Seed: 12), new OutputWriter(output));
        AssertClean(report);
    }

    private void AssertClean(CrashLoopReport report)
    {
        output.WriteLine($"{report.Items} items, {report.Kills} kills, drained in {report.Drain.TotalSeconds:0.0} s");
        Assert.Equal(4, report.Kills);
        Assert.Equal(8, report.Items);
        Assert.True(report.Problems.Count == 0, string.Join("\n", report.Problems));
        Assert.Equal(0, report.Duplicates);
        Assert.Equal(0, report.Lost);
    }

    private sealed class OutputWriter(ITestOutputHelper output) : StringWriter
    {
        public override void WriteLine(string? value) => output.WriteLine(value ?? "");
    }
}
