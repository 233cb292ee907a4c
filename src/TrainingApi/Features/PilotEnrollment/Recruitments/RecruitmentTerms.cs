using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Problems;
using TrainingApi.Features.PilotEnrollment.Register;

namespace TrainingApi.Features.PilotEnrollment.Recruitments;

/// <summary>The rules of a recruitment an application is checked against (the team may correct the window and the RODO clause version).</summary>
public sealed record RecruitmentTerms(
    Guid Id, DateTimeOffset OpensAt, DateTimeOffset ClosesAt, int MaxParticipantsPerJst, IReadOnlyList<string> EligibleKinds,
    SelectionMode SelectionMode, string RodoClauseVersion)
{
    public bool IsOpenAt(DateTimeOffset now) => now >= OpensAt && now < ClosesAt;

    public bool Accepts(JstKind kind) => EligibleKinds.Contains(kind.ToString());
}

/// <summary>
/// Each instance keeps the terms of the recruitments it has seen for a short while, saving a query per application during a
/// stampede. The team can change the window and the RODO clause version of an announced recruitment: the instance that
/// makes the change forgets its copy at once, and every other instance's copy is at most <see cref="Lifetime"/> old, so a
/// change reaches all of them within that time (an application a moment after "close now" on another instance may still
/// be taken within it; the placement's quota is exact regardless, it is decided in PostgreSQL).
/// </summary>
public sealed class RecruitmentTermsCache
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(2);

    private readonly ConcurrentDictionary<Guid, (RecruitmentTerms Terms, long ReadAt)> terms = new();

    public async Task<RecruitmentTerms> GetAsync(TrainingDb db, Guid recruitmentId, CancellationToken ct)
    {
        // Environment ticks, not the TimeProvider: this is about how stale a copy is, not about business time.
        var now = Environment.TickCount64;
        if (terms.TryGetValue(recruitmentId, out var known) && now - known.ReadAt < Lifetime.TotalMilliseconds)
        {
            return known.Terms;
        }

        var found = await db.Set<Recruitment>().AsNoTracking().Where(r => r.Id == recruitmentId)
            .Select(r => new RecruitmentTerms(r.Id, r.OpensAt, r.ClosesAt, r.MaxParticipantsPerJst, r.EligibleKinds, r.SelectionMode, r.RodoClauseVersion))
            .FirstOrDefaultAsync(ct) ?? throw Problem.NotFound(PilotEnrollmentModule.RecruitmentNoun, recruitmentId);
        terms[recruitmentId] = (found, now);
        return found;
    }

    /// <summary>After a change of terms on this instance.</summary>
    public void Forget(Guid recruitmentId) => terms.TryRemove(recruitmentId, out _);
}
