namespace Diskominfo.Newsroom.Editorial.Settings;

/// <summary>An admin's choice of where an approver's return goes for a content type (overrides <see cref="ReturnModes.Default"/>).</summary>
internal sealed class ReturnSetting
{
    public string ContentType { get; set; } = "";

    /// <summary>One of <see cref="ReturnModes"/>.</summary>
    public string ReturnTo { get; set; } = ReturnModes.Default;

    public DateTimeOffset UpdatedAt { get; set; }

    public string UpdatedBy { get; set; } = "";
}

/// <summary>Where a return goes: to the step before (the SOPs' way, the default) or always to the writer.</summary>
internal static class ReturnModes
{
    /// <summary>Kabid returns to the Kasi, Kadis to the Kabid; only the first approver returns to the writer.</summary>
    public const string Previous = "previous";

    /// <summary>Every return goes to the writer, whose resubmission starts the chain again.</summary>
    public const string Writer = "writer";

    public const string Default = Previous;

    public static IReadOnlyList<string> All { get; } = [Previous, Writer];

    public static string Label(string mode) => mode switch
    {
        Previous => "Ke langkah sebelumnya (sesuai SOP: Kabid ke Kasi, Kadis ke Kabid)",
        Writer => "Selalu ke penulis",
        _ => mode,
    };
}
