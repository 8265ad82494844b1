using Diskominfo.Newsroom.Abstractions.Comments;
using Diskominfo.Newsroom.Abstractions.Content;
using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Comments.Services;
using Diskominfo.Newsroom.Infrastructure.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Diskominfo.Newsroom.Comments.Endpoints;

internal static class CommentEndpoints
{
    public const string Route = "/api/v1/items/{id:guid}/comments";

    public static void MapCommentEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var comments = endpoints.MapGroup(Route).WithTags("Comments")
            .RequireAuthorization(NewsroomPolicies.ApiStaff).RequireItemSight(ItemSight.Work);
        comments.MapGet("/", ListAsync)
            .WithSummary("Komentar naskah, terlama lebih dulu; terpisah dari catatan persetujuan. Hanya bagi yang boleh melihat kerja naskah.");
        comments.MapPost("/", AddAsync)
            .WithSummary("Menambah komentar; @namapengguna memberi tahu pengguna itu bila ia boleh melihat naskah.");
    }

    private static async Task<Ok<IReadOnlyList<ItemComment>>> ListAsync(Guid id, IItemComments comments, CancellationToken cancellationToken)
        => TypedResults.Ok(await comments.ListAsync(id, cancellationToken));

    private static async Task<Results<Created<CommentResponse>, ProblemHttpResult>> AddAsync(
        Guid id, CommentInput input, HttpContext http, CommentService comments, CancellationToken cancellationToken)
    {
        var outcome = await comments.AddAsync(id, input.Body, Actor.FromPrincipal(http.User)!, cancellationToken);
        if (!outcome.Succeeded)
        {
            return OutcomeResults.Problem(outcome);
        }

        var c = outcome.Value!.Comment;
        return TypedResults.Created(
            $"/api/v1/items/{id}/comments",
            new CommentResponse(c.Id, c.ItemId, c.AuthorId, c.AuthorName, c.Body, c.CreatedAt, c.Mentions, outcome.Value.Notified));
    }
}

/// <summary>A new comment: its text, where <c>@username</c> mentions a colleague.</summary>
public sealed record CommentInput(string? Body);

/// <summary>A saved comment, with the user names its mentions notified.</summary>
public sealed record CommentResponse(
    Guid Id, Guid ItemId, string AuthorId, string AuthorName, string Body, DateTimeOffset CreatedAt, IReadOnlyList<string> Mentions, IReadOnlyList<string> Notified);
