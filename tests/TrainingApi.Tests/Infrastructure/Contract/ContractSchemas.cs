using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace TrainingApi.Tests.Infrastructure.Contract;

/// <summary>
/// Schemas of an OpenAPI 3.1 document as JSON Schema 2020-12, ready to evaluate: OpenAPI 3.1 schemas are JSON Schema, only
/// the references move from <c>#/components/schemas</c> into <c>$defs</c> and OpenAPI's own keywords are left out.
/// </summary>
public sealed class ContractSchemas(JsonNode document)
{
    /// <summary>Formats checked; OpenAPI's own (int32, double, binary …) only describe the storage.</summary>
    private static readonly HashSet<string> CheckedFormats = ["uuid", "date-time", "date", "email", "uri", "uri-reference"];

    private readonly JsonObject definitions = new([.. (document["components"]?["schemas"]?.AsObject() ?? [])
        .Select(schema => KeyValuePair.Create(schema.Key, ToJsonSchema(schema.Value)))]);

    private readonly ConcurrentDictionary<string, JsonSchema> compiled = new();

    /// <summary>
    /// Evaluates <paramref name="instance"/> against an OpenAPI schema of the document (compiled once per <paramref name="key"/>);
    /// the errors, empty when it validates.
    /// </summary>
    public IReadOnlyList<string> Errors(string key, JsonNode schema, JsonElement instance)
    {
        var evaluated = compiled.GetOrAdd(key, _ => JsonSchema.FromText(new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$defs"] = definitions.DeepClone(),
            ["allOf"] = new JsonArray(ToJsonSchema(schema.DeepClone())),
        }.ToJsonString()));
        var results = evaluated.Evaluate(instance, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        return results.IsValid
            ? []
            : [.. (results.Details ?? []).Where(d => d.Errors is not null)
                .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")).Distinct()];
    }

    /// <summary>OpenAPI 3.1 schema → a JSON Schema 2020-12 document's part, references into $defs.</summary>
    public static JsonNode? ToJsonSchema(JsonNode? node)
    {
        switch (node)
        {
            case JsonArray array:
                return new JsonArray([.. array.Select(ToJsonSchema)]);
            case JsonObject schema:
                var converted = new JsonObject();
                foreach (var (key, value) in schema.ToList())
                {
                    switch (key)
                    {
                        case "$ref":
                            converted[key] = value!.GetValue<string>().Replace("#/components/schemas/", "#/$defs/", StringComparison.Ordinal);
                            break;
                        case "example" or "discriminator" or "xml" or "externalDocs":
                            break;
                        case "format" when !CheckedFormats.Contains(value!.GetValue<string>()):
                            break;
                        case "properties" or "$defs" or "patternProperties":
                            converted[key] = new JsonObject([.. value!.AsObject().Select(p => KeyValuePair.Create(p.Key, ToJsonSchema(p.Value)))]);
                            break;
                        case "enum" or "required" or "default" or "const" or "description" or "title" or "pattern" or "type":
                            converted[key] = value?.DeepClone();
                            break;
                        default:
                            converted[key] = value is JsonObject or JsonArray ? ToJsonSchema(value) : value?.DeepClone();
                            break;
                    }
                }

                return converted;
            default:
                return node?.DeepClone();
        }
    }
}
