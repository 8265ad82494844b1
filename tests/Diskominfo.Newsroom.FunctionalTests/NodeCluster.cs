using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Diskominfo.Newsroom.FakeGraph;
using Diskominfo.Newsroom.Harness;
using Npgsql;

namespace Diskominfo.Newsroom.FunctionalTests;

/// <summary>
/// The site as several nodes run it: each node a process of its own in Production, as the systemd unit and its
/// environment file say, on one PostgreSQL database, one S3-compatible object store (s3rver) and one key-ring
/// certificate, behind Debian's nginx with the deploy configuration and one <c>server</c> line per node (round-robin).
/// Each node keeps its own data folder (its search index and caches). Everything is stopped and deleted on dispose.
/// </summary>
internal sealed class NodeCluster : IAsyncDisposable
{
    /// <summary>The address readers and staff connect to nginx from.</summary>
    public static readonly IPAddress Visitor = IPAddress.Parse("127.0.0.2");

    private const string CertificatePassword = "sandi-sertifikat-uji";
    private readonly List<string> _folders = [];
    private readonly Dictionary<string, string> _environment;

    private NodeCluster(TestDatabase database, S3Server store, FakeGraphServer graph, NginxProxy balancer, Dictionary<string, string> environment, int[] ports)
    {
        Database = database;
        Store = store;
        Graph = graph;
        Balancer = balancer;
        _environment = environment;
        Ports = ports;
        Nodes = new SiteRun?[ports.Length];
    }

    public TestDatabase Database { get; }

    public S3Server Store { get; }

    public FakeGraphServer Graph { get; }

    public NginxProxy Balancer { get; }

    public int[] Ports { get; }

    public SiteRun?[] Nodes { get; }

    /// <summary>The node names written on the leases they take: <c>node-a</c>, <c>node-b</c>, ...</summary>
    public static string NodeName(int node) => $"node-{(char)('a' + node)}";

    public Uri Address(int node) => new($"http://127.0.0.1:{Ports[node]}");

