using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Http;
using TrainingApi.Common.Persistence;
using TrainingApi.Features.Curriculum.Versions;
using TrainingApi.Features.MaterialsHandover.Releases;
using TrainingApi.Features.SelfAssessment.Recommendations;

namespace TrainingApi.Features.MaterialsHandover.Catalogue;

/// <summary>
/// The latest published release for the self-assessment's recommendations: "latest" exactly as the catalogue's
/// GET /catalogue/releases/latest without a programme (published, not superseded, most recently published), its sections read
/// from the released version through Curriculum's outline (a released version is tested and frozen, so they are the
/// release's sections), each with the address of the catalogue page it is on.
/// </summary>
public sealed class PublishedMaterialsForSelfAssessment(TrainingDb db, VersionOutlines versions, PublicBaseUrl publicBase) : IPublishedMaterials
{
    public async Task<PublishedRelease?> LatestAsync(CancellationToken ct)
    {
        var latest = await db.Set<Release>().AsNoTracking().Where(r => r.Status == ReleaseStatus.Published)
            .OrderByDescending(r => r.PublishedAt).ThenByDescending(r => r.Id)
            .Select(r => new { r.Id, r.SemanticVersion, r.VersionId, r.PublishedAt }).FirstOrDefaultAsync(ct);
        if (latest is null || await versions.FindAsync(latest.VersionId, ct) is not { } outline)
        {
            return null;
        }

        var sections = outline.Sections.Select(s => new PublishedSection(s.Anchor, s.Title, s.Kind, s.MaturityAreas,
            publicBase.For(GetCataloguePage.UrlOf(latest.Id, s.TopAnchor + ".html")) + (s.Depth == 0 ? "" : "#" + s.Anchor))).ToList();
        return new PublishedRelease(latest.Id, latest.SemanticVersion, outline.ProgrammeTitle, latest.PublishedAt!.Value,
            publicBase.For(GetCataloguePage.UrlOf(latest.Id)), sections);
    }
}
