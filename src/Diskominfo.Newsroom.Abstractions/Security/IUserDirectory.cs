namespace Diskominfo.Newsroom.Abstractions.Security;

/// <summary>Who the office's people are, for notifications (Users module).</summary>
public interface IUserDirectory
{
    Task<IReadOnlyList<DirectoryUser>> ListInRoleAsync(string role, CancellationToken cancellationToken);

    Task<DirectoryUser?> GetAsync(string userId, CancellationToken cancellationToken);
}

/// <summary>An active account: id, name to greet, and e-mail address (null when none is known).</summary>
public sealed record DirectoryUser(string Id, string DisplayName, string? Email);
