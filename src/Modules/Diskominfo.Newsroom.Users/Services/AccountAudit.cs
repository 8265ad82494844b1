using Diskominfo.Newsroom.Abstractions.Audit;
using Diskominfo.Newsroom.Abstractions.Events;
using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Users.Models;

namespace Diskominfo.Newsroom.Users.Services;

/// <summary>The account's acts, published as <see cref="AuditEvent"/>s in the caller's transaction.</summary>
internal sealed class AccountAudit(IEventPublisher events, TimeProvider clock)
{
    public const string TargetType = "user";

    public Task PublishAsync(
        string action, Actor? actor, NewsroomUser target, string summary, CancellationToken cancellationToken,
        IReadOnlyDictionary<string, string?>? before = null, IReadOnlyDictionary<string, string?>? after = null, string? address = null)
        => events.PublishAsync(
            new AuditEvent(action, actor?.UserId, actor?.UserName, TargetType, target.Id, summary, clock.GetUtcNow(), before, after, address),
            cancellationToken);

    /// <summary>The account's fields as the log keeps them, for before-and-after comparisons.</summary>
    public static Dictionary<string, string?> Snapshot(NewsroomUser user, IEnumerable<string> roles) => new()
    {
        ["userName"] = user.UserName,
        ["fullName"] = user.DisplayName,
        ["nip"] = user.Nip,
        ["email"] = user.Email,
        ["phone"] = user.PhoneNumber,
        ["photoCredit"] = user.PhotoCredit,
        ["section"] = user.SectionId?.ToString(),
        ["roles"] = string.Join(",", roles.Order(StringComparer.Ordinal)),
    };

    /// <summary>Only the fields that changed, before and after.</summary>
    public static (Dictionary<string, string?> Before, Dictionary<string, string?> After) Changes(
        IReadOnlyDictionary<string, string?> before, IReadOnlyDictionary<string, string?> after)
    {
        var changed = after.Keys.Where(k => !string.Equals(before.GetValueOrDefault(k), after[k], StringComparison.Ordinal)).ToList();
        return (changed.ToDictionary(k => k, k => before.GetValueOrDefault(k)), changed.ToDictionary(k => k, k => after[k]));
    }
}
