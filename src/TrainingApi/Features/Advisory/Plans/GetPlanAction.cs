using Mediator;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Http;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Problems;
using TrainingApi.Common.Security;
using TrainingApi.Features.Advisory.Engagements;

namespace TrainingApi.Features.Advisory.Plans;

public static class GetPlanAction
{
    public sealed record Query(Guid ActionId) : IQuery<Versioned<PlanActionView>>;

    public sealed class Handler(TrainingDb db, Access access, TimeProvider clock) : IQueryHandler<Query, Versioned<PlanActionView>>
    {
        public async ValueTask<Versioned<PlanActionView>> Handle(Query query, CancellationToken ct)
        {
            var action = await db.Set<PlanAction>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == query.ActionId, ct)
                         ?? throw Problem.NotFound(AdvisoryModule.ActionNoun, query.ActionId);
            await EngagementLookup.VisibleAsync(access, db, action.EngagementId, ct);
            return new(PlanActionView.From(action, PlanDates.Today(clock)), action.Version);
        }
    }

    public static void Map(RouteGroupBuilder actions) =>
        actions.MapGet("/{actionId:guid}", async (Guid actionId, IMediator mediator, HttpContext http, CancellationToken ct) =>
            {
                var found = await mediator.Send(new Query(actionId), ct);
                return ConditionalGet.Ok(http, found);
            })
            .WithName("GetPlanAction")
            .WithSummary("Read a plan action")
            .WithDescription("With its ETag, which PUT …/status needs in If-Match.")
            .RequireRoles(Roles.ProgrammeTeam, Roles.Advisor, Roles.JstCoordinator)
            .SupportsIfNoneMatch()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithResponseExample(StatusCodes.Status200OK, PlanActionView.Example);
}
