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
    /// <param name="LateParticipantIds">Came late (counts as attended unless Pilot:LateCountsAsAttended is false).</param>
    /// <param name="ExcusedParticipantIds">Absent with an excuse (left out of their count unless Pilot:ExcusedReducesSessions is false).</param>
    public sealed record Request([property: Required] IReadOnlyList<Guid> PresentParticipantIds, IReadOnlyList<Guid>? LateParticipantIds = null,
        IReadOnlyList<Guid>? ExcusedParticipantIds = null);

    public sealed record Result(Guid SessionId, int Present, int Members, int Late, int Excused, int Absent);

    public sealed record Command(Guid SessionId, IReadOnlyList<Guid> PresentParticipantIds, IReadOnlyList<Guid> LateParticipantIds, IReadOnlyList<Guid> ExcusedParticipantIds)
        : ICommand<Result>
    {
        public IEnumerable<(Guid Id, AttendanceState State)> Listed =>
            PresentParticipantIds.Select(id => (id, AttendanceState.Present))
                .Concat(LateParticipantIds.Select(id => (id, AttendanceState.Late)))
                .Concat(ExcusedParticipantIds.Select(id => (id, AttendanceState.Excused)));
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.PresentParticipantIds).NotNull();
            RuleFor(c => c).Must(c => c.PresentParticipantIds is null || c.Listed.Select(l => l.Id).Distinct().Count() == c.Listed.Count())
                .OverridePropertyName("presentParticipantIds")
                .WithMessage(_ => new Text("Each participant is listed once: present, late or excused.", "Każdy uczestnik występuje raz: obecny, spóźniony albo usprawiedliwiony.").ToString());
        }
    }

    /// <summary>The attendance list of a session, replaced as a whole: the listed present, late or excused; the cohort's other members absent.</summary>
    public sealed class Handler(TrainingDb db) : ICommandHandler<Command, Result>
    {
        public async ValueTask<Result> Handle(Command command, CancellationToken cancellationToken)
        {
            var session = await db.Set<TrainingSession>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == command.SessionId, cancellationToken)
                          ?? throw Problem.NotFound(PilotEnrollmentModule.SessionNoun, command.SessionId);
            var members = await PilotQueries.MembersAsync(db, session.CohortId, cancellationToken);
            var listed = command.Listed.ToList();
            PilotQueries.EnsureMembers(listed.Select(l => l.Id), members);

            await db.Set<Attendance>().Where(a => a.SessionId == session.Id).ExecuteDeleteAsync(cancellationToken);
            db.AddRange(listed.Select(l => new Attendance(session.Id, l.Id, l.State)));
            await db.SaveChangesAsync(cancellationToken);
            return new Result(session.Id, command.PresentParticipantIds.Count, members.Count, command.LateParticipantIds.Count, command.ExcusedParticipantIds.Count,
                members.Count - listed.Count);
        }
    }

    public static void Map(RouteGroupBuilder sessions) =>
        sessions.MapPut("/{sessionId:guid}/attendance", async (Guid sessionId, Request request, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new Command(sessionId, request.PresentParticipantIds, request.LateParticipantIds ?? [], request.ExcusedParticipantIds ?? []), ct)))
            .WithName("RecordAttendance")
            .WithSummary("Record who attended a session")
            .WithDescription("Replaces the session's attendance list: the participants present, late (optional) and excused (optional); the cohort's " +
                             "other members were absent. To change one participant's state use PUT …/attendance/{participantId}.")
            .RequireRoles(Roles.ProgrammeTeam)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithRequestExample(new Request([Guid.Parse("01936b30-3000-7000-8000-000000000022")], [Guid.Parse("01936b30-3000-7000-8000-000000000023")], []))
            .WithResponseExample(StatusCodes.Status200OK, new Result(Guid.Parse("01936b31-2000-7000-8000-000000000031"), 10, 12, 1, 1, 0));
}

public static class PilotQueries
{
    /// <summary>The participant ids of a cohort: those of its applications.</summary>
    public static Task<List<Guid>> MembersAsync(TrainingDb db, Guid cohortId, CancellationToken ct) =>
        db.Set<CohortApplication>().Where(c => c.CohortId == cohortId)
            .Join(db.Set<Participant>(), c => c.ApplicationId, p => p.ApplicationId, (c, p) => p.Id)
            .ToListAsync(ct);

    public static void EnsureMembers(IEnumerable<Guid> ids, IReadOnlyCollection<Guid> members)
    {
        var strangers = ids.Except(members).ToList();
        if (strangers.Count > 0)
        {
            throw Problem.Unprocessable(new Text("Not members of this session's cohort: " + string.Join(", ", strangers),
                "Nie należą do grupy tej sesji: " + string.Join(", ", strangers)), "not-cohort-members");
        }
    }
}
