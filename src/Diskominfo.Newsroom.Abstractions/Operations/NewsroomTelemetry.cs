namespace Diskominfo.Newsroom.Abstractions.Operations;

/// <summary>
/// The names every module uses for its OpenTelemetry instruments (System.Diagnostics.Metrics): one meter for the whole
/// site, so one <c>AddMeter</c> exports them all. Instrument names start with <c>newsroom.</c>.
/// </summary>
public static class NewsroomTelemetry
{
    public const string MeterName = "Diskominfo.Newsroom";

    /// <summary>The activity source whose spans carry the correlation id from a request into its jobs.</summary>
    public const string ActivitySourceName = "Diskominfo.Newsroom";
}
