using System.Diagnostics.Metrics;
using Diskominfo.Newsroom.Abstractions.Operations;

namespace Diskominfo.Newsroom.Publishing.Services;

/// <summary>
/// The Publishing module's instrument on the site's meter: <c>newsroom.publication.signature_to_live</c>, seconds from
/// when a publication was due (the signature, or the scheduled time of a publish-later item) to when it was live, per
/// channel. Exported to Prometheus as <c>newsroom_publication_signature_to_live_seconds</c>.
/// </summary>
internal sealed class PublishingMetrics
{
    public const string SignatureToLive = "newsroom.publication.signature_to_live";

    private readonly Histogram<double> _signatureToLive;

    public PublishingMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(NewsroomTelemetry.MeterName);
        _signatureToLive = meter.CreateHistogram(
            SignatureToLive,
            unit: "s",
            description: "Seconds from a publication's due time (signature or schedule) to live, per channel.",
            tags: null,
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.5, 1, 2, 5, 10, 30, 60, 120, 300, 600, 1800, 3600, 21600] });
    }

    public void RecordLive(string channel, TimeSpan sinceDue)
        => _signatureToLive.Record(Math.Max(0, sinceDue.TotalSeconds), new KeyValuePair<string, object?>("channel", channel));
}
