using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Persistence;
using TrainingApi.Features.PilotEnrollment.Applications;
using TrainingApi.Features.PilotEnrollment.Recruitments;

namespace TrainingApi.Features.PilotEnrollment.Pilot;

/// <param name="CompletedJst">Applications of the pilot marked completed (the JST finished the training).</param>
/// <param name="Evaluations">Module evaluations recorded by its cohorts.</param>
public sealed record PilotOfVersion(Guid RecruitmentId, string Title, int Cohorts, int CompletedJst, int Evaluations)
{
    /// <summary>Evidence that tests a version: some JST completed the training and evaluations were recorded.</summary>
    public bool IsComplete => CompletedJst > 0 && Evaluations > 0;
}

/// <summary>
/// The enrollment slice's public read of "evidence of a version's pilot" (Curriculum asks it before `tested`, releases
/// and the section history read which version a pilot tested), so no other slice queries enrollment tables.
/// </summary>
public sealed class PilotEvidence(TrainingDb db)
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

    /// <summary>The recruitments that test any of these versions, with the version each tests.</summary>
    public async Task<IReadOnlyList<(Guid RecruitmentId, Guid VersionId, string Title)>> PilotsOfAsync(IReadOnlyCollection<Guid> versionIds, CancellationToken ct) =>
        [.. (await db.Set<Recruitment>().AsNoTracking().Where(r => r.ProgrammeVersionId != null && versionIds.Contains(r.ProgrammeVersionId.Value))
            .OrderBy(r => r.CreatedAt).Select(r => new { r.Id, r.ProgrammeVersionId, r.Title }).ToListAsync(ct))
            .Select(r => (r.Id, r.ProgrammeVersionId!.Value, r.Title))];
}
