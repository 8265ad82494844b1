using Diskominfo.Newsroom.Abstractions.Editorial;

namespace Diskominfo.Newsroom.Editorial.Services;

/// <summary>A submission or signature refused by the checklist: answered 422 with the list (<c>missing: [{code, message, channels}]</c>).</summary>
internal sealed record ChecklistRefusal(IReadOnlyList<ChecklistMissing> Missing)
    : Abstractions.Results.Outcome(
        Abstractions.Results.OutcomeKind.Invalid,
        "Naskah belum memenuhi daftar periksa kanal tujuannya; lengkapi yang berikut lebih dulu.",
        Missing.GroupBy(m => m.Code).ToDictionary(g => g.Key, g => g.Select(m => m.Message).ToArray()));
