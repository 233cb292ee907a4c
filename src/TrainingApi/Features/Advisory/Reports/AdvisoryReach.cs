using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Persistence;
using TrainingApi.Features.Advisory.Diagnoses;
using TrainingApi.Features.Advisory.Engagements;

namespace TrainingApi.Features.Advisory.Reports;

/// <param name="ClosedAt">When the engagement reached `closed` (its closing diagnosis recorded).</param>
/// <param name="Improved">The overall maturity score of the closing diagnosis is higher than the initial one.</param>
public sealed record ClosedEngagement(string JstTeryt, DateTimeOffset ClosedAt, bool Improved);

/// <summary>
/// Advisory's public read for the indicator report (MaterialsHandover): engagements closed, with whether the JST's
/// digital maturity improved, so no other slice reads advisory tables or recomputes scores.
/// </summary>
public sealed class AdvisoryReach(TrainingDb db)
{
    public async Task<IReadOnlyList<ClosedEngagement>> ClosedAsync(CancellationToken ct)
    {
        var closed = await db.Set<Engagement>().AsNoTracking().Where(e => e.Stage == EngagementStage.Closed)
            .Select(e => new { e.Id, e.JstTeryt, e.StageChangedAt }).ToListAsync(ct);
        var comparisons = await DiagnosisComparison.ForAsync(db, [.. closed.Select(e => e.Id)], ct);
        return [.. closed.Select(e => new ClosedEngagement(e.JstTeryt, e.StageChangedAt,
            comparisons.TryGetValue(e.Id, out var c) && c.OverallChange is > 0))];
    }
}
