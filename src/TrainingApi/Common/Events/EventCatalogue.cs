namespace TrainingApi.Common.Events;

/// <param name="ForMinistry">The Ministry's subscriptions may receive it (policy of <see cref="Webhooks.WebhookAudience"/>).</param>
public sealed record EventTypeInfo(string Type, int Version, string Description, Type DataType, bool ForMinistry = false);

/// <summary>Every event type the slices publish, registered by each slice with <see cref="EventCatalogueExtensions.AddIntegrationEvent{T}"/>.</summary>
public sealed class EventCatalogue(IEnumerable<EventTypeInfo> types)
{
    public IReadOnlyList<EventTypeInfo> All { get; } = [.. types.OrderBy(t => t.Type, StringComparer.Ordinal)];

    public bool Contains(string type) => All.Any(t => t.Type == type);

    public bool IsForMinistry(string type) => All.Any(t => t.Type == type && t.ForMinistry);
}

public static class EventCatalogueExtensions
{
    /// <param name="forMinistry">The Ministry may subscribe to it (handovers and what supersedes the materials it received).</param>
    public static IServiceCollection AddIntegrationEvent<T>(this IServiceCollection services, bool forMinistry = false) where T : IIntegrationEvent =>
        services.AddSingleton(new EventTypeInfo(T.EventType, T.Version, T.Description, typeof(T), forMinistry));
}
