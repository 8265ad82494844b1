using Diskominfo.Newsroom.Abstractions.Results;

namespace Diskominfo.Newsroom.Organization.Pages;

/// <summary>A refused form's messages, by the API's field names, for the desk pages to show beside each field.</summary>
internal sealed class FormErrors
{
    private readonly IReadOnlyDictionary<string, string[]> _errors;

    private FormErrors(string? message, IReadOnlyDictionary<string, string[]> errors)
    {
        Message = message;
        _errors = errors;
    }

    public static FormErrors None { get; } = new(null, new Dictionary<string, string[]>());

    /// <summary>The refusal's message when it names no field (403, 404, 409), else null.</summary>
    public string? Message { get; }

    public bool Any => Message is not null || _errors.Count > 0;

    public static FormErrors From(Outcome outcome)
        => new(outcome.Errors is { Count: > 0 } ? null : outcome.Message, outcome.Errors ?? new Dictionary<string, string[]>());

    public IReadOnlyList<string> For(params string[] fields)
        => [.. fields.SelectMany(f => _errors.TryGetValue(f, out var messages) ? messages : [])];
}
