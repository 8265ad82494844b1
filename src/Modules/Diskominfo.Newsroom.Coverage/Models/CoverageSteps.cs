using Diskominfo.Newsroom.Abstractions.Calendar;

namespace Diskominfo.Newsroom.Coverage.Models;

/// <summary>The steps of the SOP Peliputan Pemberitaan with their standard times (mutu baku: waktu) as the SOP gives them.</summary>
internal static class CoverageSteps
{
    public const string Disposition = "disposition";
    public const string Assign = "assign";
    public const string Cover = "cover";
    public const string Check = "check";
    public const string Approve = "approve";
    public const string Compile = "compile";

    public sealed record Definition(string Step, string Label, StandardTime Default);

    public static IReadOnlyList<Definition> All { get; } =
    [
        new(Disposition, "Disposisi peliputan oleh pimpinan", StandardTime.FromMinutes(5)),
        new(Assign, "Penugasan staf oleh Kasi", StandardTime.FromMinutes(5)),
        new(Cover, "Peliputan dan pelaporan", StandardTime.FromDays(5)),
        new(Check, "Pemeriksaan laporan oleh Kasi", StandardTime.FromMinutes(5)),
        new(Approve, "Persetujuan laporan oleh pimpinan", StandardTime.FromMinutes(5)),
        new(Compile, "Penghimpunan dan pencetakan buletin", StandardTime.FromDays(2)),
    ];

    public static Definition? Find(string step) => All.FirstOrDefault(d => d.Step == step);
}
