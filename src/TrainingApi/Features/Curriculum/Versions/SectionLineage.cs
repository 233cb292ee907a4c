using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Persistence;
using TrainingApi.Features.Curriculum.LegalActs;
using TrainingApi.Features.Curriculum.Sections;

namespace TrainingApi.Features.Curriculum.Versions;

/// <param name="At">When this text became final: the version left draft for review, or for a draft (also one superseded as a draft) its last edit.</param>
/// <param name="ModuleAnchor">The module the section belongs to (itself for a module), whose pilot evaluation applies to it.</param>
public sealed record AnchorText(
    Guid VersionId, string Label, VersionStatus Status, DateTimeOffset At, SectionKind Kind, string Title, string Markdown, string? ModuleAnchor,
    IReadOnlyList<CitedAct> Acts);

public sealed record ActAmendment(Guid LegalActId, string Citation, string? AmendingCitation, DateOnly AmendedOn, string? Note, DateTimeOffset RecordedAt);

/// <summary>
/// One anchor of a programme through its versions — each after the one it was made from, then oldest first — with the
/// amendments of the acts it cites.
/// </summary>
public sealed record AnchorLineage(Guid ProgrammeId, string ProgrammeTitle, string Anchor, IReadOnlyList<AnchorText> Versions, IReadOnlyList<ActAmendment> Amendments);

/// <summary>The Curriculum slice's public read of a section's life for the section history (MaterialsHandover).</summary>
public sealed class SectionLineage(TrainingDb db)
{
    /// <param name="includeUnpublished">Drafts and versions in review too (the team, authors and advisors); otherwise only versions that were
    /// published (<see cref="VersionPublication"/>).</param>
    public async Task<AnchorLineage?> FindAsync(Guid programmeId, string anchor, bool includeUnpublished, CancellationToken ct)
    {
        var programme = await db.Set<Programme>().AsNoTracking().Where(p => p.Id == programmeId).Select(p => new { p.Id, p.Title }).FirstOrDefaultAsync(ct);
        if (programme is null)
        {
            return null;
        }

        var visible = db.Set<ProgrammeVersion>().AsNoTracking();
        if (!includeUnpublished)
        {
            visible = visible.Where(VersionPublication.WasPublished(db.Set<VersionTransition>()));
        }

        var versions = await visible
            .Where(v => v.ProgrammeId == programmeId)
            .Where(v => db.Set<Section>().Any(s => s.VersionId == v.Id && s.Anchor == anchor))
            .Select(v => new
            {
                v.Id, v.Label, v.Status, v.CreatedAt,
                // A draft superseded without going on was final at its last edit, not when it was set aside.
                FrozenAt = db.Set<VersionTransition>().Where(t => t.VersionId == v.Id && t.From == VersionStatus.Draft && t.To != VersionStatus.Superseded)
                    .Min(t => (DateTimeOffset?)t.At),
            })
            .ToListAsync(ct);
        var madeFrom = await db.Set<ProgrammeVersion>().AsNoTracking().Where(v => v.ProgrammeId == programmeId)
            .ToDictionaryAsync(v => v.Id, v => v.BasedOnVersionId, ct);
        var ids = versions.Select(v => v.Id).ToList();
        var sections = await db.Set<Section>().AsNoTracking().Where(s => ids.Contains(s.VersionId))
            .Select(s => new { s.Id, s.VersionId, s.Anchor, s.ParentId, s.Kind, s.Title, s.Markdown, s.UpdatedAt }).ToListAsync(ct);
        var byId = sections.ToDictionary(s => s.Id);
        var targets = sections.Where(s => s.Anchor == anchor).ToList();
        var targetIds = targets.Select(t => t.Id).ToList();
        var acts = await db.Set<SectionCitation>().AsNoTracking().Where(c => targetIds.Contains(c.SectionId))
            .Join(db.Set<LegalAct>(), c => c.LegalActId, a => a.Id, (c, a) => new { c.SectionId, a.Id, a.Citation, a.Title }).ToListAsync(ct);

        string? ModuleOf(Guid sectionId)
        {
            for (var s = byId[sectionId]; ; s = byId[s.ParentId!.Value])
            {
                if (s.Kind == SectionKind.Module)
                {
                    return s.Anchor;
                }

                if (s.ParentId is null)
                {
                    return null;
                }
            }
        }

        var texts = targets.Join(versions, s => s.VersionId, v => v.Id, (s, v) => new AnchorText(v.Id, v.Label, v.Status, v.FrozenAt ?? s.UpdatedAt, s.Kind,
                s.Title, s.Markdown, ModuleOf(s.Id),
                [.. acts.Where(a => a.SectionId == s.Id).OrderBy(a => a.Citation, StringComparer.Ordinal).Select(a => new CitedAct(a.Id, a.Citation, a.Title))]))
            .ToList();
        texts = LineageOrder.Of(texts, t => t.VersionId, t => t.At, t => t.Label, madeFrom);
        var actIds = acts.Select(a => a.Id).Distinct().ToList();
        var amendments = (await db.Set<LegalActAmendment>().AsNoTracking().Where(m => actIds.Contains(m.LegalActId))
            .Join(db.Set<LegalAct>(), m => m.LegalActId, a => a.Id, (m, a) => new ActAmendment(a.Id, a.Citation, m.AmendingCitation, m.AmendedOn, m.Note, m.RecordedAt))
            .ToListAsync(ct)).OrderBy(m => m.RecordedAt).ToList();
        return new AnchorLineage(programme.Id, programme.Title, anchor, texts, amendments);
    }
}
