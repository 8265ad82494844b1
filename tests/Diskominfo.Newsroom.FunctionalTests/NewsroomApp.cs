using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Diskominfo.Newsroom.FakeGraph;
using Diskominfo.Newsroom.Infrastructure.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Diskominfo.Newsroom.FunctionalTests;

/// <summary>
/// One site with its own world: its own data folder and database (a SQLite file, or a fresh PostgreSQL
/// database), its own job server, the Graph API pointed at a fake server when one is given.
/// </summary>
public sealed class NewsroomApp : WebApplicationFactory<Program>
{
    public const string Password = "Diskominfo#2026";
    private readonly Dictionary<string, string?> _settings;

    private NewsroomApp(Dictionary<string, string?> settings, string dataDir)
    {
        _settings = settings;
        DataDir = dataDir;
    }

    public string DataDir { get; }

    private TimeProvider? _clock;

    private Action<IServiceCollection>? _services;

    private bool _kestrel;

    /// <summary>The site's own address: http://localhost for the in-memory server, the real one on Kestrel.</summary>
    public Uri BaseAddress { get; private set; } = new("http://localhost");

    /// <summary>
    /// Starts a site. With <paramref name="kestrel"/> it listens on a real loopback port, for a real browser and for
    /// the fake Graph server to fetch images over HTTP as Instagram does. A fresh site (no <paramref name="dataDir"/>,
    /// no keys settings) finds the run's key-ring certificate in its keys folder (<see cref="TestKeyRing"/>) unless
    /// <paramref name="ownKeyRing"/> asks it to make its own.
    /// </summary>
    public static async Task<NewsroomApp> StartAsync(
        TestDatabase database, FakeGraphServer? graph = null, bool runJobs = true, string? dataDir = null, bool kestrel = false,
        TimeProvider? clock = null, IReadOnlyDictionary<string, string?>? extraSettings = null, Action<IServiceCollection>? services = null,
        bool ownKeyRing = false)
    {
        var fresh = dataDir is null;
        dataDir ??= Directory.CreateTempSubdirectory("newsroom-test-").FullName;
        var port = kestrel ? FreePort() : 0;
        var baseUrl = kestrel ? $"http://127.0.0.1:{port}" : "http://localhost";
        var settings = new Dictionary<string, string?>
        {
            ["Newsroom:DataDir"] = dataDir,

            // The keys folder beside the data folder, as App_Keys is beside App_Data: the same data, the same keys.
            ["Newsroom:Keys:Directory"] = dataDir.TrimEnd('/') + "-keys",
            ["Newsroom:Database:Provider"] = database.Provider,
            ["ConnectionStrings:Newsroom"] = database.ConnectionString ?? $"Data Source={Path.Combine(dataDir, "newsroom.db")}",
            ["Newsroom:PublicBaseUrl"] = baseUrl,
            ["Newsroom:RunJobServer"] = runJobs ? "true" : "false",

            // Meta's Graph host, and the loopback address of the fake Graph server a test may connect a channel to.
            ["Newsroom:Graph:AllowedHosts"] = Harness.SiteProcess.GraphAllowedHosts,

            // Dozens of sites share this process and one PostgreSQL server: fewer job workers than production each.
            ["Newsroom:JobWorkers"] = "6",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:System.Net.Http"] = "Warning",
        };
        if (graph is not null)
        {
            foreach (var (key, value) in Harness.SiteProcess.ChannelSettings(graph))
            {
                settings[key] = value;
            }
        }

        foreach (var (key, value) in extraSettings ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        if (fresh && !ownKeyRing && extraSettings?.Keys.Any(k => k.StartsWith("Newsroom:Keys:", StringComparison.Ordinal)) != true)
        {
            TestKeyRing.PlaceIn(settings["Newsroom:Keys:Directory"]!);
        }

        if (clock is not null)
        {
            // Tokens issued at the test's clock must stay valid however far the test moves it.
            settings["Newsroom:Auth:LifetimeMinutes"] = "100000";
        }

        var app = new NewsroomApp(settings, dataDir) { BaseAddress = new Uri(baseUrl), _clock = clock, _services = services, _kestrel = kestrel };
        if (kestrel)
        {
            app.UseKestrel(port);
            app.StartServer();
            return app;
        }

        _ = app.Server; // start now
        if (graph is not null)
        {
            graph.ImageFetcher = app.Server.CreateHandler();
        }

        await Task.CompletedTask;
        return app;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        if (_clock is not null)
        {
            builder.ConfigureTestServices(services => services.AddSingleton(_clock));
        }

        if (_services is not null)
        {
            builder.ConfigureTestServices(_services);
        }

        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }

    protected override IHost CreateHost(IHostBuilder builder)
    {
        // UseKestrel registers Kestrel after the site registered its server with the kept pages' front.
        if (_kestrel)
        {
            builder.ConfigureServices(services => services.AddKeptPageServer());
        }

        return base.CreateHost(builder);
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>A client signed in through the desk's sign-in form (cookie), as a person with a browser is.</summary>
    public async Task<DeskClient> SignInAsync(string userName)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var desk = new DeskClient(client);
        var response = await desk.PostFormAsync("/masuk", new() { ["UserName"] = userName, ["Password"] = Password });
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        return desk;
    }

    public async Task<HttpClient> LoginAsync(string userName)
    {
        var client = CreateClient();
        var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { userName, password = Password });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}

/// <summary>A cookie client that posts forms with the antiforgery token of the page the form is on.</summary>
public sealed class DeskClient(HttpClient client) : IDisposable
{
    public HttpClient Http => client;

