using Mediator;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Security;
using TrainingApi.Features.Advisory.Engagements;

namespace TrainingApi.Features.Advisory.Plans;

public static class GetPlan
{
    public sealed record Query(Guid EngagementId) : IQuery<PlanView>;

    public sealed class Handler(TrainingDb db, Access access, TimeProvider clock) : IQueryHandler<Query, PlanView>
    {
        public async ValueTask<PlanView> Handle(Query query, CancellationToken ct)
        {
            var engagement = await EngagementLookup.VisibleAsync(access, db, query.EngagementId, ct);
            return await ReadAsync(db, engagement.Id, PlanDates.Today(clock), ct);
        }
    }

    public static async Task<PlanView> ReadAsync(TrainingDb db, Guid engagementId, DateOnly today, CancellationToken ct)
    {
        var goals = await db.Set<PlanGoal>().AsNoTracking().Where(g => g.EngagementId == engagementId).OrderBy(g => g.CreatedAt).ToListAsync(ct);
        var actions = await db.Set<PlanAction>().AsNoTracking().Where(a => a.EngagementId == engagementId).OrderBy(a => a.Deadline).ThenBy(a => a.CreatedAt).ToListAsync(ct);
        var byGoal = actions.ToLookup(a => a.GoalId);
        return new PlanView(engagementId,
            [.. goals.Select(g => new PlanGoalView(g.Id, g.EngagementId, g.Title, g.Areas, g.GuidelineAnchors, [.. byGoal[g.Id].Select(a => PlanActionView.From(a, today))]))],
            actions.Count, actions.Count(a => a.Status == ActionStatus.Done), actions.Count(a => a.IsOverdueOn(today)));
    }

    public static void Map(RouteGroupBuilder engagements) =>
        engagements.MapGet("/{engagementId:guid}/plan", async (Guid engagementId, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new Query(engagementId), ct)))
            .WithName("GetPlan")
            .WithSummary("A JST's development plan with progress")
            .WithDescription("Goals in the order added, each with its actions by deadline; `overdue` marks actions past their deadline (Warsaw date) " +
                             "that are neither done nor cancelled.")
            .RequireRoles(Roles.ProgrammeTeam, Roles.Advisor, Roles.JstCoordinator)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithResponseExample(StatusCodes.Status200OK, PlanView.Example);
}
