using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Problems;
using TrainingApi.Common.Security;

namespace TrainingApi.Features.PilotEnrollment.Pilot;

public static class SetAttendance
{
    public sealed record Request(AttendanceState State);

    public sealed record AttendanceRecord(Guid SessionId, Guid ParticipantId, AttendanceState State);

    public sealed record Command(Guid SessionId, Guid ParticipantId, AttendanceState State) : ICommand<AttendanceRecord>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.State).IsInEnum();
    }

    /// <summary>One participant's state at one session, leaving the others' as they are; absent removes the row.</summary>
    public sealed class Handler(TrainingDb db) : ICommandHandler<Command, AttendanceRecord>
    {
        public async ValueTask<AttendanceRecord> Handle(Command command, CancellationToken cancellationToken)
        {
            var session = await db.Set<TrainingSession>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == command.SessionId, cancellationToken)
                          ?? throw Problem.NotFound(PilotEnrollmentModule.SessionNoun, command.SessionId);
            PilotQueries.EnsureMembers([command.ParticipantId], await PilotQueries.MembersAsync(db, session.CohortId, cancellationToken));

            var row = await db.Set<Attendance>().FirstOrDefaultAsync(a => a.SessionId == session.Id && a.ParticipantId == command.ParticipantId, cancellationToken);
            if (command.State == AttendanceState.Absent)
            {
                if (row is not null)
                {
                    db.Remove(row);
                }
            }
            else if (row is null)
            {
                db.Add(new Attendance(session.Id, command.ParticipantId, command.State));
            }
            else
            {
                row.Set(command.State);
            }

            await db.SaveChangesAsync(cancellationToken);
            return new AttendanceRecord(session.Id, command.ParticipantId, command.State);
        }
    }

    public static void Map(RouteGroupBuilder sessions) =>
        sessions.MapPut("/{sessionId:guid}/attendance/{participantId:guid}", async (Guid sessionId, Guid participantId, Request request, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new Command(sessionId, participantId, request.State), ct)))
            .WithName("SetAttendance")
            .WithSummary("Set one participant's attendance at a session")
            .WithDescription("`present`, `late`, `excused` or `absent`, for a member of the session's cohort (422 `not-cohort-members` otherwise); " +
                             "the other participants' states stay as they are.")
            .RequireRoles(Roles.ProgrammeTeam)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithRequestExample(new Request(AttendanceState.Late))
            .WithResponseExample(StatusCodes.Status200OK, new AttendanceRecord(Guid.Parse("01936b31-2000-7000-8000-000000000031"),
                Guid.Parse("01936b30-3000-7000-8000-000000000022"), AttendanceState.Late));
}
