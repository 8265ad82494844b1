using System.Threading.Channels;
using Diskominfo.Newsroom.Infrastructure.Data;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Diskominfo.Newsroom.Infrastructure.Nodes;

/// <summary>
/// The signals of several nodes on one PostgreSQL database: <c>pg_notify</c> on the channel <see cref="Channel"/> (payload
/// <c>{node}\n{topic}\n{payload}</c>) and one connection of its own per node that <c>LISTEN</c>s to it. A signal is
/// delivered to this node's subscribers at once when it is sent and to every other node when the notification arrives
/// (a node skips its own). When the listening connection is lost (a database restart) it is opened again with a growing
/// pause, and the subscribers of <see cref="NodeTopics.CatchUp"/> are told, since what was sent meanwhile was missed.
/// A database that is down does not keep the site from starting: the listener waits in the background.
/// </summary>
internal sealed partial class PostgresNodeSignals(
    IOptions<NewsroomDatabaseOptions> database, ProcessNodeSignals local, ILogger<PostgresNodeSignals> logger) : BackgroundService, INodeSignals
{
    public const string Channel = "newsroom_signals";

    private const char Separator = '\n';
    private static readonly TimeSpan FirstPause = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan LongestPause = TimeSpan.FromSeconds(10);

    private readonly string _node = Guid.NewGuid().ToString("N");
    private readonly Channel<(string Topic, string Payload)> _received = System.Threading.Channels.Channel.CreateUnbounded<(string, string)>(
        new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Whether the listening connection is open (for tests and the status page).</summary>
    public bool Listening { get; private set; }

    public async Task SendAsync(string topic, string payload, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(topic);
        ArgumentNullException.ThrowIfNull(payload);
        if (topic.Contains(Separator, StringComparison.Ordinal) || payload.Length > 4000)
        {
            throw new ArgumentException("A topic is one line and a payload at most 4,000 characters.", nameof(payload));
        }

        await local.DeliverAsync(topic, payload, cancellationToken);
        try
        {
            await using var connection = new NpgsqlConnection(database.Value.ConnectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("SELECT pg_notify(@channel, @payload)", connection);
            command.Parameters.AddWithValue("channel", Channel);
            command.Parameters.AddWithValue("payload", string.Join(Separator, _node, topic, payload));
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            // The change itself is committed; the other nodes catch up when their own connection comes back, or from
            // what they keep for a limited time. Failing the request that made the change would help nobody.
            LogSendFailed(logger, e, topic);
        }
    }

    public IDisposable Subscribe(string topic, Func<string, CancellationToken, Task> handler) => local.Subscribe(topic, handler);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (database.Value.Provider != DatabaseProvider.Postgres)
        {
            return;
        }

        var delivering = DeliverReceivedAsync(stoppingToken);
        var builder = new NpgsqlConnectionStringBuilder(database.Value.ConnectionString)
        {
            // A session of its own that outlives no process, and a dead peer noticed within seconds, not at the next query.
            Pooling = false,
            KeepAlive = 5,
            ApplicationName = "Diskominfo.Newsroom node signals",
        };
        var pause = FirstPause;
        var missed = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(builder.ConnectionString);
                connection.Notification += (_, e) => Received(e.Payload);
                await connection.OpenAsync(stoppingToken);
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                Listening = true;
                pause = FirstPause;
                if (missed)
                {
                    LogReconnected(logger);
                    _received.Writer.TryWrite((NodeTopics.CatchUp, ""));
                }

                while (true)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                if (Listening || !missed)
                {
                    LogConnectionLost(logger, e, pause);
                }

                Listening = false;
                missed = true;
                try
                {
                    await Task.Delay(pause, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    break;
                }

                pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, LongestPause.Ticks));
            }
        }

        Listening = false;
        _received.Writer.TryComplete();
        await delivering;
    }

    private void Received(string message)
    {
        var parts = message.Split(Separator, 3);
        if (parts.Length == 3 && !string.Equals(parts[0], _node, StringComparison.Ordinal))
        {
            _received.Writer.TryWrite((parts[1], parts[2]));
        }
    }

    /// <summary>Hands what arrived to the subscribers one after the other, off the listening connection's reader.</summary>
    private async Task DeliverReceivedAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var (topic, payload) in _received.Reader.ReadAllAsync(stoppingToken))
            {
                await local.DeliverAsync(topic, payload, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not send the node signal {Topic}; other nodes catch up later")]
    private static partial void LogSendFailed(ILogger logger, Exception exception, string topic);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The node signals connection is lost or cannot be opened; trying again in {Pause}")]
    private static partial void LogConnectionLost(ILogger logger, Exception exception, TimeSpan pause);

    [LoggerMessage(Level = LogLevel.Information, Message = "The node signals connection is back; this node catches up on what it missed")]
    private static partial void LogReconnected(ILogger logger);
}
