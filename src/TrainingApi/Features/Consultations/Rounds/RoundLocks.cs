using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Problems;

namespace TrainingApi.Features.Consultations.Rounds;

/// <summary>
/// Publishing the report locks its round FOR UPDATE; writes that must not land after publication (submissions,
/// dispositions) read the round FOR SHARE. Either the write commits first, and publication counts it, or it waits
/// and then sees the round published and refuses. (xmin is a system column: `*` does not include it.)
/// </summary>
public static class RoundLocks
{
    // Not composed further (no FirstOrDefault in SQL): EF would wrap the locking query in a subquery.
    public static async Task<ConsultationRound> ForShareAsync(TrainingDb db, Guid roundId, CancellationToken ct) =>
        (await db.Set<ConsultationRound>().FromSqlInterpolated($"SELECT *, xmin FROM consultations.rounds WHERE id = {roundId} FOR SHARE")
            .AsNoTracking().ToListAsync(ct)).SingleOrDefault()
        ?? throw Problem.NotFound(ConsultationsModule.RoundNoun, roundId);

    public static async Task<ConsultationRound> ForUpdateAsync(TrainingDb db, Guid roundId, CancellationToken ct) =>
        (await db.Set<ConsultationRound>().FromSqlInterpolated($"SELECT *, xmin FROM consultations.rounds WHERE id = {roundId} FOR UPDATE")
            .ToListAsync(ct)).SingleOrDefault()
        ?? throw Problem.NotFound(ConsultationsModule.RoundNoun, roundId);
}
