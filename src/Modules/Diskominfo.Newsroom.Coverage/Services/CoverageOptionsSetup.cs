using Microsoft.Extensions.Options;

namespace Diskominfo.Newsroom.Coverage.Services;

/// <summary>Refuses to start with a <c>Newsroom:Coverage:DispositionBy</c> that is none of kadis, kabid, both.</summary>
internal sealed class CoverageOptionsValidation : IValidateOptions<CoverageOptions>
{
    public ValidateOptionsResult Validate(string? name, CoverageOptions options)
        => options.DispositionBy is CoverageOptions.Kadis or CoverageOptions.Kabid or CoverageOptions.Both
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"Newsroom:Coverage:DispositionBy must be kadis, kabid or both (is '{options.DispositionBy}').");
}
