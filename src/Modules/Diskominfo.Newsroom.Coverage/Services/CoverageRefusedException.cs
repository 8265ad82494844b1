using Diskominfo.Newsroom.Abstractions.Results;

namespace Diskominfo.Newsroom.Coverage.Services;

/// <summary>Thrown inside a transaction to roll it back when another module refused a step; carries the refusal.</summary>
internal sealed class CoverageRefusedException(Outcome outcome) : Exception(outcome.Message)
{
    public Outcome Outcome { get; } = outcome;
}
