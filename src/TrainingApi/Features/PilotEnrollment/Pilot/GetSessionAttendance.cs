using Mediator;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Security;
using TrainingApi.Features.PilotEnrollment.Applications;

namespace TrainingApi.Features.PilotEnrollment.Pilot;

public static class GetSessionAttendance
{
    public sealed record ParticipantAttendance(Guid ParticipantId, Guid ApplicationId, string JstTeryt, AttendanceState State);

    public sealed record SessionAttendance(TimetableSession Session, IReadOnlyList<ParticipantAttendance> Participants);

    public sealed record Query(Guid SessionId) : IQuery<SessionAttendance>;

    /// <summary>Every member of the session's cohort with its state (absent when nothing is recorded). By id only, no names.</summary>
    public sealed class Handler(TrainingDb db, PilotAccess access) : IQueryHandler<Query, SessionAttendance>
    {
        public async ValueTask<SessionAttendance> Handle(Query query, CancellationToken cancellationToken)
        {
            var session = await access.VisibleSessionAsync(query.SessionId, cancellationToken);
            var cohortName = await db.Set<Cohort>().Where(c => c.Id == session.CohortId).Select(c => c.Name).SingleAsync(cancellationToken);
            var members = await access.Members(session.CohortId)
                .Join(db.Set<Participant>(), m => m.ApplicationId, p => p.ApplicationId, (m, p) => new { p.Id, m.ApplicationId, m.JstTeryt })
                .ToListAsync(cancellationToken);
            var states = await db.Set<Attendance>().Where(a => a.SessionId == session.Id).ToDictionaryAsync(a => a.ParticipantId, a => a.State, cancellationToken);
            return new SessionAttendance(TimetableSession.From(session, cohortName),
                [.. members.OrderBy(m => m.JstTeryt, StringComparer.Ordinal).ThenBy(m => m.Id)
                    .Select(m => new ParticipantAttendance(m.Id, m.ApplicationId, m.JstTeryt, states.GetValueOrDefault(m.Id, AttendanceState.Absent)))]);
        }
    }

    public static void Map(RouteGroupBuilder sessions) =>
        sessions.MapGet("/{sessionId:guid}/attendance", async (Guid sessionId, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new Query(sessionId), ct)))
            .WithName("GetSessionAttendance")
            .WithSummary("Attendance at a session, per participant")
            .WithDescription("The session and every member of its cohort with `present`, `late`, `excused` or `absent`, by participant id. " +
                             "A coordinator reads sessions of its own JST's cohort only, and sees only its own participants.")
            .RequireRoles(Roles.ProgrammeTeam, Roles.Ministry, Roles.JstCoordinator)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithResponseExample(StatusCodes.Status200OK, new SessionAttendance(TimetableSession.Example,
                [new ParticipantAttendance(Guid.Parse("01936b30-3000-7000-8000-000000000022"), Guid.Parse("01936b30-2000-7000-8000-000000000021"), "1061", AttendanceState.Present)]));
}
