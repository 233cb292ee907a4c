using Mediator;
using TrainingApi.Common.Localization;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Problems;
using TrainingApi.Common.Security;
using TrainingApi.Features.Advisory.Maturity;
using TrainingApi.Features.SelfAssessment.Results;
using TrainingApi.Features.SelfAssessment.Rounds;

namespace TrainingApi.Features.SelfAssessment.Recommendations;

/// <summary>
/// What a JST should read next after a self-assessment: its weakest areas, each with the sections of the latest published
/// materials that the programme team tagged with the area.
/// </summary>
public static class GetRecommendations
{
    /// <summary>How many of the lowest-scored areas are recommended for.</summary>
    public const int WeakestAreas = 3;

    public sealed record Query(Guid RoundId) : IQuery<SelfAssessmentRecommendations>;

    public sealed class Handler(TrainingDb db, Access access, IPublishedMaterials materials) : IQueryHandler<Query, SelfAssessmentRecommendations>
    {
        public async ValueTask<SelfAssessmentRecommendations> Handle(Query query, CancellationToken ct)
        {
            var round = await RoundLookup.FindAsync(access, db, query.RoundId, ct);
            var results = PeerBenchmark.ShownResults(round);
            var framework = MaturityFramework.Find(round.FrameworkVersion) ?? MaturityFramework.Current;
            var weakest = Weakest(framework, results);

            var release = await materials.LatestAsync(ct);
            var areas = weakest.Select(a => new RecommendedArea(a.Area.Code, a.Area.Name, a.Area.NameEn, a.Score,
                release is null ? [] : [.. release.Sections.Where(s => s.MaturityAreas.Contains(a.Area.Code))
                    .Select(s => new RecommendedSection(s.Anchor, s.Title, s.Kind, s.Url))])).ToList();
            return new SelfAssessmentRecommendations(round.Id, framework.Version,
                release is null ? null : new RecommendedRelease(release.Id, release.SemanticVersion, release.ProgrammeTitle, release.PublishedAt, release.Url),
                areas);
        }
    }

    /// <summary>The lowest area scores (an area without a score is left out), ties in the framework's order.</summary>
    private static IReadOnlyList<(MaturityArea Area, decimal Score)> Weakest(MaturityFramework framework, RoundResults results) =>
        [.. framework.Areas
            .Select((area, order) => (Area: area, Order: order, Score: results.Areas.FirstOrDefault(r => r.Area == area.Code)?.Score))
            .Where(a => a.Score is not null)
            .OrderBy(a => a.Score).ThenBy(a => a.Order)
            .Take(WeakestAreas)
            .Select(a => (a.Area, a.Score!.Value))];

    public static void Map(RouteGroupBuilder rounds) =>
        rounds.MapGet("/{roundId:guid}/recommendations", async (Guid roundId, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new Query(roundId), ct)))
            .WithName("GetSelfAssessmentRecommendations")
            .WithSummary("What a JST should read next after its self-assessment")
            .WithDescription("For a closed round whose results are shown: the weakest areas are the three lowest area scores of the round's " +
                             "results (an area without a score, because fewer than three respondents scored it, is left out; equal scores in " +
                             "the framework's order), lowest first. Each comes with the sections of the latest published release (the one " +
                             "GET /api/v1/catalogue/releases/latest answers: published, not superseded, most recently published, of any programme) " +
                             "that the programme team tagged with the area — modules, units, advisory-guideline sections and annexes, in the " +
                             "release's order — with the absolute address of the catalogue page each is on. When nothing is published, `release` " +
                             "is null and every area's sections are empty (not an error). An open round is 409 `round-open`; a closed round with " +
                             "fewer than three respondents, whose results are not shown, is 409 `results-not-shown`. The programme team sees every " +
                             "round, an advisor the rounds of a JST it advises, a coordinator its own JST's; any other round is 404.")
            .RequireRoles(Roles.ProgrammeTeam, Roles.Advisor, Roles.JstCoordinator)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesTypedProblem(StatusCodes.Status409Conflict, PeerBenchmark.ResultsNotShown)
            .WithResponseExample(StatusCodes.Status200OK, SelfAssessmentRecommendations.Example);
}
