using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;
using TrainingApi.Common.Problems;

namespace TrainingApi.Common.OpenApi;

/// <summary>An endpoint may answer <paramref name="StatusCode"/> with the typed refusal <paramref name="Shape"/>.</summary>
public sealed record TypedProblemMetadata(int StatusCode, ProblemShape Shape);

public static class TypedProblemEndpointExtensions
{
    /// <summary>The endpoint may refuse with this typed problem at this status (besides the untyped problems of that status).</summary>
    public static RouteHandlerBuilder ProducesTypedProblem(this RouteHandlerBuilder builder, int statusCode, params ProblemShape[] shapes)
    {
        foreach (var shape in shapes)
        {
            builder.WithMetadata(new TypedProblemMetadata(statusCode, shape));
        }

        return builder;
    }
}

/// <summary>
/// Each typed refusal an endpoint declares becomes a schema of its own, <c>{Code}Problem</c> = <c>allOf: [ProblemDetails, {code: const,
/// …its members}]</c>, generated from its members record, and the problem response of that status names it in
/// <see cref="Extension"/> (code → reference to the schema). The response's schema stays <c>ProblemDetails</c>: Kiota drops the error mapping of a
/// status whose schema is a <c>oneOf</c> or <c>anyOf</c> (its refusals would arrive untyped), whereas a discriminator on ProblemDetails
/// (<see cref="TypedProblemsDocumentFilter"/>) makes Kiota and NSwag build the typed problem for its code, and any other problem as a plain ProblemDetails.
/// Registered before <see cref="ExamplesOperationFilter"/>, so a response added here gets its example.
/// </summary>
public sealed class TypedProblemsOperationFilter : IOperationFilter
{
    public const string Extension = "x-typed-problems";

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        foreach (var group in context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<TypedProblemMetadata>().GroupBy(m => m.StatusCode))
        {
            var status = group.Key.ToString(System.Globalization.CultureInfo.InvariantCulture);
            ProblemResponses.Add(operation, context, group.Key, Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(group.Key));
            if (operation.Responses![status] is not OpenApiResponse response)
            {
                continue;
            }

            var typed = new JsonObject();
            foreach (var shape in group.Select(m => m.Shape).DistinctBy(s => s.Code).OrderBy(s => s.Code, StringComparer.Ordinal))
            {
                Register(shape, context.SchemaGenerator, context.SchemaRepository);
                typed[shape.Code] = new JsonObject { ["$ref"] = "#/components/schemas/" + shape.SchemaId };
            }

            response.Extensions ??= new Dictionary<string, IOpenApiExtension>();
            response.Extensions[Extension] = new JsonNodeExtension(typed);
            response.Description = $"{response.Description?.TrimEnd('.')}. Typed by `code`: " +
                                   string.Join(", ", group.Select(m => m.Shape).DistinctBy(s => s.Code).OrderBy(s => s.Code, StringComparer.Ordinal)
                                       .Select(s => $"`{s.Code}` ({s.SchemaId})")) + ".";
        }
    }

    /// <summary>Adds <c>{Code}Problem</c> to the components once: ProblemDetails, the constant code, the members record's properties.</summary>
    public static void Register(ProblemShape shape, ISchemaGenerator generator, SchemaRepository repository)
    {
        if (repository.Schemas.ContainsKey(shape.SchemaId))
        {
            return;
        }

        var problem = generator.GenerateSchema(typeof(Microsoft.AspNetCore.Mvc.ProblemDetails), repository);
        var own = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["code"] = new OpenApiSchema { Type = JsonSchemaType.String, Const = shape.Code, Description = "The refusal, as in the discriminator." },
            },
            Required = new SortedSet<string>(StringComparer.Ordinal) { "code" },
        };
        // Each member as ProblemShape.Refuse writes it (camelCase, in order), with its nullability and its records as components; one
        // class per code for a client, not a problem that wraps a members object. Every member is written, null or not.
        foreach (var property in shape.MembersType.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var name = JsonNamingPolicy.CamelCase.ConvertName(property.Name);
            own.Properties[name] = generator.GenerateSchema(property.PropertyType, repository, memberInfo: property);
            if (shape.MembersAlwaysSent)
            {
                own.Required.Add(name);
            }
        }

        repository.AddDefinition(shape.SchemaId, new OpenApiSchema
        {
            Description = $"The problem with code `{shape.Code}` and its members.",
            AllOf = [problem, own],
        });
    }
}

/// <summary>
/// ProblemDetails names every typed refusal of the document in a discriminator on <c>code</c> (which every problem carries, see
/// ProblemDetailsSetup), so that a generated client builds the typed problem for its code and a plain ProblemDetails for any other
/// (Kiota and NSwag both fall back to the base type for a value the mapping does not name).
/// </summary>
public sealed class TypedProblemsDocumentFilter : IDocumentFilter
{
    public void Apply(OpenApiDocument document, DocumentFilterContext context)
    {
        var shapes = context.ApiDescriptions
            .SelectMany(d => d.ActionDescriptor.EndpointMetadata.OfType<TypedProblemMetadata>())
            .Select(m => m.Shape)
            .DistinctBy(s => s.Code)
            .OrderBy(s => s.Code, StringComparer.Ordinal)
            .ToList();
        if (shapes.Count == 0 || !context.SchemaRepository.Schemas.TryGetValue(nameof(Microsoft.AspNetCore.Mvc.ProblemDetails), out var schema)
            || schema is not OpenApiSchema problem)
        {
            return;
        }

        problem.Discriminator = new OpenApiDiscriminator
        {
            PropertyName = "code",
            Mapping = shapes.ToDictionary(s => s.Code, s => new OpenApiSchemaReference(s.SchemaId, document)),
        };
    }
}
