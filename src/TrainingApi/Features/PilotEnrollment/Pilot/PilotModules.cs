using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Localization;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Problems;
using TrainingApi.Features.Curriculum.Sections;
using TrainingApi.Features.Curriculum.Versions;
using TrainingApi.Features.PilotEnrollment.Recruitments;

namespace TrainingApi.Features.PilotEnrollment.Pilot;

/// <summary>
/// A cohort trains on, and evaluates, the modules of the version its pilot tests: anchors are checked against that
/// version's outline (Curriculum's public query). A recruitment opened before pilots named a version is not checked.
/// </summary>
public sealed class PilotModules(TrainingDb db, VersionOutlines versions)
{
    /// <param name="UnknownAnchors">The anchors that are no module of the version.</param>
    /// <param name="VersionId">The programme version the pilot tests.</param>
    public sealed record AnchorNotInVersionMembers(IReadOnlyList<string> UnknownAnchors, Guid VersionId);

    public static readonly ProblemShape<AnchorNotInVersionMembers> AnchorNotInVersion = new("anchor-not-in-version");

    public async Task EnsureModulesAsync(Guid cohortId, IEnumerable<string> anchors, CancellationToken ct)
    {
        var versionId = await db.Set<Cohort>().AsNoTracking().Where(c => c.Id == cohortId)
            .Join(db.Set<Recruitment>(), c => c.RecruitmentId, r => r.Id, (c, r) => r.ProgrammeVersionId).FirstOrDefaultAsync(ct);
        if (versionId is not { } id || await versions.FindAsync(id, ct) is not { } outline)
        {
            return;
        }

        var modules = outline.Sections.Where(s => s.Kind == SectionKind.Module).Select(s => s.Anchor).ToHashSet(StringComparer.Ordinal);
        var unknown = anchors.Distinct(StringComparer.Ordinal).Where(a => !modules.Contains(a)).ToList();
        if (unknown.Count > 0)
        {
            throw AnchorNotInVersion.Refuse(ProblemKind.UnprocessableContent, new Text(
                $"The pilot tests version {outline.Label}, which has no module {string.Join(", ", unknown)}. Its modules: {string.Join(", ", modules)}.",
                $"Pilotaż testuje wersję {outline.Label}, która nie ma modułu {string.Join(", ", unknown)}. Jej moduły: {string.Join(", ", modules)}."),
                new(unknown, id));
        }
    }
}
