using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Persistence;
using TrainingApi.Features.Curriculum.Sections;

namespace TrainingApi.Features.Curriculum.Versions;

/// <summary>A section as other slices see it: its stable anchor, title and kind, in document order, with its maturity-area tags.</summary>
/// <param name="Depth">0 for a top-level section.</param>
/// <param name="TopAnchor">The anchor of the top-level section it is in (its own when it is one).</param>
public sealed record OutlineSection(string Anchor, string Title, SectionKind Kind, int Order, int Depth, string TopAnchor, IReadOnlyList<string> MaturityAreas);

/// <summary>A version as other slices see it (consultations anchor comments to it; releases are built from it).</summary>
public sealed record VersionOutline(Guid Id, Guid ProgrammeId, string ProgrammeTitle, string Label, VersionStatus Status, IReadOnlyList<OutlineSection> Sections)
{
    public OutlineSection? Find(string anchor) => Sections.FirstOrDefault(s => s.Anchor == anchor);
}

/// <summary>
/// The Curriculum slice's public read for other slices (docs/architecture.md: a slice reads another's data only through
/// its public queries), so that they never query curriculum tables themselves.
/// </summary>
public sealed class VersionOutlines(TrainingDb db)
{
    /// <summary>The oldest version in the status, if any (demo data of other slices starts from it).</summary>
    public async Task<Guid?> FirstInStatusAsync(VersionStatus status, CancellationToken ct) =>
        await db.Set<ProgrammeVersion>().AsNoTracking().Where(v => v.Status == status).OrderBy(v => v.CreatedAt)
            .Select(v => (Guid?)v.Id).FirstOrDefaultAsync(ct);

    /// <summary>The versions of a programme in the status, oldest first.</summary>
    public async Task<IReadOnlyList<Guid>> OfProgrammeInStatusAsync(Guid programmeId, VersionStatus status, CancellationToken ct) =>
        await db.Set<ProgrammeVersion>().AsNoTracking().Where(v => v.ProgrammeId == programmeId && v.Status == status).OrderBy(v => v.CreatedAt)
            .Select(v => v.Id).ToListAsync(ct);

    public async Task<VersionOutline?> FindAsync(Guid versionId, CancellationToken ct)
    {
        var version = await db.Set<ProgrammeVersion>().AsNoTracking()
            .Where(v => v.Id == versionId)
            .Join(db.Set<Programme>(), v => v.ProgrammeId, p => p.Id, (v, p) => new { v.Id, v.ProgrammeId, ProgrammeTitle = p.Title, v.Label, v.Status })
            .FirstOrDefaultAsync(ct);
        if (version is null)
        {
            return null;
        }

        // Only the columns the outline needs: comment ingest reads it per batch, and content can be 100 KB a section.
        var sections = await db.Set<Section>().AsNoTracking().Where(s => s.VersionId == versionId)
            .Select(s => new Heading(s.Id, s.ParentId, s.Position, s.Anchor, s.Title, s.Kind, s.MaturityAreas)).ToListAsync(ct);
        var outline = new List<OutlineSection>();
        var top = "";
        foreach (var (section, depth) in SectionTree.WithDepth(sections, s => s.Id, s => s.ParentId, s => s.Position, s => s.Anchor))
        {
            // Document order: a top-level section comes before everything under it.
            top = depth == 0 ? section.Anchor : top;
            outline.Add(new OutlineSection(section.Anchor, section.Title, section.Kind, outline.Count + 1, depth, top, section.MaturityAreas));
        }

        return new VersionOutline(version.Id, version.ProgrammeId, version.ProgrammeTitle, version.Label, version.Status, outline);
    }

    /// <summary>
    /// The frozen part of a version (<see cref="FrozenOutline"/>): read once per instance for a version past draft, from
    /// memory afterwards; a draft is read every time.
    /// </summary>
    public async Task<FrozenOutline?> FindFrozenAsync(Guid versionId, CancellationToken ct) =>
        FrozenOutline.Find(versionId) ?? (await FindAsync(versionId, ct) is { } outline ? FrozenOutline.Keep(outline) : null);

    private sealed record Heading(Guid Id, Guid? ParentId, int Position, string Anchor, string Title, SectionKind Kind, List<string> MaturityAreas);

    /// <summary>Label and programme of a version, without its sections.</summary>
    public async Task<(Guid ProgrammeId, string Label, VersionStatus Status)?> FindHeaderAsync(Guid versionId, CancellationToken ct)
    {
        var header = await db.Set<ProgrammeVersion>().AsNoTracking().Where(v => v.Id == versionId)
            .Select(v => new { v.ProgrammeId, v.Label, v.Status }).FirstOrDefaultAsync(ct);
        return header is null ? null : (header.ProgrammeId, header.Label, header.Status);
    }
}
