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
        var options = EventOutbox.CreateJsonOptions();
        var schemas = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var type in catalogue.All)
        {
            var data = JsonSchemaExporter.GetJsonSchemaAsNode(options, type.DataType,
                new JsonSchemaExporterOptions { TreatNullObliviousAsNonNullable = true, TransformSchemaNode = DescribeTimes });
            var schema = new JsonObject
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
                    ["version"] = new JsonObject { ["const"] = type.Version },
                    ["timestamp"] = new JsonObject { ["type"] = "string", ["format"] = "date-time", ["description"] = "When it happened (UTC)." },
                    ["data"] = data,
                },
            };
            schemas[$"{type.Type}.v{type.Version}.schema.json"] = schema.ToJsonString(new System.Text.Json.JsonSerializerOptions
            {
                WriteIndented = true,
                Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            }) + "\n";
        }

        return schemas;
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
