namespace Diskominfo.Newsroom.Media.Models;

/// <summary>
/// A resumable (tus) upload in progress or just finished: who sends it, for which item, how long it will be, and once
/// complete what became of it (the attached photo, or the refusal and its status). Kept as a small JSON file beside the
/// partial data under <c>&lt;DataDir&gt;/uploads/partial/</c> until it expires.
/// </summary>
internal sealed class PartialUpload
{
    public Guid Id { get; init; }

    /// <summary>The user id of the creator: the only one who may continue, read or end it.</summary>
    public string Owner { get; init; } = "";

    public Guid ItemId { get; init; }

    public string FileName { get; init; } = "";

    public string? Caption { get; init; }

    public string? Credit { get; init; }

    /// <summary>The declared size (<c>Upload-Length</c>).</summary>
    public long Length { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset ExpiresAt { get; init; }

    /// <summary>Set when the upload was complete and its photo attached.</summary>
    public Guid? MediaId { get; set; }

    /// <summary>Set when the complete upload was refused: the HTTP status and the Indonesian reason.</summary>
    public int? RefusalStatus { get; set; }

    public string? Refusal { get; set; }

    public bool IsFinished => MediaId is not null || Refusal is not null;
}
