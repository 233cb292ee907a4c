using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Mediator;
using TrainingApi.Common.Idempotency;
using TrainingApi.Common.Localization;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Problems;
using TrainingApi.Common.Security;
using TrainingApi.Features.Advisory.Engagements;
using TrainingApi.Features.Advisory.Plans;

namespace TrainingApi.Features.Advisory.Sessions;

public static class LogSession
{
    public const double MinHours = 0.25;
    public const double MaxHours = 12;

    /// <remarks>
    /// The attributes only tell the contract what the validator below enforces (attendees and topics required, hours within
    /// the cap); a missing member still reaches the validator as null and is answered with a 400 naming it.
    /// </remarks>
    public sealed record Request(
        DateOnly HeldOn, [property: Range(MinHours, MaxHours)] decimal Hours, AdvisorySessionMode Mode,
        [property: Required] IReadOnlyList<string> Attendees, [property: Required] IReadOnlyList<string> Topics,
        string? Notes, IReadOnlyList<string>? FollowUps);

    public sealed record Command(Guid EngagementId, DateOnly HeldOn, decimal Hours, AdvisorySessionMode Mode, IReadOnlyList<string> Attendees,
        IReadOnlyList<string> Topics, string? Notes, IReadOnlyList<string>? FollowUps) : ICommand<SessionView>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Hours).InclusiveBetween((decimal)MinHours, (decimal)MaxHours).Must(h => h % 0.25m == 0)
                .WithMessage(_ => new Text("A session lasts whole quarters of an hour, from 0.25 to 12 hours.", "Sesja trwa pełne kwadranse, od 0,25 do 12 godzin.").ToString());
            RuleFor(c => c.Mode).IsInEnum();
            RuleFor(c => c.Attendees).NotEmpty().MaximumItems(50);
            RuleForEach(c => c.Attendees).NotEmpty().MaximumLength(200);
            RuleFor(c => c.Topics).NotEmpty().MaximumItems(30);
            RuleForEach(c => c.Topics).NotEmpty().MaximumLength(300);
            RuleFor(c => c.Notes).MaximumLength(10_000);
            RuleFor(c => c.FollowUps).MaximumItems(30);
            RuleForEach(c => c.FollowUps).NotEmpty().MaximumLength(500);
        }
    }

    public sealed class Handler(TrainingDb db, Access access, Caller caller, TimeProvider clock) : ICommandHandler<Command, SessionView>
    {
        public async ValueTask<SessionView> Handle(Command command, CancellationToken ct)
        {
            var engagement = await EngagementLookup.ForChangeAsync(access, db, command.EngagementId, ct);
            if (command.HeldOn > PlanDates.Today(clock))
            {
                throw Problem.Validation("heldOn", new Text("Log a session once it has taken place.", "Sesję zapisuje się po jej odbyciu."));
            }

            engagement.LogHours(command.Hours, clock.GetUtcNow());
            var session = new AdvisorySession(engagement.Id, command.HeldOn, command.Hours, command.Mode, [.. command.Attendees.Select(a => a.Trim())],
                [.. command.Topics.Select(t => t.Trim())], command.Notes?.Trim(), [.. (command.FollowUps ?? []).Select(f => f.Trim())], caller.Subject!,
                clock.UtcNowForDatabase());
            db.Add(session);
            await db.SaveChangesAsync(ct);
            return SessionView.From(session);
        }
    }

    public static void Map(RouteGroupBuilder engagements) =>
        engagements.MapPost("/{engagementId:guid}/sessions", async (Guid engagementId, Request r, IMediator mediator, CancellationToken ct) =>
            {
                var created = await mediator.Send(new Command(engagementId, r.HeldOn, r.Hours, r.Mode, r.Attendees, r.Topics, r.Notes, r.FollowUps), ct);
                return TypedResults.Created($"/api/v1/engagements/{engagementId}/sessions", created);
            })
            .WithName("LogAdvisorySession")
            .ProducesTypedProblem(StatusCodes.Status409Conflict, Engagement.HoursBudgetExceeded)
            .WithSummary("Log an advisory session and its hours")
            .WithDescription("Date (not in the future), hours in quarters of an hour from 0.25 to 12 (a session lasts at most 12 hours), mode, " +
                             "attendees and topics (both required, at least one each), notes, follow-ups. The hours count against the " +
                             "engagement's budget plus approved extra hours: past it → 409 `hours-budget-exceeded` (the programme team can approve " +
                             "more). Sessions of one engagement are logged one at a time, so two cannot both take the last hour.")
            .RequireRoles(Roles.ProgrammeTeam, Roles.Advisor)
            .Idempotent()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithRequestExample(new Request(SessionView.Example.HeldOn, SessionView.Example.Hours, SessionView.Example.Mode, SessionView.Example.Attendees,
                SessionView.Example.Topics, SessionView.Example.Notes, SessionView.Example.FollowUps))
            .WithResponseExample(StatusCodes.Status201Created, SessionView.Example);
}
