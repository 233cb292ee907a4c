using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Persistence;
using TrainingApi.Features.Curriculum.Sections;

namespace TrainingApi.Features.Curriculum.Assets;

/// <summary>Which sections of a version refer to which of its assets (read from the Markdown, so it can never disagree with it).</summary>
public static class AssetUsage
{
    public static async Task<ILookup<string, string>> SectionsByAssetAsync(TrainingDb db, Guid versionId, CancellationToken ct)
    {
        var sections = await db.Set<Section>().AsNoTracking().Where(s => s.VersionId == versionId).ToListAsync(ct);
        return SectionTree.WithDepth(sections)
            .SelectMany(s => AssetReferences.In(s.Section.Markdown).Select(name => (Name: name, s.Section.Anchor)))
            .ToLookup(x => x.Name, x => x.Anchor, StringComparer.Ordinal);
    }
}
