using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace TrainingApi.Common.Persistence;

/// <summary>A row of a versioned entity, by its entity type and key: what <see cref="VersionedRows"/> locks.</summary>
public sealed record VersionedRow(IEntityType Type, object Key)
{
    public static VersionedRow Of(TrainingDb db, IVersioned entity)
    {
        var entry = db.Entry(entity);
        var key = entry.Metadata.FindPrimaryKey()!.Properties.Single();
        return new VersionedRow(entry.Metadata, entry.Property(key.Name).CurrentValue!);
    }
}

/// <summary>
/// Locks rows of versioned entities FOR NO KEY UPDATE (what their UPDATE takes anyway) and reads the xmin they are at once
/// locked. Rows of one type are locked in one statement in key order, and the types in table order, so two writers that lock
/// the same rows take them in the same order and cannot deadlock on them.
/// </summary>
public static class VersionedRows
{
    private static readonly ConcurrentDictionary<IEntityType, string> Sql = new();

    /// <summary>The locked rows' current versions; a row that is gone is missing.</summary>
    public static async Task<Dictionary<VersionedRow, uint>> LockVersionedRowsAsync(this TrainingDb db, IReadOnlyCollection<VersionedRow> rows, CancellationToken ct)
    {
        var versions = new Dictionary<VersionedRow, uint>();
        if (rows.Count == 0)
        {
            return versions;
        }

        var transaction = RowLocks.EnsureTransaction(db);
        foreach (var group in rows.GroupBy(r => r.Type).OrderBy(g => g.Key.GetSchemaQualifiedTableName(), StringComparer.Ordinal))
        {
            var keyType = group.Key.FindPrimaryKey()!.Properties.Single().ClrType;
            var keys = Array.CreateInstance(keyType, group.Count());
            var i = 0;
            foreach (var row in group)
            {
                keys.SetValue(row.Key, i++);
            }

            await using var command = transaction.Connection!.CreateCommand();
            command.CommandText = Sql.GetOrAdd(group.Key, Build);
            command.Transaction = transaction;
            command.Parameters.Add(new NpgsqlParameter("keys", keys));
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                versions[new VersionedRow(group.Key, reader.GetValue(0))] = reader.GetFieldValue<uint>(1);
            }
        }

        return versions;
    }

    private static string Build(IEntityType entity)
    {
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var key = entity.FindPrimaryKey()!.Properties.Single().GetColumnName(table);
        return $"SELECT \"{key}\", xmin FROM \"{table.Schema}\".\"{table.Name}\" WHERE \"{key}\" = ANY(@keys) ORDER BY \"{key}\" FOR NO KEY UPDATE";
    }
}
