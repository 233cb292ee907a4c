using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Localization;
using TrainingApi.Common.Persistence;
using TrainingApi.Features.Curriculum.Assets;
using TrainingApi.Features.Curriculum.Sections;

namespace TrainingApi.Features.Curriculum.Accessibility;

/// <summary>
/// Runs the checker over every section of a version at the heading level each will have when rendered, and
/// applies the version's waivers; references to assets are judged against the version's own assets. Cheap enough to run on demand: content past draft is frozen, so the same
/// version always gives the same findings, and waivers keep pointing at the same findings.
/// </summary>
public sealed class VersionAccessibility(TrainingDb db)
{
    public async Task<VersionAccessibilityReport> CheckAsync(Guid versionId, CancellationToken ct)
    {
        var sections = await db.Set<Section>().AsNoTracking().Where(s => s.VersionId == versionId).ToListAsync(ct);
        var waivers = await db.Set<AccessibilityWaiver>().AsNoTracking().Where(w => w.VersionId == versionId)
            .ToDictionaryAsync(w => w.FindingId, ct);
        var assets = (await db.Set<VersionAsset>().AsNoTracking().Where(a => a.VersionId == versionId).ToListAsync(ct))
            .ToDictionary(a => a.Name, a => a.Facts, StringComparer.Ordinal);

        var findings = new List<FindingView>();
        var readability = new List<SectionReadability>();
        foreach (var (section, depth) in SectionTree.WithDepth(sections))
        {
            var check = AccessibilityChecker.Check(section.Anchor, section.Markdown, SectionTree.HeadingLevel(depth), assets: assets);
            findings.AddRange(check.Findings.Select(f => new FindingView(
                f.Id, f.Rule, f.Criterion, f.Severity, f.Anchor, f.Line, f.Column, f.Excerpt, new Text(f.MessageEn, f.MessagePl).ToString(),
                f.MessageEn, f.MessagePl,
                waivers.TryGetValue(f.Id, out var w) ? new WaiverView(w.Reason, w.WaivedBy, w.WaivedAt) : null)));
            if (check.PlainLanguage is { } score)
            {
                readability.Add(new SectionReadability(section.Anchor, score));
            }
        }

        var errors = findings.Count(f => f.Severity == FindingSeverity.Error);
        var blocking = findings.Count(f => f.Severity == FindingSeverity.Error && f.Waiver is null);
        return new VersionAccessibilityReport(versionId,
            new AccessibilitySummary(errors, findings.Count - errors, findings.Count(f => f.Waiver is not null), blocking),
            findings, readability);
    }
}
