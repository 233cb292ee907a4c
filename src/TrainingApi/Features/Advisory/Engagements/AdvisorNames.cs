using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Persistence;
using TrainingApi.Features.Advisory.Advisors;

namespace TrainingApi.Features.Advisory.Engagements;

public static class AdvisorNames
{
    public static async Task<Dictionary<Guid, string>> OfAsync(TrainingDb db, IEnumerable<Guid> advisorIds, CancellationToken ct)
    {
        var ids = advisorIds.Distinct().ToList();
        return await db.Set<Advisor>().AsNoTracking().Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, ct);
    }

    public static async Task<EngagementView> ViewAsync(TrainingDb db, Engagement engagement, CancellationToken ct) =>
        EngagementView.From(engagement, (await OfAsync(db, [engagement.AdvisorId], ct)).GetValueOrDefault(engagement.AdvisorId, ""));
}
