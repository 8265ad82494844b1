using Diskominfo.Newsroom.Abstractions.Results;

namespace Diskominfo.Newsroom.Users.Services;

/// <summary>Thrown inside <see cref="AccountTransaction"/> when Identity refuses a step, to roll the whole change back.</summary>
internal sealed class AccountRefusedException(Outcome outcome) : Exception(outcome.Message)
{
    public Outcome Outcome { get; } = outcome;
}
