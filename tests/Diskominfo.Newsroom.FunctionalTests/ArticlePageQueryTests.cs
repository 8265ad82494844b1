using System.Diagnostics;
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
        Assert.Single(counter.Commands); // on failure, xunit lists the commands
    }

    /// <summary>
    /// Counts the EF Core commands run for requests to one path of one site (the diagnostic listener is process-wide:
    /// other tests' sites and this site's background jobs run commands meanwhile).
    /// </summary>
    private sealed class CommandCounter : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
    {
        private readonly IHttpContextAccessor _http;
        private readonly IHostApplicationLifetime _site;
        private readonly string _path;
        private readonly IDisposable _all;
        private readonly List<IDisposable> _subscriptions = [];
        private readonly List<string> _commands = [];

        public CommandCounter(NewsroomApp app, string path)
        {
            _http = app.Services.GetRequiredService<IHttpContextAccessor>();
            _site = app.Services.GetRequiredService<IHostApplicationLifetime>();
            _path = path;
            _all = DiagnosticListener.AllListeners.Subscribe(this);
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
            if (value.Key != RelationalEventId.CommandExecuting.Name || value.Value is not CommandEventData data)
            {
                return;
            }

            var request = _http.HttpContext;
            if (request?.Request.Path.Value == _path && request.RequestServices.GetService<IHostApplicationLifetime>() == _site)
            {
                lock (_commands)
                {
                    _commands.Add(data.Command.CommandText);
                }
            }
        }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }

        public void Dispose()
        {
            _all.Dispose();
            lock (_subscriptions)
            {
                _subscriptions.ForEach(s => s.Dispose());
            }
        }
    }
}
