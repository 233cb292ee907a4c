using Mediator;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Security;

namespace TrainingApi.Features.Curriculum.Versions;

public static class ListVersionTransitions
{
    public sealed record Query(Guid VersionId) : IQuery<IReadOnlyList<TransitionView>>;

    public sealed class Handler(TrainingDb db, Access access) : IQueryHandler<Query, IReadOnlyList<TransitionView>>
    {
        public async ValueTask<IReadOnlyList<TransitionView>> Handle(Query query, CancellationToken cancellationToken)
        {
            await access.FindVisibleAsync(db.Set<ProgrammeVersion>().AsNoTracking(), v => v.Id == query.VersionId, CurriculumModule.VersionNoun, query.VersionId, cancellationToken);
            return await db.Set<VersionTransition>().AsNoTracking().Where(t => t.VersionId == query.VersionId)
                .OrderBy(t => t.At).ThenBy(t => t.Id).Select(t => TransitionView.Of(t)).ToListAsync(cancellationToken);
        }
    }

    // A version moves at most eight times, so its history is not paged.
    public static void Map(RouteGroupBuilder versions) =>
        versions.MapGet("/{versionId:guid}/transitions", async (Guid versionId, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new Query(versionId), ct)))
            .WithName("ListVersionTransitions")
            .WithSummary("A version's workflow history")
            .WithDescription("Every move, oldest first, with who made it and why.")
            .RequireAnyRole()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithResponseExample(StatusCodes.Status200OK, new[] { TransitionView.Example });
}
