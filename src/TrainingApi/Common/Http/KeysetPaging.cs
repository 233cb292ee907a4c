using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace TrainingApi.Common.Http;

public static class KeysetPaging
{
    /// <summary>
    /// One page in (time, id) order after the cursor: the row comparison, the order, limit+1 and the next cursor
    /// in one place, so every list pages the same way. <paramref name="at"/> and <paramref name="id"/> are the
    /// keyset columns; the query should have an index on them.
    /// </summary>
    public static async Task<Page<TView>> ToKeysetPageAsync<T, TView>(
        this IQueryable<T> source, Expression<Func<T, DateTimeOffset>> at, Expression<Func<T, Guid>> id,
        string? cursor, int limit, Func<T, TView> view, CancellationToken ct)
    {
        var row = at.Parameters[0];
        var idBody = Rebind.Replace(id.Body, id.Parameters[0], row);
        if (KeysetCursor.Decode(cursor) is { } after)
        {
            // x => EF.Functions.GreaterThan((at(x), id(x)), (after.At, after.Id)): a row comparison PostgreSQL serves from the index.
            Expression<Func<DateTimeOffset, Guid, bool>> later = (a, i) =>
                EF.Functions.GreaterThan(ValueTuple.Create(a, i), ValueTuple.Create(after.At, after.Id));
            var body = Rebind.Replace(Rebind.Replace(later.Body, later.Parameters[1], idBody), later.Parameters[0], at.Body);
            source = source.Where(Expression.Lambda<Func<T, bool>>(body, row));
        }

        var keyed = Expression.Lambda<Func<T, Keyed<T>>>(
            Expression.New(typeof(Keyed<T>).GetConstructors()[0], row, at.Body, idBody), row);
        var rows = await source.OrderBy(at).ThenBy(Expression.Lambda<Func<T, Guid>>(idBody, row)).Take(limit + 1).Select(keyed).ToListAsync(ct);
        return KeysetCursor.ToPage(rows, limit, r => new KeysetCursor(r.At, r.Id), r => view(r.Row));
    }

    public sealed record Keyed<T>(T Row, DateTimeOffset At, Guid Id);

    private sealed class Rebind(Expression from, Expression to) : ExpressionVisitor
    {
        public static Expression Replace(Expression body, Expression from, Expression to) => new Rebind(from, to).Visit(body)!;

        public override Expression? Visit(Expression? node) => node == from ? to : base.Visit(node);
    }
}
