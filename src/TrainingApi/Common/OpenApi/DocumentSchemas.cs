using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;

namespace TrainingApi.Common.OpenApi;

/// <summary>
/// A JSON document the API publishes outside its operations (e.g. release.json inside a release package), whose JSON
/// Schema is committed under api-spec/ beside the contract. A slice registers it; Common writes and checks it.
/// </summary>
/// <param name="Path">Relative to api-spec/, e.g. "releases/release.v1.schema.json".</param>
/// <param name="Example">An instance for the contract's example where an operation serves the document (<c>ProducesJsonDocument</c>).</param>
public sealed record DocumentSchema(string Path, string Id, string Title, string Description, Type Type, JsonSerializerOptions Options, object? Example = null)
{
    /// <summary>The schema's name among the contract's components: the document's type (<c>ReleaseDocument</c>).</summary>
    public string ComponentId => SchemaIds.For(Type);

    public string Render() =>
        Schema().ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";

    public JsonObject Schema()
    {
        var schema = JsonSchemaExporter.GetJsonSchemaAsNode(Options, Type, new JsonSchemaExporterOptions
        {
            TreatNullObliviousAsNonNullable = true,
            TransformSchemaNode = (context, node) =>
                context.TypeInfo.Type == typeof(DateTimeOffset) ? new JsonObject { ["type"] = "string", ["format"] = "date-time" }
                : context.TypeInfo.Type == typeof(DateTimeOffset?) ? new JsonObject { ["type"] = new JsonArray("string", "null"), ["format"] = "date-time" }
                : node,
        });
        var root = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$id"] = Id,
            ["title"] = Title,
            ["description"] = Description,
        };
        foreach (var (key, value) in schema.AsObject().ToList())
        {
            root[key] = value?.DeepClone();
        }

        return root;
    }
}

public static class DocumentSchemaRegistration
{
    public static IServiceCollection AddDocumentSchema(this IServiceCollection services, DocumentSchema schema) => services.AddSingleton(schema);
}
