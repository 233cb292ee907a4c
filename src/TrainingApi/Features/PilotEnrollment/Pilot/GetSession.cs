using Mediator;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Security;

namespace TrainingApi.Features.PilotEnrollment.Pilot;

public static class GetSession
{
    public sealed record Query(Guid SessionId) : IQuery<TimetableSession>;

    public sealed class Handler(TrainingDb db, PilotAccess access) : IQueryHandler<Query, TimetableSession>
    {
        public async ValueTask<TimetableSession> Handle(Query query, CancellationToken cancellationToken)
        {
            var session = await access.VisibleSessionAsync(query.SessionId, cancellationToken);
            var cohortName = await db.Set<Cohort>().Where(c => c.Id == session.CohortId).Select(c => c.Name).SingleAsync(cancellationToken);
            return TimetableSession.From(session, cohortName);
        }
    }

    public static void Map(RouteGroupBuilder sessions) =>
        sessions.MapGet("/{sessionId:guid}", async (Guid sessionId, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new Query(sessionId), ct)))
            .WithName("GetSession")
            .WithSummary("Read a training session")
            .WithDescription("As the timetable shows it: date (also in Europe/Warsaw), module, mode, place or link, trainer, and its cohort. " +
                             "A coordinator reads sessions of its own JST's cohort only; any other is answered 404.")
            .RequireRoles(Roles.ProgrammeTeam, Roles.Ministry, Roles.JstCoordinator)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithResponseExample(StatusCodes.Status200OK, TimetableSession.Example);
}
