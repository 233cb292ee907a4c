using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Idempotency;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Problems;
using TrainingApi.Common.Security;

namespace TrainingApi.Features.PilotEnrollment.Pilot;

public static class ScheduleSession
{
    /// <param name="Place">Where it takes place (in person): address, room.</param>
    /// <param name="Link">How to join online: an https address.</param>
    public sealed record Request(string ModuleAnchor, DateTimeOffset StartsAt, int DurationMinutes, SessionMode Mode, string Trainer, string? Place = null, string? Link = null);

    public sealed record SessionView(Guid Id, Guid CohortId, string ModuleAnchor, DateTimeOffset StartsAt, int DurationMinutes, SessionMode Mode, string Trainer,
        string? Place = null, string? Link = null);

    public sealed record Command(Guid CohortId, string ModuleAnchor, DateTimeOffset StartsAt, int DurationMinutes, SessionMode Mode, string Trainer,
        string? Place = null, string? Link = null) : ICommand<SessionView>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.ModuleAnchor).NotEmpty().MaximumLength(100).Matches("^[a-z0-9]+(-[a-z0-9]+)*$");
            RuleFor(c => c.DurationMinutes).InclusiveBetween(15, 8 * 60);
            RuleFor(c => c.Mode).IsInEnum();
            RuleFor(c => c.Trainer).NotEmpty().MaximumLength(200);
            RuleFor(c => c.Place).MaximumLength(300);
            RuleFor(c => c.Link).MaximumLength(500).HttpsUrl()
                .WithMessage(_ => new Common.Localization.Text("The link must be an https address.", "Link musi być adresem https.").ToString());
        }
    }

    public sealed class Handler(TrainingDb db, PilotModules modules, TimeProvider clock) : ICommandHandler<Command, SessionView>
    {
        public async ValueTask<SessionView> Handle(Command command, CancellationToken cancellationToken)
        {
            if (!await db.Set<Cohort>().AnyAsync(c => c.Id == command.CohortId, cancellationToken))
            {
                throw Problem.NotFound(PilotEnrollmentModule.CohortNoun, command.CohortId);
            }

            await modules.EnsureModulesAsync(command.CohortId, [command.ModuleAnchor], cancellationToken);

            var session = new TrainingSession(command.CohortId, command.ModuleAnchor, command.StartsAt.ToUniversalTime(), command.DurationMinutes, command.Mode,
                command.Trainer.Trim(), clock.UtcNowForDatabase());
            session.SetVenue(command.Place?.Trim(), command.Link?.Trim());
            db.Add(session);
            await db.SaveChangesAsync(cancellationToken);
            return new SessionView(session.Id, session.CohortId, session.ModuleAnchor, session.StartsAt, session.DurationMinutes, session.Mode, session.Trainer, session.Place, session.Link);
        }
    }

    public static void Map(RouteGroupBuilder cohorts) =>
        cohorts.MapPost("/{cohortId:guid}/sessions", async (Guid cohortId, Request r, IMediator mediator, CancellationToken ct) =>
            {
                var session = await mediator.Send(new Command(cohortId, r.ModuleAnchor, r.StartsAt, r.DurationMinutes, r.Mode, r.Trainer, r.Place, r.Link), ct);
                return TypedResults.Created($"/api/v1/sessions/{session.Id}", session);
            })
            .WithName("ScheduleSession")
            .ProducesTypedProblem(StatusCodes.Status422UnprocessableEntity, PilotModules.AnchorNotInVersion)
            .WithSummary("Schedule a training session of a cohort")
            .WithDescription("On one module of the version the pilot tests, by its stable anchor (e.g. modul-3), with date, duration (15 min – 8 h), mode " +
                             "and trainer. An anchor that is not a module of that version is 422 `anchor-not-in-version`.")
            .RequireRoles(Roles.ProgrammeTeam)
            .Idempotent()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithRequestExample(new Request("modul-3", new DateTimeOffset(2024, 9, 17, 7, 0, 0, TimeSpan.Zero), 360, SessionMode.Workshop, "dr Piotr Wiśniewski"))
            .WithResponseExample(StatusCodes.Status201Created, new SessionView(Guid.Parse("01936b31-2000-7000-8000-000000000031"), Guid.Parse("01936b31-1000-7000-8000-000000000030"),
                "modul-3", new DateTimeOffset(2024, 9, 17, 7, 0, 0, TimeSpan.Zero), 360, SessionMode.Workshop, "dr Piotr Wiśniewski"));
}
