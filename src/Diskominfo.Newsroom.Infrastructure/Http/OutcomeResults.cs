using Diskominfo.Newsroom.Abstractions.Results;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Diskominfo.Newsroom.Infrastructure.Http;

/// <summary>Turns a refused <see cref="Outcome"/> into problem details with the right status code.</summary>
public static class OutcomeResults
{
    public static ProblemHttpResult Problem(Outcome outcome)
    {
        var (status, title) = StatusOf(outcome);
        var extensions = outcome.Errors is null
            ? null
            : new Dictionary<string, object?> { ["errors"] = outcome.Errors };
        return TypedResults.Problem(detail: outcome.Message, statusCode: status, title: title, extensions: extensions);
    }

    /// <summary>The HTTP status and Indonesian title of a refused outcome, for APIs and pages alike.</summary>
    public static (int Status, string Title) StatusOf(Outcome outcome) => outcome.Kind switch
    {
        OutcomeKind.Ok => (StatusCodes.Status200OK, "Berhasil"),
        OutcomeKind.NotFound => (StatusCodes.Status404NotFound, "Tidak ditemukan"),
        OutcomeKind.Forbidden => (StatusCodes.Status403Forbidden, "Tidak diizinkan"),
        OutcomeKind.Conflict => (StatusCodes.Status409Conflict, "Tidak dapat dilakukan pada status ini"),
        OutcomeKind.Invalid => (StatusCodes.Status400BadRequest, "Data tidak valid"),
        OutcomeKind.Stale => (StatusCodes.Status412PreconditionFailed, "Naskah telah diubah orang lain"),
        _ => (StatusCodes.Status500InternalServerError, "Kesalahan"),
    };

    /// <summary>A page shown again with a refusal carries the refusal's status (400, 403, 404, 409), not 200.</summary>
    public static PageResult WithStatusOf(this PageResult page, Outcome outcome)
    {
        ArgumentNullException.ThrowIfNull(page);
        page.StatusCode = StatusOf(outcome).Status;
        return page;
    }
}
