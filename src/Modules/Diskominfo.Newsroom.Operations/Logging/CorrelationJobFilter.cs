using System.Diagnostics;
using Diskominfo.Newsroom.Abstractions.Operations;
using Diskominfo.Newsroom.Infrastructure.Http;
using Hangfire.Client;
using Hangfire.Server;
using Microsoft.Extensions.Logging;

namespace Diskominfo.Newsroom.Operations.Logging;

/// <summary>
/// Carries the correlation id through the job server: stored as a job parameter when a job is created (from the
/// request, or from the job that creates it), and restored into the log scope and an activity while the job runs. A
/// job created without one (a recurring job) runs under an id of its own.
/// </summary>
internal sealed partial class CorrelationJobFilter(ILoggerFactory loggers) : IClientFilter, IServerFilter
{
    private const string ScopeItem = "newsroom.correlation.scope";
    private const string ActivityItem = "newsroom.correlation.activity";
    private const string PreviousItem = "newsroom.correlation.previous";
    private static readonly ActivitySource Source = new(NewsroomTelemetry.ActivitySourceName);
    private readonly ILogger _logger = loggers.CreateLogger("Diskominfo.Newsroom.Operations.Jobs");

    public void OnCreating(CreatingContext context)
    {
        if (Correlation.Current is { } id)
        {
            context.SetJobParameter(Correlation.Name, id);
        }
    }

    public void OnCreated(CreatedContext context)
    {
    }

    public void OnPerforming(PerformingContext context)
    {
        var stored = context.GetJobParameter<string>(Correlation.Name);
        var id = CorrelationIds.IsValid(stored) ? stored : CorrelationIds.NewId();
        var job = $"{context.BackgroundJob.Job.Type.Name}.{context.BackgroundJob.Job.Method.Name}";
        context.Items[PreviousItem] = Correlation.Current;
        Correlation.Current = id;
        context.Items[ScopeItem] = _logger.BeginScope(new CorrelationScope(id));
        var activity = Source.StartActivity("job " + job, ActivityKind.Internal);
        activity?.SetTag("correlation.id", id);
        activity?.SetTag("job.id", context.BackgroundJob.Id);
        context.Items[ActivityItem] = activity;
        LogRunning(_logger, job, context.BackgroundJob.Id);
    }

    public void OnPerformed(PerformedContext context)
    {
        (Item(context, ActivityItem) as Activity)?.Dispose();
        (Item(context, ScopeItem) as IDisposable)?.Dispose();
        Correlation.Current = Item(context, PreviousItem) as string;
    }

    private static object? Item(PerformedContext context, string key) => context.Items.TryGetValue(key, out var value) ? value : null;

    [LoggerMessage(Level = LogLevel.Debug, Message = "Running job {Job} ({JobId})")]
    private static partial void LogRunning(ILogger logger, string job, string jobId);
}