    public async Task<HttpResponseMessage> PostFormAsync(string formPage, Dictionary<string, string> fields, string? action = null)
    {
        var page = await client.GetStringAsync(formPage);
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(token), $"no antiforgery token on {formPage}");
        fields["__RequestVerificationToken"] = token;
        return await client.PostAsync(action ?? formPage, new FormUrlEncodedContent(fields));
    }

    public void Dispose() => client.Dispose();
}

/// <summary>
/// A clock the test moves by hand (the site's <see cref="TimeProvider"/>), for durations and scheduled times; with a
/// <see cref="Step"/>, each reading also moves it that much further on, as a loaded machine's clock moves between two readings.
/// </summary>
public sealed class TestClock(DateTimeOffset start) : TimeProvider
{
    private long _ticks = start.UtcTicks;

    public TimeSpan Step { get; set; }

    public override DateTimeOffset GetUtcNow()
    {
        var step = Step.Ticks;
        return new(Interlocked.Add(ref _ticks, step) - step, TimeSpan.Zero);
    }

    public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
}

/// <summary>Which database a test runs on. PostgreSQL tests get a database of their own, dropped afterwards.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string? _adminConnection;
    private readonly string? _name;

    private TestDatabase(string provider, string? connectionString, string? adminConnection, string? name)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _adminConnection = adminConnection;
        _name = name;
    }

    public string Provider { get; }

    public string? ConnectionString { get; }

    public static Task<TestDatabase> SqliteAsync() => Task.FromResult(new TestDatabase("Sqlite", null, null, null));

    /// <summary>
    /// A fresh PostgreSQL database on the server named by NEWSROOM_TEST_POSTGRES. Without it the test is skipped,
    /// except under CI=true, where PostgreSQL must be there and the test fails instead.
    /// </summary>
    public static async Task<TestDatabase> PostgresAsync()
    {
        var admin = Environment.GetEnvironmentVariable("NEWSROOM_TEST_POSTGRES");
        if (string.IsNullOrEmpty(admin))
        {
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                Assert.Fail("CI=true but NEWSROOM_TEST_POSTGRES is not set: the PostgreSQL tests must run in CI.");
            }

            Assert.Skip("PostgreSQL not configured (set NEWSROOM_TEST_POSTGRES).");
        }

        var name = $"newsroom_test_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync();
        }

        var builder = new NpgsqlConnectionStringBuilder(admin) { Database = name };
        return new TestDatabase("Postgres", builder.ConnectionString, admin, name);
    }

    /// <summary>Runs SQL straight on the site's database, behind the application's back (to tamper with stored rows).</summary>
    public async Task<int> ExecuteAsync(NewsroomApp app, string sql)
    {
        if (_adminConnection is null)
        {
            await using var sqlite = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(app.DataDir, "newsroom.db")};Pooling=false");
            await sqlite.OpenAsync();
            await using var command = sqlite.CreateCommand();
            command.CommandText = sql;
            return await command.ExecuteNonQueryAsync();
        }

        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var pg = new NpgsqlCommand(sql, connection);
        return await pg.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// PostgreSQL only: the site's database refuses new connections and its open ones are cut, until the returned
    /// handle is disposed. What a restart or a failover looks like from the site.
    /// </summary>
    public async Task<IAsyncDisposable> OutageAsync()
    {
        Assert.NotNull(_adminConnection);
        await AdminAsync($"ALTER DATABASE {_name} ALLOW_CONNECTIONS false");
        await AdminAsync($"SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = '{_name}' AND pid <> pg_backend_pid()");
        return new Restore(() => AdminAsync($"ALTER DATABASE {_name} ALLOW_CONNECTIONS true"));
    }

    private async Task AdminAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_adminConnection);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private sealed class Restore(Func<Task> restore) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await restore();
    }

    /// <summary>A GUID as the provider stores it (EF keeps SQLite GUIDs as upper-case text).</summary>
    public string Literal(Guid id) => _adminConnection is null ? $"'{id.ToString().ToUpperInvariant()}'" : $"'{id}'";

    public async ValueTask DisposeAsync()
    {
        if (_adminConnection is null)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_adminConnection);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_name} WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
