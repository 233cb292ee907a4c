namespace TrainingApi.Common.Events;

public sealed record EventTypeInfo(string Type, int Version, string Description, Type DataType);

/// <summary>Every event type the slices publish, registered by each slice with <see cref="EventCatalogueExtensions.AddIntegrationEvent{T}"/>.</summary>
public sealed class EventCatalogue(IEnumerable<EventTypeInfo> types)
{
    public IReadOnlyList<EventTypeInfo> All { get; } = [.. types.OrderBy(t => t.Type, StringComparer.Ordinal)];

    public bool Contains(string type) => All.Any(t => t.Type == type);
}

public static class EventCatalogueExtensions
{
    public static IServiceCollection AddIntegrationEvent<T>(this IServiceCollection services) where T : IIntegrationEvent =>
        services.AddSingleton(new EventTypeInfo(T.EventType, T.Version, T.Description, typeof(T)));
}
