namespace TrainingApi.Features.Curriculum.Versions;

/// <summary>
/// Versions in the order they descend from each other, then by time: a version comes after the one it was made from,
/// even when that one is dated later (a draft superseded after its successor left draft). Among versions free to come
/// next, the earliest first (then by label).
/// </summary>
public static class LineageOrder
{
    /// <param name="items">What to order, each with its version, date and label.</param>
    /// <param name="madeFrom">Every version of the programme and the one it was made from, so an ancestor that is not among
    /// <paramref name="items"/> (hidden, or without the section) still links its descendants to theirs.</param>
    public static List<T> Of<T>(IReadOnlyList<T> items, Func<T, Guid> version, Func<T, DateTimeOffset> at, Func<T, string> label,
        IReadOnlyDictionary<Guid, Guid?> madeFrom)
        where T : class
    {
        var present = items.Select(version).ToHashSet();
        Guid? NearestPresentAncestor(Guid id)
        {
            var seen = new HashSet<Guid> { id };
            for (var up = madeFrom.GetValueOrDefault(id); up is { } next && seen.Add(next); up = madeFrom.GetValueOrDefault(next))
            {
                if (present.Contains(next))
                {
                    return next;
                }
            }

            return null;
        }

        var parent = items.ToDictionary(version, i => NearestPresentAncestor(version(i)));
        var done = new HashSet<Guid>();
        var waiting = items.OrderBy(at).ThenBy(label, StringComparer.Ordinal).ToList();
        var ordered = new List<T>(items.Count);
        while (waiting.Count > 0)
        {
            var next = waiting.FirstOrDefault(i => parent[version(i)] is not { } p || done.Contains(p)) ?? waiting[0];
            waiting.Remove(next);
            done.Add(version(next));
            ordered.Add(next);
        }

        return ordered;
    }
}
