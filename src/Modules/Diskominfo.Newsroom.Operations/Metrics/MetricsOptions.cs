namespace Diskominfo.Newsroom.Operations.Metrics;

/// <summary><c>Newsroom:Metrics</c>: the token Prometheus sends (<c>Authorization: Bearer</c>); without one, no <c>/metrics</c>.</summary>
internal sealed class MetricsOptions
{
    public string? Token { get; set; }
}
