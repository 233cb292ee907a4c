using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Http;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Security;
using TrainingApi.Features.Advisory.Engagements;

namespace TrainingApi.Features.Advisory.Plans;

public static class ListOverdueActions
{
    public sealed record OverdueAction(PlanActionView Action, string JstTeryt, string JstName);

    public sealed record Query(Guid? RecruitmentId, int Limit, string? Cursor) : IQuery<Page<OverdueAction>>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.Limit).ValidPageLimit();
    }

    public sealed class Handler(TrainingDb db, Access access, TimeProvider clock) : IQueryHandler<Query, Page<OverdueAction>>
    {
        public async ValueTask<Page<OverdueAction>> Handle(Query query, CancellationToken ct)
        {
            var today = PlanDates.Today(clock);
            var engagements = access.Visible(db.Set<Engagement>().AsNoTracking()).Where(e => e.Stage != EngagementStage.Closed);
            if (query.RecruitmentId is { } recruitmentId)
            {
                engagements = engagements.Where(e => e.RecruitmentId == recruitmentId);
            }

            var overdue = db.Set<PlanAction>().AsNoTracking()
                .Where(a => a.Deadline < today && (a.Status == ActionStatus.Planned || a.Status == ActionStatus.InProgress))
                .Where(a => engagements.Any(e => e.Id == a.EngagementId));
            var page = await overdue.ToKeysetPageAsync(a => a.CreatedAt, a => a.Id, query.Cursor, query.Limit, a => a, ct);
            var ids = page.Items.Select(a => a.EngagementId).Distinct().ToList();
            var jst = await db.Set<Engagement>().AsNoTracking().Where(e => ids.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => (e.JstTeryt, e.JstName), ct);
            return new Page<OverdueAction>([.. page.Items.Select(a => new OverdueAction(PlanActionView.From(a, today), jst[a.EngagementId].JstTeryt, jst[a.EngagementId].JstName))],
                page.NextCursor);
        }
    }

    public static void Map(RouteGroupBuilder actions) =>
        actions.MapGet("/overdue", async (Guid? recruitmentId, int? limit, string? cursor, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new Query(recruitmentId, limit ?? KeysetCursor.DefaultLimit, cursor), ct)))
            .WithName("ListOverdueActions")
            .WithSummary("Plan actions past their deadline")
            .WithDescription("Actions whose deadline (a Warsaw date) has passed and that are neither done nor cancelled, in engagements not closed, " +
                             "paged by cursor. An advisor sees those of their engagements, a coordinator its JST's.")
            .RequireRoles(Roles.ProgrammeTeam, Roles.Advisor, Roles.JstCoordinator)
            .ProducesValidationProblem()
            .WithResponseExample(StatusCodes.Status200OK, new Page<OverdueAction>([new(PlanActionView.Example with { Overdue = true }, "1061", "Łódź")], null));
}
