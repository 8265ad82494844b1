using Diskominfo.Newsroom.Infrastructure.Http;

namespace Diskominfo.Newsroom.Operations.Logging;

/// <summary>
/// The correlation id of the work in progress: a request's (see <see cref="CorrelationIds"/>), carried into the jobs it
/// enqueues and restored when they run.
/// </summary>
internal static class Correlation
{
    /// <summary>The name in log scopes and the Hangfire job parameter.</summary>
    public const string Name = "CorrelationId";

    private static readonly AsyncLocal<string?> s_current = new();

    public static string? Current
    {
        get => s_current.Value;
        set => s_current.Value = value;
    }
}
