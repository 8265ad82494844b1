namespace Diskominfo.Newsroom.Operations.Services;

/// <summary><c>Newsroom:Status</c>: how often the status page's chart is sampled and how long samples are kept.</summary>
internal sealed class StatusOptions
{
    /// <summary>Minutes between samples (1 to 60; a divisor of 60 keeps them evenly spaced).</summary>
    public int SampleMinutes { get; set; } = 5;

    public int KeepDays { get; set; } = 7;
}