    /// <summary>Starts PostgreSQL's database, s3rver, the fake Graph server, nginx and <paramref name="count"/> nodes, and waits until every node answers.</summary>
    public static async Task<NodeCluster> StartAsync(int count = 2, IReadOnlyDictionary<string, string>? settings = null)
    {
        NginxProxy.RequireExecutable();
        var database = await TestDatabase.PostgresAsync();
        S3Server? store = null;
        FakeGraphServer? graph = null;
        NginxProxy? balancer = null;
        try
        {
            store = await ObjectStore.StartAsync();
            graph = await FakeGraphServer.StartAsync();
            var ports = Enumerable.Range(0, count).Select(_ => SiteProcess.FreePort()).ToArray();
            balancer = await NginxProxy.StartAsync(ports);

            // Instagram fetches the photo from the public address, which is nginx's.
            graph.ImageFetcher = balancer.Handler(Visitor);
            var environment = await ReverseProxyTests.DeployedEnvironmentAsync(ports[0]);
            environment.Remove("ASPNETCORE_URLS");
            environment["Newsroom__PublicBaseUrl"] = balancer.BaseAddress.ToString().TrimEnd('/');
            environment["Newsroom__DemoAccounts"] = "true";
            environment["Newsroom__RunJobServer"] = "true";
            environment["Newsroom__Database__Provider"] = "Postgres";
            environment["ConnectionStrings__Newsroom"] = database.ConnectionString!;
            environment["Newsroom__JobWorkers"] = "4";
            foreach (var (key, value) in SiteProcess.ChannelSettings(graph).Concat(store.SiteSettings()))
            {
                environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
            }

            foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            {
                environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
            }

            var cluster = new NodeCluster(database, store, graph, balancer, environment, ports);
            cluster.WriteCertificate();

            // As an upgrade is rolled out: the schema brought up to date once (the migrate command), then the nodes.
            await cluster.MigrateAsync();
            await cluster.StartNodeAsync(0);
            for (var node = 1; node < count; node++)
            {
                await cluster.StartNodeAsync(node);
            }

            return cluster;
        }
        catch
        {
            if (balancer is not null)
            {
                await balancer.DisposeAsync();
            }

            if (graph is not null)
            {
                await graph.DisposeAsync();
            }

            if (store is not null)
            {
                await store.DisposeAsync();
            }

            await database.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts node <paramref name="node"/> (again, after a kill) on its own data folder, and waits until it answers.</summary>
    public async Task StartNodeAsync(int node)
    {
        var dataDir = Path.Combine(Path.GetTempPath(), $"newsroom-{NodeName(node)}-{Ports[node]}");
        if (!_folders.Contains(dataDir))
        {
            Directory.CreateDirectory(dataDir);
            _folders.Add(dataDir);
            _folders.Add(dataDir + "-keys");
        }

        var environment = new Dictionary<string, string>(_environment)
        {
            ["ASPNETCORE_URLS"] = Address(node).ToString().TrimEnd('/'),
            ["Newsroom__NodeId"] = NodeName(node),
        };
        var run = SiteRun.Start(dataDir, environment);
        Nodes[node] = run;
        await run.WaitReadyAsync(Address(node), TimeSpan.FromSeconds(120));
    }

    private async Task MigrateAsync()
    {
        var dataDir = Directory.CreateTempSubdirectory("newsroom-cluster-migrate-").FullName;
        _folders.Add(dataDir);
        _folders.Add(dataDir + "-keys");
        await using var migrate = SiteRun.Start(dataDir, _environment, "migrate");
        var exit = await migrate.ExitCodeAsync(TimeSpan.FromSeconds(180));
        Assert.True(exit == 0, $"migrate exited with {exit}:\n{migrate.Output}");
    }

    /// <summary>The node's data folder (what it keeps for itself).</summary>
    public string DataDir(int node) => Path.Combine(Path.GetTempPath(), $"newsroom-{NodeName(node)}-{Ports[node]}");

    /// <summary>SIGKILL, as a power cut or the OOM killer does: no shutdown, no flush.</summary>
    public async Task KillAsync(int node)
    {
        if (Nodes[node] is { } run)
        {
            await run.DisposeAsync();
            Nodes[node] = null;
        }
    }

    /// <summary>A client straight to one node (not through nginx), without cookies.</summary>
    public HttpClient Direct(int node) => new() { BaseAddress = Address(node), Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>A client through nginx from <see cref="Visitor"/>, keeping cookies in <paramref name="cookies"/> when given.</summary>
    public HttpClient ThroughBalancer(CookieContainer? cookies = null) => Balancer.Client(Visitor, cookies);

    /// <summary>A number the database answers (a count, usually).</summary>
    public async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public string Output(int node) => Nodes[node]?.Output ?? "(stopped)";

    public async ValueTask DisposeAsync()
    {
        for (var node = 0; node < Nodes.Length; node++)
        {
            await KillAsync(node);
        }

        await Balancer.DisposeAsync();
        await Graph.DisposeAsync();
        await Store.DisposeAsync();
        await Database.DisposeAsync();
        foreach (var folder in _folders.Where(Directory.Exists))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>
    /// The key-ring certificate every node is given (the same file, as an office copies it to each node): it encrypts the
    /// keys the nodes share through the database.
    /// </summary>
    private void WriteCertificate()
    {
        var folder = Directory.CreateTempSubdirectory("newsroom-cluster-cert-").FullName;
        _folders.Add(folder);
        using var key = RSA.Create(3072);
        var request = new CertificateRequest("CN=Diskominfo Newsroom key ring", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddYears(5));
        var path = Path.Combine(folder, "key-ring.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pkcs12, CertificatePassword));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        _environment["Newsroom__Keys__Store"] = "Database";
        _environment["Newsroom__Keys__Certificate"] = path;
        _environment["Newsroom__Keys__CertificatePassword"] = CertificatePassword;
    }
}
