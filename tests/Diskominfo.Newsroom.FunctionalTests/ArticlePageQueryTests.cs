using System.Diagnostics;
using Diskominfo.Newsroom.Infrastructure.Data;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Diskominfo.Newsroom.FunctionalTests;

/// <summary>
/// The article page rendered for every request (the page cache off) costs one database command: the article, its
/// photos, corrections and related news in one round trip.
/// </summary>
public sealed class ArticlePageQueryTests
{
    [Fact]
    public Task ArticlePage_SqliteUncached_RunsOneDatabaseCommand() => OneCommandAsync(TestDatabase.SqliteAsync);

    [Fact]
    public Task ArticlePage_PostgresUncached_RunsOneDatabaseCommand() => OneCommandAsync(TestDatabase.PostgresAsync);

    [Fact]
    public Task RelatedNews_SqliteUncached_NewestOfTheCategoryWithoutItself() => RelatedNewsAsync(TestDatabase.SqliteAsync);

    [Fact]
    public Task RelatedNews_PostgresUncached_NewestOfTheCategoryWithoutItself() => RelatedNewsAsync(TestDatabase.PostgresAsync);

    /// <summary>
    /// On SQLite the page's command runs on a connection kept open with its statement prepared: reading the page again
    /// and again opens no other connection, and a kept connection still sees what was committed since its last read (an
    /// article published meanwhile shows among the related news at once).
    /// </summary>
    [Fact]
    public async Task ArticlePage_SqliteUncached_KeptConnectionReusedAndSeesEachNewArticle()
    {
        await using var database = await TestDatabase.SqliteAsync();
        await using var app = await NewsroomApp.StartAsync(
            database, extraSettings: new Dictionary<string, string?> { ["Newsroom:Site:CachePages"] = "false" });
        using var reporter = await app.LoginAsync("reporter");
        var first = await Api.PublishAsync(app, reporter, "Pasar Desa Dibuka Kembali", "ekonomi", 0);
        using var reader = app.CreateClient();
        var readers = app.Services.GetRequiredService<SqliteReaders>();

        Assert.DoesNotContain("Berita terkait", await reader.GetStringAsync(first), StringComparison.Ordinal);
        var kept = readers.Idle;
        Assert.InRange(kept, 1, SqliteReaders.MaxIdle);
        for (var i = 0; i < 5; i++)
        {
            await reader.GetStringAsync(first);
        }

        Assert.Equal(kept, readers.Idle);

        await Api.PublishAsync(app, reporter, "Harga Cabai di Pasar Desa Turun", "ekonomi", 0);
        var page = await reader.GetStringAsync(first);
        Assert.Equal(["Harga Cabai di Pasar Desa Turun"], RelatedTitles(page));
    }

