using Hangfire.Logging;
using Microsoft.Extensions.Logging;
using HangfireLogLevel = Hangfire.Logging.LogLevel;

namespace Diskominfo.Newsroom.Infrastructure.Jobs;

/// <summary>
/// Hangfire keeps its log provider in a static, shared by every host of the process, and creates loggers at odd
/// moments (in the constructor of <c>AutomaticRetryAttribute</c>, while enqueueing). When several hosts live in one
/// process and one has stopped, its disposed logger factory must not make another host's enqueue fail: such a
/// logger becomes silent instead.
/// </summary>
internal sealed class HostSafeLogProvider(ILoggerFactory loggerFactory) : ILogProvider
{
    public ILog GetLogger(string name)
    {
        try
        {
            return new Forwarding(loggerFactory.CreateLogger(name));
        }
        catch (ObjectDisposedException)
        {
            return Silent.Instance;
        }
    }

    private sealed class Forwarding(ILogger logger) : ILog
    {
        public bool Log(HangfireLogLevel logLevel, Func<string>? messageFunc, Exception? exception = null)
        {
            var level = logLevel switch
            {
                HangfireLogLevel.Trace => Microsoft.Extensions.Logging.LogLevel.Trace,
                HangfireLogLevel.Debug => Microsoft.Extensions.Logging.LogLevel.Debug,
                HangfireLogLevel.Info => Microsoft.Extensions.Logging.LogLevel.Information,
                HangfireLogLevel.Warn => Microsoft.Extensions.Logging.LogLevel.Warning,
                HangfireLogLevel.Error => Microsoft.Extensions.Logging.LogLevel.Error,
                _ => Microsoft.Extensions.Logging.LogLevel.Critical,
            };
            if (messageFunc is null)
            {
                return logger.IsEnabled(level);
            }

#pragma warning disable CA1848, CA2254 // Hangfire hands over finished messages; there is no template to cache.
            logger.Log(level, exception, messageFunc());
#pragma warning restore CA1848, CA2254
            return true;
        }
    }

    private sealed class Silent : ILog
    {
        public static Silent Instance { get; } = new();

        public bool Log(HangfireLogLevel logLevel, Func<string>? messageFunc, Exception? exception = null) => false;
    }
}
