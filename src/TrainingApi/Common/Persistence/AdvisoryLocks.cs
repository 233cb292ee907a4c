using Microsoft.EntityFrameworkCore;

namespace TrainingApi.Common.Persistence;

/// <summary>
/// The name of a transaction-scoped advisory lock: a namespace, which the slice that takes the lock declares once, and
/// the id of what it guards. It locks the text `namespace:id`, hashed by PostgreSQL's hashtextextended.
/// </summary>
public readonly record struct AdvisoryLockKey(string Namespace, string Id)
{
    public AdvisoryLockKey(string @namespace, Guid id)
        : this(@namespace, id.ToString())
    {
    }

    /// <summary>A lock on a pair, such as an organisation within a round.</summary>
    public AdvisoryLockKey(string @namespace, Guid first, Guid second)
        : this(@namespace, $"{first}:{second}")
    {
    }

    public override string ToString() => $"{Namespace}:{Id}";
}

/// <summary>
/// Advisory locks for what has no row to lock yet (the first of something, a check across rows); held until the
/// transaction ends.
/// </summary>
public static class AdvisoryLocks
{
    /// <summary>Waits for the lock named by the key and holds it until the transaction ends.</summary>
    public static async Task AdvisoryLockAsync(this TrainingDb db, AdvisoryLockKey key, CancellationToken ct)
    {
        RowLocks.EnsureTransaction(db);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended({key.ToString()}, 0))", ct);
    }

    /// <summary>Takes the lock if nobody holds it, holding it until the transaction ends; false when it is taken.</summary>
    public static async Task<bool> TryAdvisoryLockAsync(this TrainingDb db, AdvisoryLockKey key, CancellationToken ct)
    {
        RowLocks.EnsureTransaction(db);
        return await db.Database.SqlQuery<bool>($"SELECT pg_try_advisory_xact_lock(hashtextextended({key.ToString()}, 0)) AS \"Value\"").SingleAsync(ct);
    }
}
