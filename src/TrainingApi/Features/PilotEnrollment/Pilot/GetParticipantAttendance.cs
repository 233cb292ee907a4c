using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Security;

namespace TrainingApi.Features.PilotEnrollment.Pilot;

public static class GetParticipantAttendance
{
    public sealed record SessionState(TimetableSession Session, AttendanceState State);

    /// <param name="Completion">Null while the participant's JST is in no cohort.</param>
    public sealed record ParticipantAttendanceView(Guid ParticipantId, Guid ApplicationId, string JstTeryt, Guid? CohortId, IReadOnlyList<SessionState> Sessions,
        GetCohortCompletion.ParticipantCompletion? Completion);

    public sealed record Query(Guid ParticipantId) : IQuery<ParticipantAttendanceView>;

    public sealed class Handler(TrainingDb db, PilotAccess access, IOptions<PilotOptions> options) : IQueryHandler<Query, ParticipantAttendanceView>
    {
        public async ValueTask<ParticipantAttendanceView> Handle(Query query, CancellationToken cancellationToken)
        {
            var (participant, application) = await access.VisibleParticipantAsync(query.ParticipantId, cancellationToken);
            var cohort = await db.Set<CohortApplication>().Where(c => c.ApplicationId == application.Id)
                .Join(db.Set<Cohort>(), c => c.CohortId, c => c.Id, (m, c) => c).AsNoTracking().SingleOrDefaultAsync(cancellationToken);
            if (cohort is null)
            {
                return new ParticipantAttendanceView(participant.Id, application.Id, application.JstTeryt, null, [], null);
            }

            var sessions = await db.Set<TrainingSession>().AsNoTracking().Where(s => s.CohortId == cohort.Id).OrderBy(s => s.StartsAt).ThenBy(s => s.Id).ToListAsync(cancellationToken);
            var states = await db.Set<Attendance>().Where(a => a.ParticipantId == participant.Id).ToDictionaryAsync(a => a.SessionId, a => a.State, cancellationToken);
            var completion = await GetCohortCompletion.ComputeAsync(db, cohort.Id, options.Value, cancellationToken);
            return new ParticipantAttendanceView(participant.Id, application.Id, application.JstTeryt, cohort.Id,
                [.. sessions.Select(s => new SessionState(TimetableSession.From(s, cohort.Name), states.GetValueOrDefault(s.Id, AttendanceState.Absent)))],
                completion.Participants.SingleOrDefault(p => p.ParticipantId == participant.Id));
        }
    }

    public static void Map(RouteGroupBuilder participants) =>
        participants.MapGet("/{participantId:guid}/attendance", async (Guid participantId, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new Query(participantId), ct)))
            .WithName("GetParticipantAttendance")
            .WithSummary("A participant's attendance across the cohort's sessions")
            .WithDescription("Every session of the participant's cohort with its state, and the participant's completion by the completion rules. " +
                             "A coordinator reads its own JST's participants only (404 otherwise).")
            .RequireRoles(Roles.ProgrammeTeam, Roles.Ministry, Roles.JstCoordinator)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithResponseExample(StatusCodes.Status200OK, new ParticipantAttendanceView(Guid.Parse("01936b30-3000-7000-8000-000000000022"),
                Guid.Parse("01936b30-2000-7000-8000-000000000021"), "1061", TimetableSession.Example.CohortId,
                [new SessionState(TimetableSession.Example, AttendanceState.Present)],
                new GetCohortCompletion.ParticipantCompletion(Guid.Parse("01936b30-3000-7000-8000-000000000022"), Guid.Parse("01936b30-2000-7000-8000-000000000021"),
                    "1061", 1, 1.0, true, 1, 0, 0, 0, 1)));
}
