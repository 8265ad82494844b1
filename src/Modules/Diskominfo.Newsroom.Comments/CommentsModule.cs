using Diskominfo.Newsroom.Abstractions.Admin;
using Diskominfo.Newsroom.Abstractions.Comments;
using Diskominfo.Newsroom.Comments.Components;
using Diskominfo.Newsroom.Comments.Data;
using Diskominfo.Newsroom.Comments.Endpoints;
using Diskominfo.Newsroom.Comments.Services;
using Diskominfo.Newsroom.Infrastructure.Data;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Diskominfo.Newsroom.Comments;

public static class CommentsModule
{
    internal const string Name = "comments";

    /// <summary>The comment thread beside an item's text, with mentions that notify, and its panel on the item page.</summary>
    public static IServiceCollection AddCommentsModule(this IServiceCollection services)
    {
        services.AddModuleDbContext<CommentsDbContext, SqliteCommentsDbContext, PostgresCommentsDbContext>(Name);
        services.AddScoped<CommentService>();
        services.AddScoped<IItemComments>(sp => sp.GetRequiredService<CommentService>());
        services.AddSingleton(new ItemPanel(CommentsPanel.Name, 15));
        return services;
    }

    public static IEndpointRouteBuilder MapCommentsEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapCommentEndpoints();
        return endpoints;
    }
}
