using Mediator;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Security;

namespace TrainingApi.Features.SelfAssessment.Rounds;

public static class GetRound
{
    public sealed record Query(Guid RoundId) : IQuery<SelfAssessmentView>;

    public sealed class Handler(TrainingDb db, Access access) : IQueryHandler<Query, SelfAssessmentView>
    {
        public async ValueTask<SelfAssessmentView> Handle(Query query, CancellationToken ct) =>
            await SelfAssessmentView.ForAsync(db, await RoundLookup.FindAsync(access, db, query.RoundId, ct), ct);
    }

    // No ETag: the progress counts change with every respondent, not with the round's row version.
    public static void Map(RouteGroupBuilder rounds) =>
        rounds.MapGet("/{roundId:guid}", async (Guid roundId, IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new Query(roundId), ct)))
            .WithName("GetSelfAssessment")
            .WithSummary("Read a self-assessment round: progress, and results once closed")
            .WithDescription("Invited, opened and submitted, in all and by role. Once closed: the area and overall scores (the method of the advisory " +
                             "diagnosis), their spread, and scores by role for roles with at least three respondents — only when at least three " +
                             "respondents submitted (`results.shown`); an area scored by fewer than three shows no score. Never one respondent's " +
                             "answers. 404 for a round the caller may not see.")
            .RequireRoles(Roles.ProgrammeTeam, Roles.Advisor, Roles.JstCoordinator)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithResponseExample(StatusCodes.Status200OK, SelfAssessmentView.Example);
}
