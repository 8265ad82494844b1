using Diskominfo.Newsroom.Abstractions.Results;
using Diskominfo.Newsroom.Infrastructure.Data;

namespace Diskominfo.Newsroom.Users.Services;

/// <summary>Runs an account change in one transaction with its audit entries; a refusal inside rolls everything back.</summary>
internal static class AccountTransaction
{
    public static async Task<T> RunAsync<T>(
        NewsroomDatabase database, Func<CancellationToken, Task<T>> work, Func<Outcome, T> refused, CancellationToken cancellationToken)
    {
        try
        {
            return await database.InTransactionAsync(work, cancellationToken);
        }
        catch (AccountRefusedException e)
        {
            return refused(e.Outcome);
        }
    }
}
