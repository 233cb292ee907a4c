using TrainingApi.Common.Persistence;
using TrainingApi.Common.Problems;

namespace TrainingApi.Features.Consultations.Rounds;

/// <summary>
/// Publishing the report locks its round FOR UPDATE; writes that must not land after publication (submissions,
/// dispositions) read the round FOR SHARE. Either the write commits first, and publication counts it, or it waits
/// and then sees the round published and refuses.
/// </summary>
public static class RoundLocks
{
    public static async Task<ConsultationRound> ForShareAsync(TrainingDb db, Guid roundId, CancellationToken ct) =>
        await db.FindLockedAsync<ConsultationRound>(roundId, RowLock.Share, tracked: false, ct) ?? throw Problem.NotFound(ConsultationsModule.RoundNoun, roundId);

    public static async Task<ConsultationRound> ForUpdateAsync(TrainingDb db, Guid roundId, CancellationToken ct) =>
        await db.FindLockedAsync<ConsultationRound>(roundId, RowLock.Update, tracked: true, ct) ?? throw Problem.NotFound(ConsultationsModule.RoundNoun, roundId);
}
