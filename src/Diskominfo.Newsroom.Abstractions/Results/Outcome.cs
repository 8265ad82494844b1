namespace Diskominfo.Newsroom.Abstractions.Results;

public enum OutcomeKind
{
    Ok,
    NotFound,
    Forbidden,
    Conflict,
    Invalid,

    /// <summary>The change was made from a copy someone else has changed since (HTTP 412).</summary>
    Stale,
}

/// <summary>The result of a use case: success, or the reason it was refused, in Indonesian.</summary>
public record Outcome(OutcomeKind Kind, string? Message = null, IReadOnlyDictionary<string, string[]>? Errors = null)
{
    public bool Succeeded => Kind == OutcomeKind.Ok;

    public static Outcome Ok() => new(OutcomeKind.Ok);

    public static Outcome NotFound(string message = "Data tidak ditemukan.") => new(OutcomeKind.NotFound, message);

    public static Outcome Forbidden(string message) => new(OutcomeKind.Forbidden, message);

    public static Outcome Conflict(string message) => new(OutcomeKind.Conflict, message);

    public static Outcome Stale(string message) => new(OutcomeKind.Stale, message);

    public static Outcome Invalid(IReadOnlyDictionary<string, string[]> errors, string message = "Data yang dikirim tidak valid.")
        => new(OutcomeKind.Invalid, message, errors);

    public static Outcome Invalid(string field, string error) => Invalid(new Dictionary<string, string[]> { [field] = [error] });
}

/// <summary>An outcome carrying a value on success.</summary>
public sealed record Outcome<T>(OutcomeKind Kind, T? Value, string? Message = null, IReadOnlyDictionary<string, string[]>? Errors = null)
    : Outcome(Kind, Message, Errors)
{
    public static Outcome<T> Ok(T value) => new(OutcomeKind.Ok, value);

    public static Outcome<T> From(Outcome failure) => new(failure.Kind, default, failure.Message, failure.Errors);
}