    /// <summary>
    /// Six articles of one category and one of another: the oldest article's page lists the newest four of its
    /// category, newest first; the newest article's page lists the four after it, never itself. Each page is one
    /// command that reads the category through its index (no window over every published article, which made a page
    /// cost 14 ms at 5,000 articles on SQLite).
    /// </summary>
    private static async Task RelatedNewsAsync(Func<Task<TestDatabase>> databaseFactory)
    {
        await using var database = await databaseFactory();
        await using var app = await NewsroomApp.StartAsync(
            database, extraSettings: new Dictionary<string, string?> { ["Newsroom:Site:CachePages"] = "false" },
            services: s => s.AddHttpContextAccessor());
        using var reporter = await app.LoginAsync("reporter");
        var titles = Enumerable.Range(1, 6).Select(i => $"Pembangunan Jembatan Tahap {i} Rampung").ToList();
        var paths = new List<string>();
        foreach (var title in titles)
        {
            paths.Add(await Api.PublishAsync(app, reporter, title, "pembangunan", 0));
        }

        await Api.PublishAsync(app, reporter, "Puskesmas Keliling Menyapa Warga Desa", "kesehatan", 0);
        using var reader = app.CreateClient();

        var oldest = await reader.GetStringAsync(paths[0]);
        Assert.Equal([titles[5], titles[4], titles[3], titles[2]], RelatedTitles(oldest));

        using var counter = new CommandCounter(app, paths[5]);
        var newest = await reader.GetStringAsync(paths[5]);
        Assert.Equal([titles[4], titles[3], titles[2], titles[1]], RelatedTitles(newest));
        var command = Assert.Single(counter.Commands);
        Assert.DoesNotContain("ROW_NUMBER", command, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The titles listed under "Berita terkait", in the page's order.</summary>
    private static List<string> RelatedTitles(string html)
    {
        var section = html[html.IndexOf("<h2 id=\"terkait\">", StringComparison.Ordinal)..];
        section = section[..section.IndexOf("</ul>", StringComparison.Ordinal)];
        return System.Text.RegularExpressions.Regex.Matches(section, "<a href=\"[^\"]*\">([^<]*)</a>").Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();
    }

    private static async Task OneCommandAsync(Func<Task<TestDatabase>> databaseFactory)
    {
        await using var database = await databaseFactory();
        await using var app = await NewsroomApp.StartAsync(
            database, extraSettings: new Dictionary<string, string?> { ["Newsroom:Site:CachePages"] = "false" },
            services: s => s.AddHttpContextAccessor());
        using var reporter = await app.LoginAsync("reporter");
        await Api.PublishAsync(app, reporter, "Jalan Desa Sukamaju Selesai Diaspal", "pembangunan", 0);
        var path = await Api.PublishAsync(app, reporter, "Jembatan Raya Diresmikan Bupati", "pembangunan", 2);

        using var reader = app.CreateClient();
        using var counter = new CommandCounter(app, path);

        // The first request may read what is then kept in memory (the site's identity); the next ones read only the page.
        await reader.GetStringAsync(path);
        counter.Reset();
        var html = await reader.GetStringAsync(path);

        Assert.Contains("<h1>Jembatan Raya Diresmikan Bupati</h1>", html, StringComparison.Ordinal);
        Assert.Contains("Berita terkait", html, StringComparison.Ordinal);
        Assert.Contains("Jalan Desa Sukamaju Selesai Diaspal", html, StringComparison.Ordinal);
        Assert.Contains("Galeri foto", html, StringComparison.Ordinal);
        // One command, and no DbContext set up for it (that cost more than the query): on failure, xunit lists both.
        Assert.Single(counter.Commands);
    }

    /// <summary>
    /// Counts the commands run for requests to one path of one site, EF Core's (its diagnostic listener) and those run
    /// without a DbContext (<see cref="NewsroomDatabase.Commands"/>), and each DbContext set up for them. The listeners are
    /// process-wide: other tests' sites and this site's background jobs run commands meanwhile.
    /// </summary>
    private sealed class CommandCounter : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
    {
        private readonly IHttpContextAccessor _http;
        private readonly IHostApplicationLifetime _site;
        private readonly string _path;
        private readonly IDisposable _all;
        private readonly ActivityListener _reads;
        private readonly List<IDisposable> _subscriptions = [];
        private readonly List<string> _commands = [];

        public CommandCounter(NewsroomApp app, string path)
        {
            _http = app.Services.GetRequiredService<IHttpContextAccessor>();
            _site = app.Services.GetRequiredService<IHostApplicationLifetime>();
            _path = path;
            _all = DiagnosticListener.AllListeners.Subscribe(this);
            // Read here, not in the listener: a listener asked about the source while its static field is being set
            // (the first command after start) would see null.
            var commands = NewsroomDatabase.Commands;
            _reads = new ActivityListener
            {
                ShouldListenTo = source => source == commands,
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
                ActivityStopped = activity => Count(activity.GetTagItem("db.query.text") as string ?? activity.DisplayName),
            };
            System.Diagnostics.ActivitySource.AddActivityListener(_reads);
        }

        public IReadOnlyList<string> Commands
        {
            get
            {
                lock (_commands)
                {
                    return [.. _commands];
                }
            }
        }

        public void Reset()
        {
            lock (_commands)
            {
                _commands.Clear();
            }
        }

        public void OnNext(DiagnosticListener value)
        {
            if (value.Name == DbLoggerCategory.Name)
            {
                lock (_subscriptions)
                {
                    _subscriptions.Add(value.Subscribe(this));
                }
            }
        }

        public void OnNext(KeyValuePair<string, object?> value)
        {
            if (value.Key == RelationalEventId.CommandExecuting.Name && value.Value is CommandEventData data)
            {
                Count(data.Command.CommandText);
            }
            else if (value.Key == CoreEventId.ContextInitialized.Name && value.Value is ContextInitializedEventData context)
            {
                Count($"(a {context.Context.GetType().Name} set up)");
            }
        }

        public void OnCompleted()
        {
        }

        private void Count(string command)
        {
            var request = _http.HttpContext;
            if (request?.Request.Path.Value == _path && request.RequestServices.GetService<IHostApplicationLifetime>() == _site)
            {
                lock (_commands)
                {
                    _commands.Add(command);
                }
            }
        }

        public void OnError(Exception error)
        {
        }

        public void Dispose()
        {
            _all.Dispose();
            _reads.Dispose();
            lock (_subscriptions)
            {
                _subscriptions.ForEach(s => s.Dispose());
            }
        }
    }
}
