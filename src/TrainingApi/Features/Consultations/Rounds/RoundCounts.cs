using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Persistence;
using TrainingApi.Features.Consultations.Submissions;

namespace TrainingApi.Features.Consultations.Rounds;

public static class RoundCounts
{
    public static async Task<Dictionary<Guid, int>> CommentsAsync(TrainingDb db, IReadOnlyCollection<Guid> roundIds, CancellationToken ct) =>
        await db.Set<Comment>().AsNoTracking().Where(c => roundIds.Contains(c.RoundId))
            .GroupBy(c => c.RoundId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);
}
