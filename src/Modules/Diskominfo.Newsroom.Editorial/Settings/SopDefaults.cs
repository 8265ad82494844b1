using Diskominfo.Newsroom.Abstractions.Calendar;
using Diskominfo.Newsroom.Abstractions.Content;
using Diskominfo.Newsroom.Abstractions.Security;

namespace Diskominfo.Newsroom.Editorial.Settings;

/// <summary>The steps an item passes through, as measured against the office's service standards.</summary>
internal static class Steps
{
    /// <summary>Writing (press release), intake and grouping (clipping), preparing the file (adventorial).</summary>
    public const string Draft = "reporter";

    /// <summary>Adventorials: from the Kadis's order to the Kabid's assignment of a PPTK.</summary>
    public const string Assign = "assign";
    public const string Publish = "publish";
    public const string Archive = "archive";

    public static IReadOnlyList<string> For(IReadOnlyList<string> chain, string contentType)
        => [.. contentType == ContentTypes.Adventorial ? [Assign] : Array.Empty<string>(), Draft, .. chain,
            .. contentType == ContentTypes.Clipping ? Array.Empty<string>() : [Publish], Archive];

    public static string Label(string step, string contentType) => step switch
    {
        Draft => contentType switch
        {
            ContentTypes.Clipping => "Penerimaan dan pengelompokan",
            ContentTypes.Adventorial => "Penyiapan berkas (PPTK)",
            _ => "Peliputan dan penulisan",
        },
        Assign => "Penugasan PPTK",
        Publish => "Penerbitan",
        Archive => "Pengarsipan",
        _ => NewsroomRoles.Title(step),
    };
}

/// <summary>
/// The chains and standard times of the SOPs (see DOMAIN.md), used until an admin changes them.
/// Where an SOP gives one time for two steps (clippings: "the Kasi selects and the Kabid initials, 15 min";
/// adventorials: "checked, then checked again above and returned when wrong, 60 + 20 min") it is split between them.
/// </summary>
internal static class SopDefaults
{
    public static IReadOnlyList<string> ApproverRoles { get; } = [NewsroomRoles.Kasi, NewsroomRoles.Kabid, NewsroomRoles.Kadis];

    public static IReadOnlyList<string> Chain(string contentType) => contentType switch
    {
        // SOP Adventorial: the Kasi (PPTK) builds the file, the Kabid and the Kadis check it, the Kadis signs.
        ContentTypes.Adventorial => [NewsroomRoles.Kabid, NewsroomRoles.Kadis],
        _ => ApproverRoles,
    };

    /// <summary>A correction (ralat) of a published item: the Kasi checks, the Kadis signs.</summary>
    public static IReadOnlyList<string> CorrectionChain(string contentType) => [NewsroomRoles.Kasi, NewsroomRoles.Kadis];

    /// <summary>The SOP's standard time of a step: minutes, except the adventorial file's "2 hari" (two working days).</summary>
    public static StandardTime Standard(string contentType, string step) => (contentType, step) switch
    {
        (ContentTypes.PressRelease, Steps.Draft) => StandardTime.FromMinutes(15),
        (ContentTypes.Clipping, Steps.Draft) => StandardTime.FromMinutes(15),
        (ContentTypes.Clipping, NewsroomRoles.Kasi) => StandardTime.FromMinutes(10),
        (ContentTypes.Adventorial, Steps.Assign) => StandardTime.FromMinutes(10),
        (ContentTypes.Adventorial, Steps.Draft) => StandardTime.FromDays(2),
        (ContentTypes.Adventorial, NewsroomRoles.Kabid) => StandardTime.FromMinutes(60),
        (ContentTypes.Adventorial, NewsroomRoles.Kadis) => StandardTime.FromMinutes(30),
        _ => StandardTime.FromMinutes(5),
    };
}
