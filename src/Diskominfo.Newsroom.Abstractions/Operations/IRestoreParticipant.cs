namespace Diskominfo.Newsroom.Abstractions.Operations;

/// <summary>
/// A module's part of a restore: called once by the <c>restore</c> command after the database, files and keys are back
/// and migrated, before the site serves. Examples: the search index is rebuilt; publications that were in flight when
/// the backup was taken are marked so their next attempt looks them up at Meta before posting. Runs in a fresh scope.
/// </summary>
public interface IRestoreParticipant
{
    /// <summary>Lower runs first.</summary>
    int Order { get; }

    /// <summary>A short English name for the command's output ("search index", "publications").</summary>
    string Name { get; }

    /// <summary>Brings the module's state in line with the restored data; returns a one-line Indonesian summary for the output.</summary>
    Task<string> AfterRestoreAsync(IServiceProvider scopedServices, CancellationToken cancellationToken);
}
