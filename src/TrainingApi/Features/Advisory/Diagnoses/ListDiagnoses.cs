using Mediator;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Security;
using TrainingApi.Features.Advisory.Engagements;

namespace TrainingApi.Features.Advisory.Diagnoses;

public static class ListDiagnoses
{
    public sealed record Query(Guid EngagementId) : IQuery<IReadOnlyList<DiagnosisView>>;

    public sealed class Handler(TrainingDb db, Access access) : IQueryHandler<Query, IReadOnlyList<DiagnosisView>>
    {
        public async ValueTask<IReadOnlyList<DiagnosisView>> Handle(Query query, CancellationToken ct)
        {
            var engagement = await EngagementLookup.VisibleAsync(access, db, query.EngagementId, ct);
            var diagnoses = await db.Set<Diagnosis>().AsNoTracking().Where(d => d.EngagementId == engagement.Id).OrderBy(d => d.RecordedAt).ToListAsync(ct);
            return [.. diagnoses.Select(DiagnosisView.From)];
        }
    }

    public static void Map(RouteGroupBuilder engagements) =>
        engagements.MapGet("/{engagementId:guid}/diagnoses", async (Guid engagementId, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new Query(engagementId), ct)))
            .WithName("ListDiagnoses")
            .WithSummary("An engagement's diagnoses with their scores")
            .WithDescription("In the order recorded (an engagement has a handful, so no paging).")
            .RequireRoles(Roles.ProgrammeTeam, Roles.Advisor, Roles.JstCoordinator)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithResponseExample(StatusCodes.Status200OK, new[] { DiagnosisView.Example });
}
