using Npgsql;

namespace TrainingApi.Common.Persistence;

/// <summary>
/// An advisory lock and the reads that must follow it, sent in one round trip: the statements of a batch run one after
/// another in the transaction, and under READ COMMITTED each takes its own snapshot when it starts, so a read after the
/// lock sees everything committed by whoever held the lock before. Hot paths that check "nothing like this yet" under a
/// lock use it instead of a round trip for the lock and one per read.
/// </summary>
public static class LockedReads
{
    /// <summary>
    /// Waits for the lock named by the key (held until the transaction ends), then runs <paramref name="reads"/> in the same
    /// round trip; <paramref name="read"/> gets their results in order, one result set each (advance with NextResultAsync).
    /// </summary>
    public static async Task<T> AfterAdvisoryLockAsync<T>(this TrainingDb db, AdvisoryLockKey key, IReadOnlyList<NpgsqlBatchCommand> reads,
        Func<NpgsqlDataReader, CancellationToken, Task<T>> read, CancellationToken ct)
    {
        var transaction = (NpgsqlTransaction)RowLocks.EnsureTransaction(db);
        await using var batch = new NpgsqlBatch(transaction.Connection, transaction);
        batch.BatchCommands.Add(AdvisoryLocks.Lock(key));
        foreach (var command in reads)
        {
            batch.BatchCommands.Add(command);
        }

        await using var reader = await batch.ExecuteReaderAsync(ct);
        await reader.NextResultAsync(ct);   // past the lock's own (void) row
        return await read(reader, ct);
    }
}
