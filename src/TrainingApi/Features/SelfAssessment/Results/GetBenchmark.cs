using Mediator;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Security;
using TrainingApi.Features.SelfAssessment.Rounds;

namespace TrainingApi.Features.SelfAssessment.Results;

public static class GetBenchmark
{
    public sealed record Query(Guid RoundId) : IQuery<BenchmarkView>;

    public sealed class Handler(TrainingDb db, Access access, PeerBenchmark benchmark) : IQueryHandler<Query, BenchmarkView>
    {
        public async ValueTask<BenchmarkView> Handle(Query query, CancellationToken ct)
        {
            var round = await RoundLookup.FindAsync(access, db, query.RoundId, ct);
            return await benchmark.ForAsync(round, PeerBenchmark.ShownResults(round), ct);
        }
    }

    public static void Map(RouteGroupBuilder rounds) =>
        rounds.MapGet("/{roundId:guid}/benchmark", async (Guid roundId, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new Query(roundId), ct)))
            .WithName("GetSelfAssessmentBenchmark")
            .WithSummary("A closed round's scores against peers of the same kind")
            .WithDescription("For each area of the framework and overall: the round's score, and the first quartile, median and third quartile " +
                             "(linear interpolation) of the current scores of peer JST — each JST's latest round that showed results, of the same " +
                             "framework version, the JST itself left out — with where the score lies among them. The peers are the JST of its own kind; " +
                             "when fewer than `minimumPeers` (5) have scores, a coarser fixed group is used (gminy for every kind of gmina, powiaty for " +
                             "a powiat or a city with county rights), then every JST; `fellBackFrom` lists the groups passed over, and `group` is null " +
                             "when even every JST gives fewer than 5 peers. An area that fewer than 5 peers scored has no distribution. Never a mean, " +
                             "a sum or any single peer's score; no filters of the caller's choosing. 409 `round-open` before the round closes, " +
                             "`results-not-shown` when it closed with fewer than three respondents; 404 for a round the caller cannot see.")
            .RequireRoles(Roles.ProgrammeTeam, Roles.Advisor, Roles.JstCoordinator)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesTypedProblem(StatusCodes.Status409Conflict, PeerBenchmark.ResultsNotShown)
            .WithResponseExample(StatusCodes.Status200OK, BenchmarkView.Example);
}
