using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Problems;

namespace TrainingApi.Features.PilotEnrollment.Recruitments;

public static class GetRecruitment
{
    public sealed record Query(Guid Id) : IQuery<RecruitmentView>;

    public sealed class Handler(TrainingDb db, TimeProvider clock) : IQueryHandler<Query, RecruitmentView>
    {
        public async ValueTask<RecruitmentView> Handle(Query query, CancellationToken cancellationToken) =>
            RecruitmentView.From(await db.Set<Recruitment>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == query.Id, cancellationToken)
                                 ?? throw Problem.NotFound(PilotEnrollmentModule.RecruitmentNoun, query.Id), clock.GetUtcNow());
    }

    public static void Map(RouteGroupBuilder recruitments) =>
        recruitments.MapGet("/{recruitmentId:guid}", async ([FromRoute(Name = "recruitmentId")] Guid id, IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new Query(id), ct)))
            .WithName("GetRecruitment")
            .WithSummary("Read a recruitment, with places left")
            .WithDescription("Public.")
            .AllowAnonymous()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithResponseExample(StatusCodes.Status200OK, RecruitmentView.Example);
}
