using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Json;
using Diskominfo.Newsroom.Abstractions.Operations;
using Diskominfo.Newsroom.Operations.Data;
using Diskominfo.Newsroom.Operations.Models;
using Diskominfo.Newsroom.Operations.Services;
using Hangfire;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Diskominfo.Newsroom.FunctionalTests;

/// <summary>
/// "Status sistem" (<c>/admin/status</c>) for admins: the checks, the figures and the 24-hour chart from the samples;
/// the backup's age from whatever module implements <see cref="IBackupStatus"/> (here a fixed one), with a warning
/// past a day.
/// </summary>
public sealed class StatusPageTests
{
    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Postgres")]
    public async Task StatusPage_ShowsChecksFiguresBackupWarningAndChart(string provider)
    {
        var finished = DateTimeOffset.UtcNow.AddDays(-2);
        var backup = new BackupSummary(finished.AddMinutes(-3), finished, "/srv/cadangan/2026-11-29", 52_428_800, 120, true, null, true);
        await using var database = provider == "Sqlite" ? await TestDatabase.SqliteAsync() : await TestDatabase.PostgresAsync();
        await using var app = await NewsroomApp.StartAsync(database, services: s => s.AddSingleton<IBackupStatus>(new FixedBackupStatus(backup)));

        // A wrong password, and an item signed and published on the website.
        using var stranger = app.CreateClient();
        using var refused = await stranger.PostAsJsonAsync("/api/v1/auth/login", new { userName = "kasi", password = "salah-sandi" });
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        using var reporter = await app.LoginAsync("reporter");
        var item = await Api.CreatePressReleaseAsync(reporter);
        Assert.Equal(HttpStatusCode.OK, (await Api.ActAsync(reporter, item, "submit")).StatusCode);
        await Api.SignAsync(app, item);
        await Publications.WaitAsync(reporter, item, "website", "published");

        // The sampling job is on the job server's recurring list. Then it is taken off, so that a run at a five-minute
        // mark cannot add a sample of its own in the middle of this test (once in CI it did).
        using var admin = await app.SignInAsync("admin");
        Assert.Contains(StatusSampler.RecurringJobId, await admin.Http.GetStringAsync("/admin/pekerjaan/recurring"), StringComparison.Ordinal);
        await StopSamplingAsync(app);

        // Two samples: one a week and a day old (pruned by the next run), and the one the job takes now.
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OperationsDbContext>();
            await db.Samples.ExecuteDeleteAsync();
            db.Samples.Add(new StatusSample { At = DateTimeOffset.UtcNow.AddDays(-8), Health = "Healthy", QueueDepth = 99 });
            await db.SaveChangesAsync();
            await scope.ServiceProvider.GetRequiredService<StatusSampler>().RunAsync(CancellationToken.None);
        }

        using (var scope = app.Services.CreateScope())
        {
            var sample = Assert.Single(scope.ServiceProvider.GetRequiredService<OperationsDbContext>().Samples.ToList());
            Assert.Equal(1, sample.FailedSignIns);
            Assert.InRange(sample.BackupAgeHours!.Value, 47.9, 48.1);
            Assert.NotNull(sample.IndexLagSeconds);
        }

        using var response = await admin.Http.GetAsync("/admin/status");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<h1>Status sistem</h1>", html, StringComparison.Ordinal);
        foreach (var check in new[] { "basis-data", "ruang-disk", "server-pekerjaan", "indeks-pencarian", "kanal", "smtp" })
        {
            Assert.Contains($"data-check=\"{check}\"", html, StringComparison.Ordinal);
        }

        Assert.Contains("<dd class=\"failed-sign-ins\">1</dd>", html, StringComparison.Ordinal);
        Assert.Contains("Peringatan: cadangan terakhir lebih tua dari sehari.", html, StringComparison.Ordinal);
        Assert.Contains("<dd class=\"backup alert\">", html, StringComparison.Ordinal);
        Assert.Contains("50 MB, 120 berkas", html, StringComparison.Ordinal);
        Assert.Matches("<tr data-channel=\"website\">\\s*<th scope=\"row\">Situs web</th>[\\s\\S]*?<td data-status=\"published\">1</td>", html);
        Assert.Matches("<dd class=\"index-lag\">tertinggal [0-9.,]+ detik, 0 perubahan menunggu</dd>", html);
        Assert.Contains("1 sampel sejak", html, StringComparison.Ordinal);
        Assert.Equal(5, CountOf(html, "<svg class=\"status-chart\""));
        Assert.Contains("aria-label=\"Gagal masuk: 1 sampel, terakhir 1 kali, tertinggi 1 kali.\"", html, StringComparison.Ordinal);
        Assert.Contains("aria-label=\"Umur cadangan: 1 sampel, terakhir 48", html, StringComparison.Ordinal);
        Assert.DoesNotContain("99", Between(html, "Antrean pekerjaan latar: ", "\""), StringComparison.Ordinal);
        Assert.Contains("href=\"/admin/status\"", await admin.Http.GetStringAsync("/admin"), StringComparison.Ordinal);

