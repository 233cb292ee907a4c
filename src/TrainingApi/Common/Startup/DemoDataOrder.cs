namespace TrainingApi.Common.Startup;

/// <summary>The loaders in an order where each runs after those it names in <see cref="IDemoData.After"/>, otherwise in registration order.</summary>
public static class DemoDataOrder
{
    public static IReadOnlyList<Type> Of(IEnumerable<IDemoData> loaders)
    {
        var pending = loaders.ToList();
        var known = pending.Select(l => l.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var loader in pending)
        {
            if (loader.After.FirstOrDefault(name => !known.Contains(name)) is { } missing)
            {
                throw new InvalidOperationException($"{loader.GetType().Name} builds on {missing}, which is not registered as demo data.");
            }
        }

        var ordered = new List<IDemoData>(pending.Count);
        while (pending.Count > 0)
        {
            var next = pending.FirstOrDefault(l => l.After.All(name => ordered.Any(o => o.Name == name)))
                       ?? throw new InvalidOperationException(
                           $"Demo data loaders wait for each other in a cycle: {string.Join(", ", pending.Select(l => l.GetType().Name))}.");
            ordered.Add(next);
            pending.Remove(next);
        }

        return [.. ordered.Select(l => l.GetType())];
    }
}
