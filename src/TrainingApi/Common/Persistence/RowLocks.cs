using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace TrainingApi.Common.Persistence;

/// <summary>How strongly a row is locked, weakest first.</summary>
public enum RowLock
{
    /// <summary>FOR SHARE: others may read-lock too; a FOR UPDATE waits until this transaction ends.</summary>
    Share,

    /// <summary>
    /// FOR NO KEY UPDATE: one writer at a time, without waiting for the FOR KEY SHARE locks that inserts of rows
    /// referencing this one (their foreign key) hold.
    /// </summary>
    NoKeyUpdate,

    /// <summary>FOR UPDATE: one writer at a time.</summary>
    Update,
}

/// <summary>What a row lock does when another transaction holds a conflicting one.</summary>
public enum RowLockWait
{
    /// <summary>Waits until the other transaction ends.</summary>
    Wait,

    /// <summary>SKIP LOCKED: the row counts as absent.</summary>
    SkipLocked,

    /// <summary>NOWAIT: the statement fails at once (PostgreSQL 55P03, lock_not_available).</summary>
    NoWait,
}

/// <summary>
/// Row locks by entity type, for the invariants that need one (a capacity checked then used, a publication no write
/// may follow). <see cref="FindLockedAsync{T}(TrainingDb, Guid, RowLock, bool, CancellationToken)"/> reads the row in
/// the statement that locks it; <see cref="LockRowAsync{T}(TrainingDb, Guid, RowLock, CancellationToken)"/> only locks
/// it, for when the row itself is not needed, through plain ADO.NET on the context's connection (it runs on hot
/// paths). Table and key names come from the EF model; the SQL is built once per entity type, lock and wait, and kept.
/// A row lock lasts until its transaction ends, so both need one.
/// </summary>
public static class RowLocks
{
    public static Task<T?> FindLockedAsync<T>(this TrainingDb db, Guid id, RowLock strength, bool tracked, CancellationToken ct) where T : class =>
        db.FindLockedAsync<T>(id, strength, RowLockWait.Wait, tracked, ct);

    /// <summary>The row, locked; null when there is none (or, with <see cref="RowLockWait.SkipLocked"/>, when another transaction holds it).</summary>
    public static async Task<T?> FindLockedAsync<T>(this TrainingDb db, Guid id, RowLock strength, RowLockWait wait, bool tracked, CancellationToken ct)
        where T : class
    {
        EnsureTransaction(db);
#pragma warning disable EF1002 // The identifiers come from the EF model, not from input; the id is a parameter.
        var query = db.Set<T>().FromSqlRaw(LockSql<T>.For(db, strength, wait).Find, id);
#pragma warning restore EF1002
        return (await (tracked ? query : query.AsNoTracking()).ToListAsync(ct)).SingleOrDefault();
    }

    public static Task<bool> LockRowAsync<T>(this TrainingDb db, Guid id, RowLock strength, CancellationToken ct) where T : class =>
        db.LockRowAsync<T>(id, strength, RowLockWait.Wait, ct);

    /// <summary>Locks the row without reading it; false when there is none (or, with <see cref="RowLockWait.SkipLocked"/>, when another transaction holds it).</summary>
    public static async Task<bool> LockRowAsync<T>(this TrainingDb db, Guid id, RowLock strength, RowLockWait wait, CancellationToken ct) where T : class
    {
        var transaction = EnsureTransaction(db);
        await using var command = transaction.Connection!.CreateCommand();
        command.CommandText = LockSql<T>.For(db, strength, wait).Lock;
        command.Transaction = transaction;
        command.Parameters.Add(new NpgsqlParameter<Guid>("id", id));
        return await command.ExecuteScalarAsync(ct) is not null;
    }

    internal static DbTransaction EnsureTransaction(TrainingDb db) =>
        db.Database.CurrentTransaction?.GetDbTransaction()
        ?? throw new InvalidOperationException("A lock lasts until its transaction ends; take it inside one.");

    /// <summary>The statements for one entity type, by lock and wait, built from the model on first use.</summary>
    private static class LockSql<T> where T : class
    {
        private static readonly int WaitCount = Enum.GetValues<RowLockWait>().Length;
        private static Statements[]? statements;

        public static Statements For(TrainingDb db, RowLock strength, RowLockWait wait) =>
            (statements ??= Build(db.Model))[Index(strength, wait)];

        private static int Index(RowLock strength, RowLockWait wait) => (int)strength * WaitCount + (int)wait;

        private static Statements[] Build(IModel model)
        {
            var entity = model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not an entity of the model.");
            var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
            var key = entity.FindPrimaryKey()!.Properties.Single().GetColumnName(table);
            var from = $"FROM \"{table.Schema}\".\"{table.Name}\" WHERE \"{key}\" = ";
            var built = new Statements[Enum.GetValues<RowLock>().Length * WaitCount];
            foreach (var strength in Enum.GetValues<RowLock>())
            {
                foreach (var wait in Enum.GetValues<RowLockWait>())
                {
                    // `xmin` is selected explicitly because `*` leaves system columns out; the query is not composed
                    // further (EF would wrap the locking SELECT in a subquery).
                    var clause = Clause(strength, wait);
                    built[Index(strength, wait)] = new Statements($"SELECT *, xmin {from}{{0}} {clause}", $"SELECT 1 {from}@id {clause}");
                }
            }

            return built;
        }

        private static string Clause(RowLock strength, RowLockWait wait) =>
            (strength switch
            {
                RowLock.Share => "FOR SHARE",
                RowLock.NoKeyUpdate => "FOR NO KEY UPDATE",
                _ => "FOR UPDATE",
            }) + wait switch
            {
                RowLockWait.SkipLocked => " SKIP LOCKED",
                RowLockWait.NoWait => " NOWAIT",
                _ => "",
            };
    }

    private sealed record Statements(string Find, string Lock);
}
