using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Problems;
using TrainingApi.Common.Security;
using TrainingApi.Features.PilotEnrollment.Applications;

namespace TrainingApi.Features.PilotEnrollment.Pilot;

public sealed class PilotOptions
{
    public const string Section = "Pilot";

    /// <summary>The share of its cohort's sessions a participant must attend to complete the training.</summary>
    public double CompletionThreshold { get; set; } = 0.8;
}

public static class GetCohortCompletion
{
    public sealed record ParticipantCompletion(Guid ParticipantId, Guid ApplicationId, string JstTeryt, int Attended, double AttendanceRate, bool Completed);

    public sealed record Completion(Guid CohortId, int Sessions, double Threshold, int Members, int Completed, IReadOnlyList<ParticipantCompletion> Participants);

    public sealed record Query(Guid CohortId) : IQuery<Completion>;

    /// <summary>Computed from attendance every time, so it is never out of date. No names: participants by id only.</summary>
    public sealed class Handler(TrainingDb db, IOptions<PilotOptions> options) : IQueryHandler<Query, Completion>
    {
        public async ValueTask<Completion> Handle(Query query, CancellationToken cancellationToken)
        {
            if (!await db.Set<Cohort>().AnyAsync(c => c.Id == query.CohortId, cancellationToken))
            {
                throw Problem.NotFound(PilotEnrollmentModule.CohortNoun, query.CohortId);
            }

            return await ComputeAsync(db, query.CohortId, options.Value.CompletionThreshold, cancellationToken);
        }
    }

    /// <summary>Completion of one cohort from its attendance (also what <see cref="Applications.CompleteApplication"/> checks).</summary>
    public static async Task<Completion> ComputeAsync(TrainingDb db, Guid cohortId, double threshold, CancellationToken cancellationToken)
    {
        var sessions = await db.Set<TrainingSession>().Where(s => s.CohortId == cohortId).Select(s => s.Id).ToListAsync(cancellationToken);
        var members = await db.Set<CohortApplication>().Where(c => c.CohortId == cohortId)
            .Join(db.Set<Participant>(), c => c.ApplicationId, p => p.ApplicationId, (c, p) => new { p.Id, p.ApplicationId })
            .Join(db.Set<Application>(), p => p.ApplicationId, a => a.Id, (p, a) => new { p.Id, p.ApplicationId, a.JstTeryt })
            .ToListAsync(cancellationToken);
        var attended = await db.Set<Attendance>().Where(a => sessions.Contains(a.SessionId))
            .GroupBy(a => a.ParticipantId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var rows = members.OrderBy(m => m.JstTeryt, StringComparer.Ordinal).ThenBy(m => m.Id).Select(m =>
        {
            var count = attended.GetValueOrDefault(m.Id);
            var rate = sessions.Count == 0 ? 0 : Math.Round((double)count / sessions.Count, 3);
            return new ParticipantCompletion(m.Id, m.ApplicationId, m.JstTeryt, count, rate, sessions.Count > 0 && rate >= threshold);
        }).ToList();
        return new Completion(cohortId, sessions.Count, threshold, rows.Count, rows.Count(r => r.Completed), rows);
    }

    public static void Map(RouteGroupBuilder cohorts) =>
        cohorts.MapGet("/{cohortId:guid}/completion", async (Guid cohortId, IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new Query(cohortId), ct)))
            .WithName("GetCohortCompletion")
            .WithSummary("Attendance and completion of a cohort")
            .WithDescription("Per participant: sessions attended, attendance rate, and whether it reached the completion threshold (Pilot:CompletionThreshold, default 80 %).")
            .RequireRoles(Roles.ProgrammeTeam, Roles.Ministry)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithResponseExample(StatusCodes.Status200OK, new Completion(Guid.Parse("01936b31-1000-7000-8000-000000000030"), 5, 0.8, 1, 1,
                [new ParticipantCompletion(Guid.Parse("01936b30-3000-7000-8000-000000000022"), Guid.Parse("01936b30-2000-7000-8000-000000000021"), "1061", 4, 0.8, true)]));
}
