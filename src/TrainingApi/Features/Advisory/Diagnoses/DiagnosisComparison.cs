using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Persistence;
using TrainingApi.Features.Advisory.Maturity;

namespace TrainingApi.Features.Advisory.Diagnoses;

public sealed record AreaChange(string Area, string Name, decimal? Initial, decimal? Closing, decimal? Change);

public sealed record DiagnosisComparison(Guid InitialId, Guid ClosingId, IReadOnlyList<AreaChange> Areas, decimal? InitialOverall, decimal? ClosingOverall, decimal? OverallChange)
{
    /// <summary>The latest initial and closing diagnosis of each engagement, where both exist.</summary>
    public static async Task<Dictionary<Guid, DiagnosisComparison>> ForAsync(TrainingDb db, IReadOnlyCollection<Guid> engagementIds, CancellationToken ct)
    {
        var diagnoses = await db.Set<Diagnosis>().AsNoTracking().Where(d => engagementIds.Contains(d.EngagementId)).ToListAsync(ct);
        var result = new Dictionary<Guid, DiagnosisComparison>();
        foreach (var group in diagnoses.GroupBy(d => d.EngagementId))
        {
            var initial = group.Where(d => d.Kind == DiagnosisKind.Initial).MaxBy(d => d.RecordedAt);
            var closing = group.Where(d => d.Kind == DiagnosisKind.Closing).MaxBy(d => d.RecordedAt);
            if (initial is not null && closing is not null)
            {
                result[group.Key] = Compare(initial, closing);
            }
        }

        return result;
    }

    /// <summary>Change per area (closing − initial); no change where either side has no score (all n/a).</summary>
    public static DiagnosisComparison Compare(Diagnosis initial, Diagnosis closing)
    {
        var before = initial.Scores;
        var after = closing.Scores;
        var framework = MaturityFramework.Find(closing.FrameworkVersion) ?? MaturityFramework.Current;
        var areas = framework.Areas.Select(a =>
        {
            var from = before.Areas.FirstOrDefault(x => x.Area == a.Code)?.Score;
            var to = after.Areas.FirstOrDefault(x => x.Area == a.Code)?.Score;
            return new AreaChange(a.Code, a.Name, from, to, from is { } f && to is { } t ? t - f : null);
        }).ToList();
        return new DiagnosisComparison(initial.Id, closing.Id, areas, before.Overall, after.Overall,
            before.Overall is { } o1 && after.Overall is { } o2 ? o2 - o1 : null);
    }
}
