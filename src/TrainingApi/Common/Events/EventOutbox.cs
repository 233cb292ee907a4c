using System.Text.Json;
using System.Text.Json.Nodes;
using TrainingApi.Common.Http;
using TrainingApi.Common.Persistence;

namespace TrainingApi.Common.Events;

/// <summary>
/// How a use case publishes an event: it adds the event to the DbContext, so the event commits or rolls back
/// with the change that caused it. No event without its change, no change without its event.
/// </summary>
public sealed class EventOutbox(TrainingDb db, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = CreateJsonOptions();

    public void Publish<T>(T data, Guid? audienceOrganisationId = null) where T : IIntegrationEvent
    {
        var now = clock.UtcNowForDatabase();
        var id = Guid.CreateVersion7(now);
        var envelope = new JsonObject
        {
            ["id"] = id,
            ["type"] = T.EventType,
            ["version"] = T.Version,
            ["timestamp"] = now,
            ["data"] = JsonSerializer.SerializeToNode(data, Json),
        };
        db.Add(new OutboxEvent(T.EventType, T.Version, envelope.ToJsonString(Json), audienceOrganisationId, now, id));
    }

    public static JsonSerializerOptions CreateJsonOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver(),
        };
        JsonSetup.Configure(options);
        options.MakeReadOnly();
        return options;
    }

}
