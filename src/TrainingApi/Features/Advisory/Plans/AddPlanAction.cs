using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Idempotency;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Problems;
using TrainingApi.Common.Security;
using TrainingApi.Features.Advisory.Engagements;

namespace TrainingApi.Features.Advisory.Plans;

public static class AddPlanAction
{
    public sealed record Command(Guid GoalId, ActionRequest Action) : ICommand<PlanActionView>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Action.Title).NotEmpty().MaximumLength(PlanAction.TitleMaxLength).OverridePropertyName("title");
            RuleFor(c => c.Action.Owner).NotEmpty().MaximumLength(200).OverridePropertyName("owner");
        }
    }

    public sealed class Handler(TrainingDb db, Access access, TimeProvider clock) : ICommandHandler<Command, PlanActionView>
    {
        public async ValueTask<PlanActionView> Handle(Command command, CancellationToken ct)
        {
            var goal = await db.Set<PlanGoal>().AsNoTracking().FirstOrDefaultAsync(g => g.Id == command.GoalId, ct)
                       ?? throw Problem.NotFound(AdvisoryModule.GoalNoun, command.GoalId);
            var engagement = await EngagementLookup.ForChangeAsync(access, db, goal.EngagementId, ct);
            PlanRules.EnsurePlanCanChange(engagement);
            var a = command.Action;
            var action = new PlanAction(goal.Id, engagement.Id, a.Title.Trim(), a.Owner.Trim(), a.OwnedByCoordinator, a.Deadline, clock.UtcNowForDatabase());
            db.Add(action);
            await db.SaveChangesAsync(ct);
            return PlanActionView.From(action, PlanDates.Today(clock));
        }
    }

    public static void Map(RouteGroupBuilder goals) =>
        goals.MapPost("/{goalId:guid}/actions", async (Guid goalId, ActionRequest r, IMediator mediator, CancellationToken ct) =>
            {
                var created = await mediator.Send(new Command(goalId, r), ct);
                return TypedResults.Created($"/api/v1/plan-actions/{created.Id}", created);
            })
            .WithName("AddPlanAction")
            .WithSummary("Add an action to a plan goal")
            .WithDescription("In the plan or support stage: title, owner, deadline (a date), and whether it is assigned to the JST's coordinator " +
                             "(who may then update its status).")
            .RequireRoles(Roles.ProgrammeTeam, Roles.Advisor)
            .Idempotent()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithRequestExample(new ActionRequest(PlanActionView.Example.Title, PlanActionView.Example.Owner, true, PlanActionView.Example.Deadline))
            .WithResponseExample(StatusCodes.Status201Created, PlanActionView.Example with { Status = ActionStatus.Planned, StatusNote = null });
}
