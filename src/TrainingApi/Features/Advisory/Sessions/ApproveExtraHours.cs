using FluentValidation;
using Mediator;
using TrainingApi.Common.Idempotency;
using TrainingApi.Common.Localization;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Security;
using TrainingApi.Features.Advisory.Engagements;

namespace TrainingApi.Features.Advisory.Sessions;

public static class ApproveExtraHours
{
    public sealed record Request(decimal Hours, string Reason);

    public sealed record Command(Guid EngagementId, decimal Hours, string Reason) : ICommand<EngagementView>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Hours).InclusiveBetween(0.25m, 200).Must(h => h % 0.25m == 0)
                .WithMessage(_ => new Text("Extra hours are whole quarters, from 0.25 to 200.", "Dodatkowe godziny podaje się w pełnych kwadransach, od 0,25 do 200.").ToString());
            RuleFor(c => c.Reason).NotEmpty().MaximumLength(2000);
        }
    }

    public sealed class Handler(TrainingDb db, Access access, Caller caller, TimeProvider clock) : ICommandHandler<Command, EngagementView>
    {
        public async ValueTask<EngagementView> Handle(Command command, CancellationToken ct)
        {
            var engagement = await EngagementLookup.ForChangeAsync(access, db, command.EngagementId, ct);
            engagement.ApproveExtraHours(command.Hours);
            db.Add(new ExtraHoursApproval(engagement.Id, command.Hours, command.Reason.Trim(), caller.Subject!, clock.UtcNowForDatabase()));
            await db.SaveChangesAsync(ct);
            return await AdvisorNames.ViewAsync(db, engagement, ct);
        }
    }

    public static void Map(RouteGroupBuilder engagements) =>
        engagements.MapPost("/{engagementId:guid}/extra-hours", async (Guid engagementId, Request r, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new Command(engagementId, r.Hours, r.Reason), ct)))
            .WithName("ApproveExtraHours")
            .WithSummary("Approve advisory hours beyond an engagement's budget")
            .WithDescription("By the programme team, with a reason; recorded and audited. The engagement's available hours grow by that much.")
            .RequireRoles(Roles.ProgrammeTeam)
            .Idempotent()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithRequestExample(new Request(6, "Dodatkowe wsparcie przy wdrożeniu polityki bezpieczeństwa w 12 szkołach."))
            .WithResponseExample(StatusCodes.Status200OK, EngagementView.Example with { ExtraHoursApproved = 6, HoursAvailable = 39.5m });
}
