using Mediator;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Http;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Security;

namespace TrainingApi.Features.Consultations.Submissions;

public static class GetComment
{
    public sealed record Query(Guid Id) : IQuery<Versioned<CommentView>>;

    public sealed class Handler(TrainingDb db, Access access) : IQueryHandler<Query, Versioned<CommentView>>
    {
        public async ValueTask<Versioned<CommentView>> Handle(Query query, CancellationToken ct)
        {
            var comment = await access.FindVisibleAsync(db.Set<Comment>().AsNoTracking(), c => c.Id == query.Id, ConsultationsModule.CommentNoun, query.Id, ct);
            return new(CommentView.From(comment), comment.Version);
        }
    }

    public static void Map(RouteGroupBuilder comments) =>
        comments.MapGet("/{commentId:guid}", async (Guid commentId, IMediator mediator, HttpContext http, CancellationToken ct) =>
            {
                var found = await mediator.Send(new Query(commentId), ct);
                return ConditionalGet.Ok(http, found);
            })
            .WithName("GetConsultationComment")
            .WithSummary("Read a comment and its disposition")
            .WithDescription("With its ETag (If-Match for the disposition; If-None-Match answers 304 while nothing changed).")
            .RequireRoles(Roles.ProgrammeTeam, Roles.Expert, Roles.Partner, Roles.JstCoordinator)
            .SupportsIfNoneMatch()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithResponseExample(StatusCodes.Status200OK, CommentView.Example);
}
