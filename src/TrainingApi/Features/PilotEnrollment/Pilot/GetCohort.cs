using Mediator;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Security;
using TrainingApi.Features.PilotEnrollment.Applications;

namespace TrainingApi.Features.PilotEnrollment.Pilot;

public static class GetCohort
{
    public sealed record CohortDetail(Guid Id, Guid RecruitmentId, string Name, IReadOnlyList<CohortJst> Jst, IReadOnlyList<TimetableSession> Sessions);

    public sealed record Query(Guid CohortId) : IQuery<CohortDetail>;

    /// <summary>The cohort's JST and its sessions in time order. A coordinator sees its own JST's cohort only, and of its JST only its own.</summary>
    public sealed class Handler(TrainingDb db, PilotAccess access) : IQueryHandler<Query, CohortDetail>
    {
        public async ValueTask<CohortDetail> Handle(Query query, CancellationToken cancellationToken)
        {
            await access.EnsureCohortVisibleAsync(query.CohortId, cancellationToken);
            var cohort = await db.Set<Cohort>().AsNoTracking().SingleAsync(c => c.Id == query.CohortId, cancellationToken);
            var jst = await access.Members(query.CohortId)
                .Select(m => new { m.ApplicationId, m.JstTeryt, Participants = db.Set<Participant>().Count(p => p.ApplicationId == m.ApplicationId) })
                .ToListAsync(cancellationToken);
            var sessions = await db.Set<TrainingSession>().AsNoTracking().Where(s => s.CohortId == cohort.Id).OrderBy(s => s.StartsAt).ThenBy(s => s.Id)
                .ToListAsync(cancellationToken);
            return new CohortDetail(cohort.Id, cohort.RecruitmentId, cohort.Name,
                [.. jst.OrderBy(j => j.JstTeryt, StringComparer.Ordinal).Select(j => CohortJst.Of(j.ApplicationId, j.JstTeryt, j.Participants))],
                [.. sessions.Select(s => TimetableSession.From(s, cohort.Name))]);
        }
    }

    public static void Map(RouteGroupBuilder cohorts) =>
        cohorts.MapGet("/{cohortId:guid}", async (Guid cohortId, IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new Query(cohortId), ct)))
            .WithName("GetCohort")
            .WithSummary("Read a cohort with its JST and its timetable")
            .WithDescription("Its JST (application, code, name, participants) and its sessions in time order: date (also in Europe/Warsaw), " +
                             "module anchor, mode, place or link, trainer. A coordinator reads only the cohort its JST trains in (404 otherwise) " +
                             "and sees only its own JST in it.")
            .RequireRoles(Roles.ProgrammeTeam, Roles.Ministry, Roles.JstCoordinator)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithResponseExample(StatusCodes.Status200OK, new CohortDetail(TimetableSession.Example.CohortId, Guid.Parse("01936b30-1000-7000-8000-000000000020"),
                TimetableSession.Example.CohortName, [CohortJst.Example], [TimetableSession.Example]));
}
