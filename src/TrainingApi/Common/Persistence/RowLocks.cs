using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace TrainingApi.Common.Persistence;

public enum RowLock
{
    /// <summary>FOR SHARE: others may read-lock too; a FOR UPDATE waits until this transaction ends.</summary>
    Share,

    /// <summary>FOR UPDATE: one writer at a time.</summary>
    Update,
}

/// <summary>
/// Reads one row by its id with a row lock taken in the same statement, for the invariants that need one (a capacity
/// checked then used, a publication no write may follow). Table and key names come from the EF model; `xmin` is
/// selected explicitly because `*` leaves system columns out; the query is not composed further (EF would wrap the
/// locking SELECT in a subquery).
/// </summary>
public static class RowLocks
{
    public static async Task<T?> FindLockedAsync<T>(this TrainingDb db, Guid id, RowLock mode, bool tracked, CancellationToken ct) where T : class
    {
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not an entity of the model.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var key = entity.FindPrimaryKey()!.Properties.Single().GetColumnName(table);
        var sql = $"SELECT *, xmin FROM \"{table.Schema}\".\"{table.Name}\" WHERE \"{key}\" = {{0}} FOR {(mode == RowLock.Share ? "SHARE" : "UPDATE")}";
#pragma warning disable EF1002 // The identifiers come from the EF model, not from input; the id is a parameter.
        var query = db.Set<T>().FromSqlRaw(sql, id);
#pragma warning restore EF1002
        return (await (tracked ? query : query.AsNoTracking()).ToListAsync(ct)).SingleOrDefault();
    }
}
