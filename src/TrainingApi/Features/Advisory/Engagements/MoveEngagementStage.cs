using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Localization;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Problems;
using TrainingApi.Common.Security;
using TrainingApi.Features.Advisory.Diagnoses;
using TrainingApi.Features.Advisory.Plans;
using TrainingApi.Features.Advisory.Sessions;

namespace TrainingApi.Features.Advisory.Engagements;

public static class MoveEngagementStage
{
    public sealed record Request(EngagementStage To);

    public sealed record Command(Guid EngagementId, EngagementStage To) : ICommand<EngagementView>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.To).IsInEnum();
    }

    /// <summary>
    /// Forward one stage at a time, each when its evidence exists: plan after the initial diagnosis, support once the plan has
    /// a goal with an action, closure after at least one session, closed once the closing diagnosis is recorded.
    /// </summary>
    public sealed class Handler(TrainingDb db, Access access, TimeProvider clock) : ICommandHandler<Command, EngagementView>
    {
        public async ValueTask<EngagementView> Handle(Command command, CancellationToken ct)
        {
            var engagement = await EngagementLookup.ForChangeAsync(access, db, command.EngagementId, ct);
            engagement.EnsureOpen();
            if (command.To != engagement.Stage + 1)
            {
                throw Problem.Conflict(new Text(
                    $"The engagement is in {Name(engagement.Stage)}; stages go one at a time: diagnosis → plan → support → closure → closed.",
                    $"Proces jest na etapie {Name(engagement.Stage)}; etapy następują po kolei: diagnosis → plan → support → closure → closed."), "stage-order");
            }

            var missing = command.To switch
            {
                EngagementStage.Plan when !await db.Set<Diagnosis>().AnyAsync(d => d.EngagementId == engagement.Id && d.Kind == DiagnosisKind.Initial, ct) =>
                    ("initial-diagnosis-missing", new Text("Record the initial diagnosis first.", "Najpierw zapisz diagnozę początkową.")),
                EngagementStage.Support when !await db.Set<PlanAction>().AnyAsync(a => a.EngagementId == engagement.Id, ct) =>
                    ("plan-empty", new Text("The development plan needs at least one goal with an action.", "Plan rozwoju musi mieć co najmniej jeden cel z działaniem.")),
                EngagementStage.Closure when !await db.Set<AdvisorySession>().AnyAsync(s => s.EngagementId == engagement.Id, ct) =>
                    ("no-sessions", new Text("Log at least one advisory session first.", "Najpierw zapisz co najmniej jedną sesję doradczą.")),
                EngagementStage.Closed when !await db.Set<Diagnosis>().AnyAsync(d => d.EngagementId == engagement.Id && d.Kind == DiagnosisKind.Closing, ct) =>
                    ("closing-diagnosis-missing", new Text("Record the closing diagnosis first.", "Najpierw zapisz diagnozę końcową.")),
                _ => default((string Code, Text Text)?),
            };
            if (missing is { } why)
            {
                throw Problem.Conflict(why.Text, why.Code);
            }

            engagement.MoveTo(command.To, clock.UtcNowForDatabase());
            await db.SaveChangesAsync(ct);
            return await AdvisorNames.ViewAsync(db, engagement, ct);
        }

        private static string Name(EngagementStage stage) => Common.Http.QueryEnum.Name(stage);
    }

    public static void Map(RouteGroupBuilder engagements) =>
        engagements.MapPost("/{engagementId:guid}/stage", async (Guid engagementId, Request r, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new Command(engagementId, r.To), ct)))
            .WithName("MoveEngagementStage")
            .WithSummary("Move an engagement to its next stage")
            .WithDescription("diagnosis → plan (the initial diagnosis is recorded) → support (the plan has a goal with an action) → closure (a " +
                             "session was logged) → closed (the closing diagnosis is recorded). One stage at a time, never back; 409 names what is missing.")
            .RequireRoles(Roles.ProgrammeTeam, Roles.Advisor)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithRequestExample(new Request(EngagementStage.Support))
            .WithResponseExample(StatusCodes.Status200OK, EngagementView.Example with { Stage = EngagementStage.Support });
}
