using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Problems;
using TrainingApi.Common.Security;
using TrainingApi.Features.PilotEnrollment.Applications;

namespace TrainingApi.Features.PilotEnrollment.Pilot;

/// <summary>
/// Who sees what of the running pilot: the programme team (and the ministry, where the endpoint admits it) everything; a
/// coordinator only its own JST — the cohorts its JST trains in, their sessions, and its own participants' attendance.
/// Another JST's cohort, session or participant is a 404, as if it did not exist.
/// </summary>
public sealed class PilotAccess(TrainingDb db, Caller caller, IJstDirectory jsts)
{
    /// <summary>The coordinator's JST (canonical code); null for callers who see every JST.</summary>
    public string? OwnJst => caller.Is(Roles.JstCoordinator) && !caller.Is(Roles.ProgrammeTeam) ? jsts.Canonical(caller.Teryt) ?? "-" : null;

    public bool SeesEverything => OwnJst is null;

    /// <summary>The cohort's member applications the caller may see (all, or its own JST's).</summary>
    public IQueryable<CohortMember> Members(Guid cohortId)
    {
        var own = OwnJst;
        return db.Set<CohortApplication>().Where(c => c.CohortId == cohortId)
            .Join(db.Set<Application>(), c => c.ApplicationId, a => a.Id, (c, a) => new CohortMember { CohortId = c.CohortId, ApplicationId = a.Id, JstTeryt = a.JstTeryt })
            .Where(m => own == null || m.JstTeryt == own);
    }

    /// <summary>The cohorts the caller may see.</summary>
    public IQueryable<Cohort> Cohorts()
    {
        var own = OwnJst;
        return own is null
            ? db.Set<Cohort>()
            : db.Set<Cohort>().Where(c => c.Applications.Any(m => db.Set<Application>().Any(a => a.Id == m.ApplicationId && a.JstTeryt == own)));
    }

    public async Task EnsureCohortVisibleAsync(Guid cohortId, CancellationToken ct)
    {
        if (!await Cohorts().AnyAsync(c => c.Id == cohortId, ct))
        {
            throw Problem.NotFound(PilotEnrollmentModule.CohortNoun, cohortId);
        }
    }

    public async Task<TrainingSession> VisibleSessionAsync(Guid sessionId, CancellationToken ct)
    {
        var session = await db.Set<TrainingSession>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == sessionId, ct);
        if (session is null || !await Cohorts().AnyAsync(c => c.Id == session.CohortId, ct))
        {
            throw Problem.NotFound(PilotEnrollmentModule.SessionNoun, sessionId);
        }

        return session;
    }

    /// <summary>The participant with its application, if the caller may see it.</summary>
    public async Task<(Participant Participant, Application Application)> VisibleParticipantAsync(Guid participantId, CancellationToken ct)
    {
        var own = OwnJst;
        var found = await db.Set<Participant>().AsNoTracking().Where(p => p.Id == participantId)
            .Join(db.Set<Application>().AsNoTracking(), p => p.ApplicationId, a => a.Id, (p, a) => new { p, a })
            .Where(x => own == null || x.a.JstTeryt == own).FirstOrDefaultAsync(ct);
        return found is null ? throw Problem.NotFound(PilotEnrollmentModule.ParticipantNoun, participantId) : (found.p, found.a);
    }
}

/// <remarks>Initialised by members, not a constructor, so that EF can filter and join on it after the projection.</remarks>
public sealed record CohortMember
{
    public Guid CohortId { get; init; }
    public Guid ApplicationId { get; init; }
    public string JstTeryt { get; init; } = "";
}