        // The same age on the gauge Prometheus reads (this site's own meter, whatever other sites the process runs).
        Assert.InRange(BackupAgeGauge(app)!.Value, TimeSpan.FromDays(2).TotalSeconds - 120, TimeSpan.FromDays(2).TotalSeconds + 120);
    }

    /// <summary>Removes the recurring sampling job and waits until no run of it is queued or running.</summary>
    private static async Task StopSamplingAsync(NewsroomApp app)
    {
        app.Services.GetRequiredService<IRecurringJobManager>().RemoveIfExists(StatusSampler.RecurringJobId);
        var monitoring = app.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (monitoring.ProcessingJobs(0, 500).Any(j => j.Value.Job?.Type == typeof(StatusSampler))
            || monitoring.EnqueuedJobs("default", 0, 500).Any(j => j.Value.Job?.Type == typeof(StatusSampler)))
        {
            Assert.True(DateTime.UtcNow < deadline, "A status sample job is still queued or running after 30 s.");
            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task StatusPage_WithoutBackups_SaysSo_AndTheGaugeIsAbsent()
    {
        await using var database = await TestDatabase.SqliteAsync();
        await using var app = await NewsroomApp.StartAsync(database, runJobs: false, services: s => s.AddSingleton<IBackupStatus>(new FixedBackupStatus(null)));

        using var admin = await app.SignInAsync("admin");
        var html = await admin.Http.GetStringAsync("/admin/status");
        Assert.Contains("Peringatan: belum pernah ada cadangan yang berhasil.", html, StringComparison.Ordinal);
        Assert.Contains("Belum ada publikasi.", html, StringComparison.Ordinal);
        Assert.Contains("0 sampel sejak", html, StringComparison.Ordinal);
        Assert.Contains("aria-label=\"Umur cadangan: belum ada sampel.\"", html, StringComparison.Ordinal);
        Assert.Null(BackupAgeGauge(app));
    }

    [Fact]
    public async Task StatusPage_RefusesEveryoneButAdmins()
    {
        await using var database = await TestDatabase.SqliteAsync();
        await using var app = await NewsroomApp.StartAsync(database, runJobs: false);

        using var anonymous = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var stranger = await anonymous.GetAsync("/admin/status");
        Assert.Equal(HttpStatusCode.Redirect, stranger.StatusCode);
        Assert.StartsWith("/masuk", stranger.Headers.Location?.OriginalString, StringComparison.Ordinal);

        foreach (var user in new[] { "reporter", "kasi", "kadis", "operator" })
        {
            using var desk = await app.SignInAsync(user);
            using var refused = await desk.Http.GetAsync("/admin/status");
            Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
            Assert.StartsWith("/ditolak", refused.Headers.Location?.OriginalString, StringComparison.Ordinal);
            Assert.DoesNotContain("Status sistem", await desk.Http.GetStringAsync("/admin"), StringComparison.Ordinal);
        }

        using var kasiApi = await app.LoginAsync("kasi");
        using var bearer = await kasiApi.GetAsync("/admin/status");
        Assert.Equal(HttpStatusCode.Forbidden, bearer.StatusCode);

        // Without a metrics token there is no /metrics at all.
        using var metrics = await anonymous.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.NotFound, metrics.StatusCode);
    }

    /// <summary>What <c>newsroom.backup.age</c> reports now on this site's meter; null when it reports nothing.</summary>
    private static double? BackupAgeGauge(NewsroomApp app)
    {
        var meters = app.Services.GetRequiredService<IMeterFactory>();
        double? age = null;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Scope == meters && instrument.Name == "newsroom.backup.age")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<double>((_, value, _, _) => age = value);
        listener.Start();
        listener.RecordObservableInstruments();
        return age;
    }

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;

    private static string Between(string text, string start, string end)
    {
        var from = text.IndexOf(start, StringComparison.Ordinal) + start.Length;
        return text[from..text.IndexOf(end, from, StringComparison.Ordinal)];
    }

    private sealed class FixedBackupStatus(BackupSummary? last) : IBackupStatus
    {
        public Task<BackupSummary?> LastAsync(CancellationToken cancellationToken) => Task.FromResult(last);

        public Task<BackupSummary?> LastSucceededAsync(CancellationToken cancellationToken) => Task.FromResult(last is { Succeeded: true } ? last : null);
    }
}
