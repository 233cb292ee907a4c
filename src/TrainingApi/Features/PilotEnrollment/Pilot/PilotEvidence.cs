using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Persistence;
using TrainingApi.Features.Curriculum.Versions;
using TrainingApi.Features.PilotEnrollment.Applications;
using TrainingApi.Features.PilotEnrollment.Recruitments;

namespace TrainingApi.Features.PilotEnrollment.Pilot;

/// <summary>The evaluation of one module in one pilot: counts and means only (no comments), so it may be shown publicly.</summary>
public sealed record ModuleEvaluationFact(
    Guid RecruitmentId, string PilotTitle, Guid VersionId, string ModuleAnchor, int Responses, double? MeanPre, double? MeanPost, double? MeanChange,
    double? MeanSatisfaction, DateTimeOffset LastRecordedAt);

/// <summary>
/// The enrollment slice's public read of "evidence of a version's pilot" (Curriculum asks it before `tested`, releases
/// and the section history read which version a pilot tested), so no other slice queries enrollment tables.
/// </summary>
public sealed class PilotEvidence(TrainingDb db) : IVersionPilots
{
    /// <summary>Every pilot (recruitment) that tests the version, most completed first.</summary>
    public async Task<IReadOnlyList<PilotOfVersion>> ForVersionAsync(Guid versionId, CancellationToken ct)
    {
        var pilots = await db.Set<Recruitment>().AsNoTracking().Where(r => r.ProgrammeVersionId == versionId)
            .OrderBy(r => r.CreatedAt).ThenBy(r => r.Id)
            .Select(r => new PilotOfVersion(r.Id, r.Title,
                db.Set<Cohort>().Count(c => c.RecruitmentId == r.Id),
                db.Set<Application>().Count(a => a.RecruitmentId == r.Id && a.Status == ApplicationStatus.Completed),
                db.Set<ModuleEvaluation>().Count(e => db.Set<Cohort>().Any(c => c.Id == e.CohortId && c.RecruitmentId == r.Id))))
            .ToListAsync(ct);
        return [.. pilots.OrderByDescending(p => p.IsComplete).ThenByDescending(p => p.CompletedJst)];
    }

    /// <summary>The programme version a recruitment tests; null when it names none (opened before versions were required) or does not exist.</summary>
    public async Task<Guid?> VersionOfAsync(Guid recruitmentId, CancellationToken ct) =>
        await db.Set<Recruitment>().AsNoTracking().Where(r => r.Id == recruitmentId).Select(r => r.ProgrammeVersionId).FirstOrDefaultAsync(ct);

    /// <summary>The evaluation of a module in every pilot of these versions that evaluated it, in the order recorded.</summary>
    public async Task<IReadOnlyList<ModuleEvaluationFact>> ModuleEvaluationsAsync(IReadOnlyCollection<Guid> versionIds, string moduleAnchor, CancellationToken ct)
    {
        var rows = await db.Set<ModuleEvaluation>().AsNoTracking().Where(e => e.ModuleAnchor == moduleAnchor)
            .Join(db.Set<Cohort>(), e => e.CohortId, c => c.Id, (e, c) => new { e, c.RecruitmentId })
            .Join(db.Set<Recruitment>(), x => x.RecruitmentId, r => r.Id, (x, r) => new { x.e, r.Id, r.Title, r.ProgrammeVersionId })
            .Where(x => x.ProgrammeVersionId != null && versionIds.Contains(x.ProgrammeVersionId.Value)).ToListAsync(ct);
        static double? Mean(IEnumerable<int> values) => values.Any() ? Math.Round(values.Average(), 2) : null;
        return [.. rows.GroupBy(x => (x.Id, x.Title, x.ProgrammeVersionId!.Value)).Select(g =>
        {
            var all = g.Select(x => x.e).ToList();
            var paired = all.Where(e => e.PreScore is not null && e.PostScore is not null).ToList();
            return new ModuleEvaluationFact(g.Key.Id, g.Key.Title, g.Key.Value, moduleAnchor, all.Count,
                Mean(all.Where(e => e.PreScore is not null).Select(e => e.PreScore!.Value)), Mean(all.Where(e => e.PostScore is not null).Select(e => e.PostScore!.Value)),
                Mean(paired.Select(e => e.PostScore!.Value - e.PreScore!.Value)), Mean(all.Where(e => e.Satisfaction is not null).Select(e => e.Satisfaction!.Value)),
                all.Max(e => e.RecordedAt));
        }).OrderBy(f => f.LastRecordedAt)];
    }
}
