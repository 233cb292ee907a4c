using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace TrainingApi.Common.Persistence;

/// <summary>
/// A work queue in a table that any number of instances take from at once: <see cref="ClaimAsync{T}"/> reads the first
/// due rows and locks them (FOR UPDATE SKIP LOCKED) in the same statement, so each row is claimed by one transaction, rows
/// another transaction holds count as absent instead of being waited for, and a claim lasts until its transaction ends
/// (a worker that dies releases its rows with its connection). The caller writes the due rows as an ordinary typed query;
/// EF Core has no locking clause, so the query is tagged and <see cref="LockClause"/> appends the clause to the SQL EF
/// generated for it.
/// </summary>
public static class QueueClaims
{
    private const string Tag = "trainingapi:queue-claim";

    /// <summary>Added to every context (<see cref="PersistenceSetup.Configure"/>); it changes only the tagged queries.</summary>
    internal static IInterceptor LockClause { get; } = new LockClauseInterceptor();

    /// <summary>
    /// The first <paramref name="limit"/> rows of <paramref name="due"/> (which orders them) that no other transaction holds,
    /// tracked and locked until the current transaction ends. <paramref name="due"/> reads the rows of one table; it may
    /// filter on others through subqueries (<c>Any</c>), but not join or include them, since their rows would be locked too.
    /// </summary>
    public static async Task<List<T>> ClaimAsync<T>(this TrainingDb db, IOrderedQueryable<T> due, int limit, CancellationToken ct) where T : class
    {
        RowLocks.EnsureTransaction(db);
        return await due.Take(limit).TagWith(Tag).ToListAsync(ct);
    }

    private sealed class LockClauseInterceptor : DbCommandInterceptor
    {
        private static readonly string Marker = "-- " + Tag;

        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
        {
            AppendLockClause(command);
            return result;
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            AppendLockClause(command);
            return ValueTask.FromResult(result);
        }

        // EF writes a query's tags as comment lines before its SELECT, so an untagged command costs one prefix comparison.
        private static void AppendLockClause(DbCommand command)
        {
            if (command.CommandText.StartsWith(Marker, StringComparison.Ordinal))
            {
                command.CommandText += "\nFOR UPDATE SKIP LOCKED";
            }
        }
    }
}
