using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Persistence;
using TrainingApi.Features.Curriculum.Sections;

namespace TrainingApi.Features.Curriculum.Versions;

/// <summary>Hours and outcomes are never typed in as totals: they are summed from the sections each time.</summary>
public sealed class VersionTotalsCalculator(TrainingDb db)
{
    public async Task<VersionTotals> ForAsync(Guid versionId, CancellationToken ct)
    {
        var sections = await db.Set<Section>().AsNoTracking().Where(s => s.VersionId == versionId)
            .Select(s => new { s.Id, s.ParentId, s.Anchor, s.Title, s.Kind, s.Position, s.Hours, s.UpdatedAt, K = s.Knowledge.Count, S = s.Skills.Count, C = s.SocialCompetences.Count })
            .ToListAsync(ct);
        var modules = sections.Where(s => s.Kind == SectionKind.Module).OrderBy(s => s.Position).ThenBy(s => s.Anchor)
            .Select(module =>
            {
                var units = sections.Where(s => s.ParentId == module.Id).ToList();
                return new ModuleTotals(module.Anchor, module.Title,
                    (module.Hours ?? 0) + units.Sum(u => u.Hours ?? 0), units.Count,
                    new OutcomeCounts(module.K + units.Sum(u => u.K), module.S + units.Sum(u => u.S), module.C + units.Sum(u => u.C)));
            })
            .ToList();
        return new VersionTotals(modules.Sum(m => m.Hours), sections.Count, modules)
        {
            LastChange = sections.Count == 0 ? null : sections.Max(s => s.UpdatedAt),
        };
    }
}
