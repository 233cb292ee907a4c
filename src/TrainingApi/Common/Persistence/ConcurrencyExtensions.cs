using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Problems;

namespace TrainingApi.Common.Persistence;

public static class ConcurrencyExtensions
{
    /// <summary>
    /// The version check of a change to <paramref name="entity"/>, which the handler has just loaded.
    /// <para>With a version (an ETag in If-Match): 412 when the entity is no longer at it, and the UPDATE itself is made
    /// conditional on it, so a concurrent writer between this check and the save also ends in 412 (via
    /// <see cref="DbUpdateConcurrencyException"/>).</para>
    /// <para>With none (<c>If-Match: *</c>, any current version): EF still makes the UPDATE conditional on the xmin it loaded,
    /// so a concurrent writer would turn it into a 412 nobody asked for. The row is locked instead, until the transaction
    /// ends, and the change goes on only over what the handler read; if someone wrote in between, the use case runs again
    /// with the row locked before anything is read (<see cref="ChangedBeforeLockException"/>), so it lands, last writer wins.</para>
    /// </summary>
    public static Task ExpectVersionAsync<T>(this TrainingDb db, T entity, uint? expected, CancellationToken ct) where T : class, IVersioned =>
        db.ExpectVersionsAsync([entity], [expected], ct);

    /// <summary>As <see cref="ExpectVersionAsync{T}"/> for many entities, each with its own expected version (null for any).</summary>
    public static async Task ExpectVersionsAsync<T>(this TrainingDb db, IReadOnlyList<T> entities, IReadOnlyList<uint?> expected, CancellationToken ct)
        where T : class, IVersioned
    {
        var any = new List<T>();
        for (var i = 0; i < entities.Count; i++)
        {
            if (expected[i] is not { } version)
            {
                any.Add(entities[i]);
                continue;
            }

            if (entities[i].Version != version)
            {
                throw Problem.PreconditionFailed();
            }

            db.Entry(entities[i]).Property(e => e.Version).OriginalValue = version;
        }

        if (any.Count == 0)
        {
            return;
        }

        var rows = any.Select(e => VersionedRow.Of(db, e)).ToList();
        var current = await db.LockVersionedRowsAsync(rows, ct);
        if (rows.Zip(any).Any(x => !current.TryGetValue(x.First, out var version) || version != x.Second.Version))
        {
            throw new ChangedBeforeLockException(rows);
        }
    }
}

/// <summary>
/// A row changed between the handler's read and its lock under <c>If-Match: *</c>. The use-case runner runs the use case again
/// from a clean change tracker, locking these rows first. Where the runner cannot (inside a transaction it did not open), it
/// ends as any lost race does: 412, since this is a <see cref="DbUpdateConcurrencyException"/>.
/// </summary>
public sealed class ChangedBeforeLockException(IReadOnlyList<VersionedRow> rows)
    : DbUpdateConcurrencyException("A row changed between its read and its lock; run the use case again with it locked first.")
{
    public IReadOnlyList<VersionedRow> Rows { get; } = rows;
}
