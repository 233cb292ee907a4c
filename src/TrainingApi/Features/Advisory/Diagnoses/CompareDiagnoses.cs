using Mediator;
using TrainingApi.Common.Localization;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Problems;
using TrainingApi.Common.Security;
using TrainingApi.Features.Advisory.Engagements;

namespace TrainingApi.Features.Advisory.Diagnoses;

public static class CompareDiagnoses
{
    public sealed record Query(Guid EngagementId) : IQuery<DiagnosisComparison>;

    public sealed class Handler(TrainingDb db, Access access) : IQueryHandler<Query, DiagnosisComparison>
    {
        public async ValueTask<DiagnosisComparison> Handle(Query query, CancellationToken ct)
        {
            var engagement = await EngagementLookup.VisibleAsync(access, db, query.EngagementId, ct);
            var comparisons = await DiagnosisComparison.ForAsync(db, [engagement.Id], ct);
            return comparisons.GetValueOrDefault(engagement.Id) ?? throw Problem.Conflict(new Text(
                "The comparison needs both the initial and the closing diagnosis.", "Porównanie wymaga diagnozy początkowej i końcowej."), "comparison-needs-both");
        }
    }

    public static void Map(RouteGroupBuilder engagements) =>
        engagements.MapGet("/{engagementId:guid}/diagnoses/comparison", async (Guid engagementId, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new Query(engagementId), ct)))
            .WithName("CompareDiagnoses")
            .WithSummary("Change per maturity area from the initial to the closing diagnosis")
            .WithDescription("The latest diagnosis of each kind; change = closing − initial per area and overall (none where an area had only n/a).")
            .RequireRoles(Roles.ProgrammeTeam, Roles.Advisor, Roles.JstCoordinator)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithResponseExample(StatusCodes.Status200OK, new DiagnosisComparison(DiagnosisView.Example.Id, Guid.Parse("01936b30-3200-7000-8000-000000000002"),
                [new("strategia", "Strategia i przywództwo", 2.25m, 3.5m, 1.25m)], 2.6m, 3.4m, 0.8m));
}
