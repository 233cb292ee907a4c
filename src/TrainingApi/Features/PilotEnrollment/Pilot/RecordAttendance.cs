using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Localization;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Problems;
using TrainingApi.Common.Security;
using TrainingApi.Features.PilotEnrollment.Applications;

namespace TrainingApi.Features.PilotEnrollment.Pilot;

public static class RecordAttendance
{
    public sealed record Request([property: Required] IReadOnlyList<Guid> PresentParticipantIds);

    public sealed record Result(Guid SessionId, int Present, int Members);

    public sealed record Command(Guid SessionId, IReadOnlyList<Guid> PresentParticipantIds) : ICommand<Result>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.PresentParticipantIds).NotNull().Must(ids => ids is null || ids.Distinct().Count() == ids.Count);
    }

    /// <summary>The attendance list of a session, replaced as a whole (present: listed; absent: the cohort's other members).</summary>
    public sealed class Handler(TrainingDb db) : ICommandHandler<Command, Result>
    {
        public async ValueTask<Result> Handle(Command command, CancellationToken cancellationToken)
        {
            var session = await db.Set<TrainingSession>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == command.SessionId, cancellationToken)
                          ?? throw Problem.NotFound(PilotEnrollmentModule.SessionNoun, command.SessionId);
            var members = await PilotQueries.MembersAsync(db, session.CohortId, cancellationToken);
            var strangers = command.PresentParticipantIds.Except(members).ToList();
            if (strangers.Count > 0)
            {
                throw Problem.Unprocessable(new Text("Not members of this session's cohort: " + string.Join(", ", strangers),
                    "Nie należą do grupy tej sesji: " + string.Join(", ", strangers)), "not-cohort-members");
            }

            await db.Set<Attendance>().Where(a => a.SessionId == session.Id).ExecuteDeleteAsync(cancellationToken);
            db.AddRange(command.PresentParticipantIds.Select(id => new Attendance(session.Id, id)));
            await db.SaveChangesAsync(cancellationToken);
            return new Result(session.Id, command.PresentParticipantIds.Count, members.Count);
        }
    }

    public static void Map(RouteGroupBuilder sessions) =>
        sessions.MapPut("/{sessionId:guid}/attendance", async (Guid sessionId, Request request, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new Command(sessionId, request.PresentParticipantIds), ct)))
            .WithName("RecordAttendance")
            .WithSummary("Record who attended a session")
            .WithDescription("Replaces the session's attendance list with the participants present; the cohort's other members were absent.")
            .RequireRoles(Roles.ProgrammeTeam)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithRequestExample(new Request([Guid.Parse("01936b30-3000-7000-8000-000000000022")]))
            .WithResponseExample(StatusCodes.Status200OK, new Result(Guid.Parse("01936b31-2000-7000-8000-000000000031"), 11, 12));
}

public static class PilotQueries
{
    /// <summary>The participant ids of a cohort: those of its applications.</summary>
    public static Task<List<Guid>> MembersAsync(TrainingDb db, Guid cohortId, CancellationToken ct) =>
        db.Set<CohortApplication>().Where(c => c.CohortId == cohortId)
            .Join(db.Set<Participant>(), c => c.ApplicationId, p => p.ApplicationId, (c, p) => p.Id)
            .ToListAsync(ct);
}
