using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Persistence;
using TrainingApi.Features.Curriculum.Accessibility;
using TrainingApi.Features.Curriculum.LegalActs;
using TrainingApi.Features.Curriculum.Sections;

namespace TrainingApi.Features.Curriculum.Versions;

/// <summary>A section with everything a published package shows of it.</summary>
public sealed record ContentSection(
    string Anchor, string? ParentAnchor, int Depth, SectionKind Kind, string Title, string Markdown, string Html, decimal? Hours, LearningOutcomes Outcomes,
    IReadOnlyList<string> DeliveryForms, IReadOnlyList<string> TargetRoles, IReadOnlyList<string> Authors, IReadOnlyList<string> LegalActs);

public sealed record CitedAct(Guid Id, string Citation, string Title);

/// <summary>
/// Which path a version took to `tested` and what that rests on: the pilot and the version it tested (this one, or a
/// predecessor whose evidence is carried), and for an update its reason, notes and predecessor.
/// </summary>
public sealed record VersionLineage(
    VersionPath Path, UpdateReason? UpdateReason, string? Notes, Guid? PredecessorId, string? PredecessorLabel,
    Guid? PilotRecruitmentId, Guid? TestedVersionId, string? TestedVersionLabel, bool Carried);

/// <summary>A version's full content in document order, for other slices that publish it (releases).</summary>
public sealed record VersionContent(
    Guid VersionId, Guid ProgrammeId, string ProgrammeTitle, string? ProgrammeSummary, string Label, VersionStatus Status,
    IReadOnlyList<ContentSection> Sections, IReadOnlyList<CitedAct> CitedActs, AccessibilitySummary Accessibility, int ReadabilityWarnings,
    IReadOnlyList<FindingView> WaivedFindings, VersionLineage Lineage, IReadOnlyList<Assets.AssetFacts> Assets);

/// <summary>The Curriculum slice's public read of a version's whole content (see <see cref="VersionOutlines"/> for the light one).</summary>
public sealed class VersionContents(TrainingDb db, VersionAccessibility accessibility)
{
    public async Task<VersionContent?> FindAsync(Guid versionId, CancellationToken ct)
    {
        var version = await db.Set<ProgrammeVersion>().AsNoTracking().FirstOrDefaultAsync(v => v.Id == versionId, ct);
        if (version is null)
        {
            return null;
        }

        var programme = await db.Set<Programme>().AsNoTracking().FirstAsync(p => p.Id == version.ProgrammeId, ct);
        var sections = await db.Set<Section>().AsNoTracking().Where(s => s.VersionId == versionId).ToListAsync(ct);
        var anchors = sections.ToDictionary(s => s.Id, s => s.Anchor);
        var citations = await SectionRules.CitationsBySectionAsync(db, sections.Select(s => s.Id), ct);
        var acts = await db.Set<SectionCitation>().AsNoTracking().Where(c => sections.Select(s => s.Id).Contains(c.SectionId))
            .Join(db.Set<LegalAct>(), c => c.LegalActId, a => a.Id, (c, a) => new { a.Id, a.Citation, a.Title })
            .Distinct().ToListAsync(ct);
        var check = await accessibility.CheckAsync(versionId, ct);
        var assets = await db.Set<Assets.VersionAsset>().AsNoTracking().Where(a => a.VersionId == versionId).ToListAsync(ct);
        var labels = await db.Set<ProgrammeVersion>().AsNoTracking()
            .Where(v => v.Id == version.BasedOnVersionId || v.Id == version.EvidenceVersionId).ToDictionaryAsync(v => v.Id, v => v.Label, ct);
        var lineage = new VersionLineage(version.Path, version.UpdateReason, version.Notes, version.BasedOnVersionId,
            version.BasedOnVersionId is { } basedOn ? labels.GetValueOrDefault(basedOn) : null, version.EvidenceRecruitmentId, version.EvidenceVersionId,
            version.EvidenceVersionId is { } tested ? tested == version.Id ? version.Label : labels.GetValueOrDefault(tested) : null,
            version.EvidenceVersionId is { } t && t != version.Id);
        return new VersionContent(version.Id, programme.Id, programme.Title, programme.Summary, version.Label, version.Status,
            [.. SectionTree.WithDepth(sections).Select(x => new ContentSection(x.Section.Anchor, x.Section.ParentId is { } p ? anchors[p] : null, x.Depth,
                x.Section.Kind, x.Section.Title, x.Section.Markdown, x.Section.Html, x.Section.Hours, x.Section.Outcomes, x.Section.DeliveryForms,
                x.Section.TargetRoles, x.Section.Authors, citations.GetValueOrDefault(x.Section.Id) ?? []))],
            [.. acts.OrderBy(a => a.Citation, StringComparer.Ordinal).Select(a => new CitedAct(a.Id, a.Citation, a.Title))],
            check.Summary, check.Findings.Count(f => f.Severity == FindingSeverity.Warning), [.. check.Findings.Where(f => f.Waiver is not null)], lineage,
            [.. assets.OrderBy(a => a.Name, StringComparer.Ordinal).Select(a => a.Facts)]);
    }
}
