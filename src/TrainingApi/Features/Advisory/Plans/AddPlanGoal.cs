using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Mediator;
using TrainingApi.Common.Idempotency;
using TrainingApi.Common.Localization;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Security;
using TrainingApi.Features.Advisory.Engagements;
using TrainingApi.Features.Curriculum.Versions;

namespace TrainingApi.Features.Advisory.Plans;

public static class AddPlanGoal
{
    public sealed record Request(string Title, [property: Required] IReadOnlyList<string> Areas, IReadOnlyList<string>? GuidelineAnchors, IReadOnlyList<ActionRequest>? Actions);

    public sealed record Command(Guid EngagementId, string Title, IReadOnlyList<string> Areas, IReadOnlyList<string>? GuidelineAnchors, IReadOnlyList<ActionRequest>? Actions)
        : ICommand<PlanGoalView>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Title).NotEmpty().MaximumLength(PlanGoal.TitleMaxLength);
            RuleFor(c => c.Areas).NotEmpty()
                .WithMessage(_ => new Text("Link the goal to at least one maturity area.", "Powiąż cel z co najmniej jednym obszarem dojrzałości.").ToString());
            RuleForEach(c => c.Areas).Must(PlanRules.IsArea)
                .WithMessage(_ => new Text("Not an area of the maturity framework.", "To nie jest obszar modelu dojrzałości.").ToString());
            RuleFor(c => c.GuidelineAnchors).MaximumItems(20);
            RuleFor(c => c.Actions).MaximumItems(50);
            RuleForEach(c => c.Actions).ChildRules(a =>
            {
                a.RuleFor(x => x.Title).NotEmpty().MaximumLength(PlanAction.TitleMaxLength);
                a.RuleFor(x => x.Owner).NotEmpty().MaximumLength(200);
            });
        }
    }

    public sealed class Handler(TrainingDb db, Access access, VersionOutlines versions, TimeProvider clock) : ICommandHandler<Command, PlanGoalView>
    {
        public async ValueTask<PlanGoalView> Handle(Command command, CancellationToken ct)
        {
            var engagement = await EngagementLookup.ForChangeAsync(access, db, command.EngagementId, ct);
            PlanRules.EnsurePlanCanChange(engagement);
            var anchors = (command.GuidelineAnchors ?? []).Distinct().ToList();
            await PlanRules.CheckGuidelineAnchorsAsync(versions, engagement, anchors, ct);
            var now = clock.UtcNowForDatabase();
            var goal = new PlanGoal(engagement.Id, command.Title.Trim(), [.. command.Areas.Distinct()], anchors, now);
            var actions = (command.Actions ?? []).Select(a => new PlanAction(goal.Id, engagement.Id, a.Title.Trim(), a.Owner.Trim(), a.OwnedByCoordinator, a.Deadline, now)).ToList();
            db.Add(goal);
            db.AddRange(actions);
            await db.SaveChangesAsync(ct);
            var today = PlanDates.Today(clock);
            return new PlanGoalView(goal.Id, goal.EngagementId, goal.Title, goal.Areas, goal.GuidelineAnchors, [.. actions.Select(a => PlanActionView.From(a, today))]);
        }
    }

    public static void Map(RouteGroupBuilder engagements) =>
        engagements.MapPost("/{engagementId:guid}/plan/goals", async (Guid engagementId, Request r, IMediator mediator, CancellationToken ct) =>
            {
                var created = await mediator.Send(new Command(engagementId, r.Title, r.Areas, r.GuidelineAnchors, r.Actions), ct);
                return TypedResults.Created($"/api/v1/engagements/{engagementId}/plan", created);
            })
            .WithName("AddPlanGoal")
            .ProducesTypedProblem(StatusCodes.Status422UnprocessableEntity, PlanRules.UnknownGuidelineAnchor)
            .WithSummary("Add a goal (with its actions) to a JST's development plan")
            .WithDescription("In the plan or support stage. Linked to maturity areas and to advisory-guideline sections (anchors of the engagement's " +
                             "guidelines version); actions have an owner, a deadline (a date in Warsaw) and may be assigned to the JST's coordinator.")
            .RequireRoles(Roles.ProgrammeTeam, Roles.Advisor)
            .Idempotent()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithRequestExample(new Request(PlanGoalView.Example.Title, PlanGoalView.Example.Areas, PlanGoalView.Example.GuidelineAnchors,
                [new ActionRequest(PlanActionView.Example.Title, PlanActionView.Example.Owner, true, PlanActionView.Example.Deadline)]))
            .WithResponseExample(StatusCodes.Status201Created, PlanGoalView.Example);
}
