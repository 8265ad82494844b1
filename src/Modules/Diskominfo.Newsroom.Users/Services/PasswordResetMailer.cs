using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Diskominfo.Newsroom.Users.Services;

/// <summary>Looks up each forgotten-password request and, when it names an active account, queues its reset link.</summary>
internal sealed partial class PasswordResetMailer(
    PasswordResetQueue queue, IServiceScopeFactory scopes, ILogger<PasswordResetMailer> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var request in queue.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    await scope.ServiceProvider.GetRequiredService<PasswordRecovery>().SendLinkAsync(request, stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogFailure(logger, e);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A password-reset request could not be handled; the person may ask again")]
    private static partial void LogFailure(ILogger logger, Exception exception);
}
