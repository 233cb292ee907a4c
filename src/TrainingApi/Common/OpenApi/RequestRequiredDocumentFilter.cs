using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace TrainingApi.Common.OpenApi;

/// <summary>
/// A schema read from a request body (directly or nested) requires what a request must carry, as
/// <see cref="NullabilitySchemaFilter"/> and <see cref="ValidationRulesSchemaFilter"/> found it; a schema only ever
/// answered requires every member the server writes. A schema used both ways gets the request's list, which is the
/// one a client must not be told more than.
/// </summary>
public sealed class RequestRequiredDocumentFilter : IDocumentFilter
{
    public void Apply(OpenApiDocument swaggerDoc, DocumentFilterContext context)
    {
        var schemas = swaggerDoc.Components?.Schemas;
        if (schemas is null)
        {
            return;
        }

        var read = new HashSet<string>(StringComparer.Ordinal);
        var bodies = (swaggerDoc.Paths?.Values ?? Enumerable.Empty<IOpenApiPathItem>())
            .SelectMany(path => path.Operations?.Values ?? Enumerable.Empty<OpenApiOperation>())
            .SelectMany(operation => operation.RequestBody?.Content?.Values ?? [])
            .Select(media => media.Schema);
        foreach (var body in bodies)
        {
            Visit(body, schemas, read);
        }

        foreach (var (id, schema) in schemas)
        {
            if (schema is not OpenApiSchema concrete || concrete.Extensions?.Remove(NullabilitySchemaFilter.RequestRequiredExtension, out var extension) != true)
            {
                continue;
            }

            if (read.Contains(id) && extension is JsonNodeExtension { Node: JsonArray names })
            {
                concrete.Required = new SortedSet<string>(names.Select(n => n!.GetValue<string>()), StringComparer.Ordinal);
            }

            if (concrete.Extensions.Count == 0)
            {
                concrete.Extensions = null;
            }
        }
    }

    private static void Visit(IOpenApiSchema? schema, IDictionary<string, IOpenApiSchema> schemas, HashSet<string> seen)
    {
        switch (schema)
        {
            case null:
                return;
            case OpenApiSchemaReference reference:
                if (reference.Reference.Id is { } id && seen.Add(id) && schemas.TryGetValue(id, out var target))
                {
                    Visit(target, schemas, seen);
                }

                return;
            default:
                foreach (var nested in (schema.Properties?.Values ?? []).Concat(schema.AllOf ?? []).Concat(schema.AnyOf ?? []).Concat(schema.OneOf ?? [])
                             .Append(schema.Items).Append(schema.AdditionalProperties))
                {
                    Visit(nested, schemas, seen);
                }

                return;
        }
    }
}
