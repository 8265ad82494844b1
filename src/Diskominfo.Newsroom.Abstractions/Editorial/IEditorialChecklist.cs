namespace Diskominfo.Newsroom.Abstractions.Editorial;

/// <summary>
/// The checklist an item must pass before it is submitted and before it is signed (Editorial module): what is missing
/// for the channels it is to be published to, per the admin's settings for its content type and each channel.
/// </summary>
public interface IEditorialChecklist
{
    /// <summary>What the item's current version still lacks (empty when complete); null when the item does not exist.</summary>
    Task<ChecklistResult?> CheckAsync(Guid itemId, CancellationToken cancellationToken);
}

/// <summary>The channels checked and what is missing.</summary>
public sealed record ChecklistResult(IReadOnlyList<string> Channels, IReadOnlyList<ChecklistMissing> Missing)
{
    public bool Complete => Missing.Count == 0;
}

/// <summary>One unmet check: its code (<c>lead_photo</c>, <c>instagram_crop</c>...), the Indonesian message, the channels that need it.</summary>
public sealed record ChecklistMissing(string Code, string Message, IReadOnlyList<string> Channels);
