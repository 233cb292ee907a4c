using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace TrainingApi.Common.OpenApi;

/// <summary>
/// A JSON Schema (2020-12) the API also publishes as a file under api-spec/ (an event body, release.json), read as an OpenAPI 3.1
/// component, so that the contract carries the very schema of the file rather than a second description of the same type.
/// </summary>
public static class JsonSchemaComponents
{
    /// <summary>The schema as a component; its <c>$schema</c> and <c>$id</c> belong to the file only.</summary>
    public static OpenApiSchema Read(JsonObject schema, OpenApiDocument document, string name)
    {
        var copy = schema.DeepClone().AsObject();
        copy.Remove("$schema");
        copy.Remove("$id");
        return OpenApiModelFactory.Parse<OpenApiSchema>(copy.ToJsonString(), OpenApiSpecVersion.OpenApi3_1, document, out _, "json")
               ?? throw new InvalidOperationException($"The JSON Schema of {name} could not be read.");
    }
}
