using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Http;
using TrainingApi.Common.Localization;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Problems;
using TrainingApi.Common.Security;
using TrainingApi.Features.Advisory.Engagements;

namespace TrainingApi.Features.Advisory.Plans;

public static class UpdateActionStatus
{
    public sealed record Request(ActionStatus Status, string? Note);

    public sealed record Command(Guid ActionId, uint? ExpectedVersion, ActionStatus Status, string? Note) : ICommand<Versioned<PlanActionView>>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Status).IsInEnum();
            RuleFor(c => c.Note).MaximumLength(2000);
        }
    }

    /// <summary>The team and the engagement's advisor update any action; the JST's coordinator only those assigned to the coordinator.</summary>
    public sealed class Handler(TrainingDb db, Access access, TimeProvider clock) : ICommandHandler<Command, Versioned<PlanActionView>>
    {
        public async ValueTask<Versioned<PlanActionView>> Handle(Command command, CancellationToken ct)
        {
            var action = await db.Set<PlanAction>().FirstOrDefaultAsync(a => a.Id == command.ActionId, ct)
                         ?? throw Problem.NotFound(AdvisoryModule.ActionNoun, command.ActionId);
            var engagement = await EngagementLookup.VisibleAsync(access, db, action.EngagementId, ct);
            if (access.Caller.Is(Roles.JstCoordinator) && !action.OwnedByCoordinator)
            {
                throw Problem.Forbidden(new Text(
                    "This action is not assigned to the JST's coordinator; the advisor updates it.",
                    "To działanie nie jest przypisane koordynatorowi JST; jego stan zmienia doradca."), "action-not-yours");
            }

            engagement.EnsureOpen();
            await db.ExpectVersionAsync(action, command.ExpectedVersion, ct);
            action.SetStatus(command.Status, command.Note?.Trim(), clock.UtcNowForDatabase());
            await db.SaveChangesAsync(ct);
            return new(PlanActionView.From(action, PlanDates.Today(clock)), action.Version);
        }
    }

    public static void Map(RouteGroupBuilder actions) =>
        actions.MapPut("/{actionId:guid}/status", async (Guid actionId, Request r, IMediator mediator, HttpContext http, CancellationToken ct) =>
            {
                var updated = await mediator.Send(new Command(actionId, EntityTags.RequireIfMatch(http.Request), r.Status, r.Note), ct);
                http.Response.Headers.ETag = EntityTags.Format(updated.Version);
                return TypedResults.Ok(updated.Value);
            })
            .WithName("UpdateActionStatus")
            .WithSummary("Update where a plan action stands")
            .WithDescription("planned, in-progress, done or cancelled, with a note. The team and the advisor update any action; the JST's " +
                             "coordinator only the actions assigned to the coordinator (403 `action-not-yours` for the others). Requires If-Match " +
                             "with the ETag from GET /api/v1/plan-actions/{actionId}.")
            .RequireRoles(Roles.ProgrammeTeam, Roles.Advisor, Roles.JstCoordinator)
            .RequiresIfMatch()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithRequestExample(new Request(ActionStatus.Done, "Polityka przyjęta zarządzeniem wójta."))
            .WithResponseExample(StatusCodes.Status200OK, PlanActionView.Example with { Status = ActionStatus.Done });
}
