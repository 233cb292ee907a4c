using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;
using TrainingApi.Common.Http;

namespace TrainingApi.Common.OpenApi;

/// <summary>A query or route parameter bound as a string and read with <see cref="QueryEnum"/>: its allowed values.</summary>
public sealed record EnumParameterMetadata(string Name, IReadOnlyList<string> Values);

public static class EnumParameterEndpointExtensions
{
    /// <summary>
    /// Says in the contract which kebab-case values <paramref name="name"/> takes (the same names <see cref="QueryEnum"/>
    /// accepts and JSON writes), so generated clients get an enum rather than any string.
    /// </summary>
    public static RouteHandlerBuilder TakesEnum<T>(this RouteHandlerBuilder builder, string name) where T : struct, Enum =>
        builder.WithMetadata(new EnumParameterMetadata(name, [.. Enum.GetValues<T>().Select(QueryEnum.Name)]));
}

/// <summary>Writes the allowed values of enum-valued string parameters (lists too) into their schemas.</summary>
public sealed class EnumParametersOperationFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        foreach (var metadata in context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<EnumParameterMetadata>())
        {
            if (operation.Parameters?.FirstOrDefault(p => p.Name == metadata.Name) is not OpenApiParameter { Schema: OpenApiSchema schema })
            {
                throw new InvalidOperationException($"{operation.OperationId} declares enum values for '{metadata.Name}', which it does not take.");
            }

            var target = schema.Items as OpenApiSchema ?? schema;
            target.Enum = [.. metadata.Values.Select(v => (JsonNode)JsonValue.Create(v))];
        }
    }
}
