using System.Text.Json.Nodes;
using System.Text.Json.Schema;

namespace TrainingApi.Common.Events;

/// <summary>
/// JSON Schemas of the webhook payloads (envelope with the event's data), written to api-spec/events/ by the
/// `openapi` command and compared with the committed ones by a test, like the OpenAPI contract.
/// </summary>
public static class EventSchemas
{
    public static IReadOnlyDictionary<string, string> Render(EventCatalogue catalogue)
    {
        var schemas = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var type in catalogue.All)
        {
            schemas[$"{type.Type}.v{type.Version}.schema.json"] = For(type).ToJsonString(new System.Text.Json.JsonSerializerOptions
            {
                WriteIndented = true,
                Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            }) + "\n";
        }

        return schemas;
    }

    /// <summary>The JSON Schema of one event's body; the contract's webhooks (Common/OpenApi/WebhooksDocumentFilter) carry the same.</summary>
    public static JsonObject For(EventTypeInfo type)
    {
        var data = JsonSchemaExporter.GetJsonSchemaAsNode(EventOutbox.CreateJsonOptions(), type.DataType,
            new JsonSchemaExporterOptions { TreatNullObliviousAsNonNullable = true, TransformSchemaNode = DescribeTimes });
        return new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$id"] = $"https://trainingapi.ore.edu.pl/events/{type.Type}.v{type.Version}.schema.json",
            ["title"] = type.Type,
            ["description"] = type.Description,
            ["type"] = "object",
            ["required"] = new JsonArray("id", "type", "version", "timestamp", "data"),
            ["additionalProperties"] = false,
            ["properties"] = new JsonObject
            {
                ["id"] = new JsonObject { ["type"] = "string", ["format"] = "uuid", ["description"] = "The event's id; the same in every delivery of it." },
                ["type"] = new JsonObject { ["const"] = type.Type },
                // An integer enum of one rather than `const`: OpenAPI's object model keeps `const` as a string, and the contract's
                // webhooks carry this very schema.
                ["version"] = new JsonObject { ["type"] = "integer", ["enum"] = new JsonArray(type.Version) },
                ["timestamp"] = new JsonObject { ["type"] = "string", ["format"] = "date-time", ["description"] = "When it happened (UTC)." },
                ["data"] = data,
            },
        };
    }

    /// <summary>
    /// Times have a converter of our own (it reads offset-less times as Europe/Warsaw), which the exporter cannot
    /// see into; on the wire they are ISO 8601 strings as always.
    /// </summary>
    private static JsonNode DescribeTimes(JsonSchemaExporterContext context, JsonNode schema) =>
        context.TypeInfo.Type == typeof(DateTimeOffset) ? new JsonObject { ["type"] = "string", ["format"] = "date-time" }
        : context.TypeInfo.Type == typeof(DateTimeOffset?) ? new JsonObject { ["type"] = new JsonArray("string", "null"), ["format"] = "date-time" }
        : schema;
}
