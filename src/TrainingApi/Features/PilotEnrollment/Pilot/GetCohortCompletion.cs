using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Security;
using TrainingApi.Features.PilotEnrollment.Applications;

namespace TrainingApi.Features.PilotEnrollment.Pilot;

/// <summary>
/// The completion rules, by configuration (section <c>Pilot</c>), the same for every cohort so that "completed" means one
/// thing across the pilot's evidence.
/// </summary>
public sealed class PilotOptions
{
    public const string Section = "Pilot";

    /// <summary>The share of its sessions a participant must attend to complete the training.</summary>
    public double CompletionThreshold { get; set; } = 0.8;

    /// <summary>Whether arriving late counts as attending (true: late is attended; false: late counts as absent).</summary>
    public bool LateCountsAsAttended { get; set; } = true;

    /// <summary>
    /// Whether an excused absence leaves the session out of the participant's count (true: the threshold applies to the
    /// sessions they were not excused from; false: excused counts as absent).
    /// </summary>
    public bool ExcusedReducesSessions { get; set; } = true;
}

public static class GetCohortCompletion
{
    /// <param name="Attended">Sessions that count as attended: present, and late when late counts.</param>
    /// <param name="Required">The sessions the rate is of: all the cohort's, less the excused ones when excused absences count so.</param>
    public sealed record ParticipantCompletion(Guid ParticipantId, Guid ApplicationId, string JstTeryt, int Attended, double AttendanceRate, bool Completed,
        int Present, int Late, int Excused, int Absent, int Required);

    public sealed record Completion(Guid CohortId, int Sessions, double Threshold, int Members, int Completed, IReadOnlyList<ParticipantCompletion> Participants,
        bool LateCountsAsAttended, bool ExcusedReducesSessions);

    public sealed record Query(Guid CohortId) : IQuery<Completion>;

    /// <summary>Computed from attendance every time, so it is never out of date. No names: participants by id only. A coordinator sees its own JST's.</summary>
    public sealed class Handler(TrainingDb db, PilotAccess access, IOptions<PilotOptions> options) : IQueryHandler<Query, Completion>
    {
        public async ValueTask<Completion> Handle(Query query, CancellationToken cancellationToken)
        {
            await access.EnsureCohortVisibleAsync(query.CohortId, cancellationToken);
            var completion = await ComputeAsync(db, query.CohortId, options.Value, cancellationToken);
            if (access.OwnJst is not { } own)
            {
                return completion;
            }

            var mine = completion.Participants.Where(p => p.JstTeryt == own).ToList();
            return completion with { Participants = mine, Members = mine.Count, Completed = mine.Count(p => p.Completed) };
        }
    }

    /// <summary>Completion of one cohort from its attendance (also what <see cref="Applications.CompleteApplication"/> and certificates check).</summary>
    public static async Task<Completion> ComputeAsync(TrainingDb db, Guid cohortId, PilotOptions rules, CancellationToken cancellationToken)
    {
        var sessions = await db.Set<TrainingSession>().Where(s => s.CohortId == cohortId).Select(s => s.Id).ToListAsync(cancellationToken);
        var members = await db.Set<CohortApplication>().Where(c => c.CohortId == cohortId)
            .Join(db.Set<Participant>(), c => c.ApplicationId, p => p.ApplicationId, (c, p) => new { p.Id, p.ApplicationId })
            .Join(db.Set<Application>(), p => p.ApplicationId, a => a.Id, (p, a) => new { p.Id, p.ApplicationId, a.JstTeryt })
            .ToListAsync(cancellationToken);
        var states = await db.Set<Attendance>().Where(a => sessions.Contains(a.SessionId))
            .GroupBy(a => new { a.ParticipantId, a.State }).Select(g => new { g.Key.ParticipantId, g.Key.State, Count = g.Count() })
            .ToListAsync(cancellationToken);
        int Count(Guid participant, AttendanceState state) => states.FirstOrDefault(s => s.ParticipantId == participant && s.State == state)?.Count ?? 0;
        var rows = members.OrderBy(m => m.JstTeryt, StringComparer.Ordinal).ThenBy(m => m.Id).Select(m =>
        {
            var (present, late, excused) = (Count(m.Id, AttendanceState.Present), Count(m.Id, AttendanceState.Late), Count(m.Id, AttendanceState.Excused));
            var attended = present + (rules.LateCountsAsAttended ? late : 0);
            var required = sessions.Count - (rules.ExcusedReducesSessions ? excused : 0);
            var rate = required <= 0 ? 0 : Math.Round((double)attended / required, 3);
            return new ParticipantCompletion(m.Id, m.ApplicationId, m.JstTeryt, attended, rate, required > 0 && rate >= rules.CompletionThreshold,
                present, late, excused, sessions.Count - present - late - excused, required);
        }).ToList();
        return new Completion(cohortId, sessions.Count, rules.CompletionThreshold, rows.Count, rows.Count(r => r.Completed), rows,
            rules.LateCountsAsAttended, rules.ExcusedReducesSessions);
    }

    public static void Map(RouteGroupBuilder cohorts) =>
        cohorts.MapGet("/{cohortId:guid}/completion", async (Guid cohortId, IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new Query(cohortId), ct)))
            .WithName("GetCohortCompletion")
            .WithSummary("Attendance and completion of a cohort")
            .WithDescription("Per participant: sessions present, late, excused and absent, those that count as attended, the attendance rate and " +
                             "whether it reached the completion threshold. The rules are configuration (`Pilot:CompletionThreshold`, default 80 %; " +
                             "`Pilot:LateCountsAsAttended`, default true; `Pilot:ExcusedReducesSessions`, default true: an excused session is left " +
                             "out of the participant's count). A coordinator reads its own JST's cohort only, and sees only its own participants.")
            .RequireRoles(Roles.ProgrammeTeam, Roles.Ministry, Roles.JstCoordinator)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithResponseExample(StatusCodes.Status200OK, new Completion(Guid.Parse("01936b31-1000-7000-8000-000000000030"), 5, 0.8, 1, 1,
                [new ParticipantCompletion(Guid.Parse("01936b30-3000-7000-8000-000000000022"), Guid.Parse("01936b30-2000-7000-8000-000000000021"), "1061", 4, 1.0, true,
                    3, 1, 1, 0, 4)], true, true));
}
