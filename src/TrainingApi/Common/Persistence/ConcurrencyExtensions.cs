using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Problems;

namespace TrainingApi.Common.Persistence;

public static class ConcurrencyExtensions
{
    /// <summary>
    /// Refuses the change with 412 when the entity is no longer at the version the client read, and
    /// makes the UPDATE itself conditional on that version, so a concurrent writer between this check
    /// and the save also ends in 412 (via <see cref="DbUpdateConcurrencyException"/>).
    /// </summary>
    public static void ExpectVersion<T>(this DbContext db, T entity, uint? expected) where T : class, IVersioned
    {
        if (expected is null)
        {
            return; // If-Match: * — any current version will do.
        }

        if (entity.Version != expected)
        {
            throw Problem.PreconditionFailed();
        }

        db.Entry(entity).Property(e => e.Version).OriginalValue = expected.Value;
    }
}
