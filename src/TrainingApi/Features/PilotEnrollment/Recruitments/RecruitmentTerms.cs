using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Problems;
using TrainingApi.Features.PilotEnrollment.Register;

namespace TrainingApi.Features.PilotEnrollment.Recruitments;

/// <summary>The rules of a recruitment an application is checked against. They never change once it is opened.</summary>
public sealed record RecruitmentTerms(
    Guid Id, DateTimeOffset OpensAt, DateTimeOffset ClosesAt, int MaxParticipantsPerJst, IReadOnlyList<string> EligibleKinds,
    SelectionMode SelectionMode, string RodoClauseVersion)
{
    public bool IsOpenAt(DateTimeOffset now) => now >= OpensAt && now < ClosesAt;

    public bool Accepts(JstKind kind) => EligibleKinds.Contains(kind.ToString());
}

/// <summary>
/// Each instance keeps the terms of the recruitments it has seen, saving a query per application during a
/// stampede. Safe only because no use case changes terms after opening: one that does must evict them here
/// (and on other instances), or this cache must go.
/// </summary>
public sealed class RecruitmentTermsCache
{
    private readonly ConcurrentDictionary<Guid, RecruitmentTerms> terms = new();

    public async Task<RecruitmentTerms> GetAsync(TrainingDb db, Guid recruitmentId, CancellationToken ct)
    {
        if (terms.TryGetValue(recruitmentId, out var known))
        {
            return known;
        }

        var found = await db.Set<Recruitment>().AsNoTracking().Where(r => r.Id == recruitmentId)
            .Select(r => new RecruitmentTerms(r.Id, r.OpensAt, r.ClosesAt, r.MaxParticipantsPerJst, r.EligibleKinds, r.SelectionMode, r.RodoClauseVersion))
            .FirstOrDefaultAsync(ct) ?? throw Problem.NotFound(PilotEnrollmentModule.RecruitmentNoun, recruitmentId);
        return terms.GetOrAdd(recruitmentId, found);
    }
}
