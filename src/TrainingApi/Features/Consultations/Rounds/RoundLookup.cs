using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Problems;

namespace TrainingApi.Features.Consultations.Rounds;

public static class RoundLookup
{
    /// <summary>A list under a round that does not exist is a 404, not an empty page.</summary>
    public static async Task EnsureExistsAsync(TrainingDb db, Guid roundId, CancellationToken ct)
    {
        if (!await db.Set<ConsultationRound>().AnyAsync(r => r.Id == roundId, ct))
        {
            throw Problem.NotFound(ConsultationsModule.RoundNoun, roundId);
        }
    }
}
