using Microsoft.AspNetCore.Mvc;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;
using TrainingApi.Common.Problems;

namespace TrainingApi.Common.OpenApi;

/// <summary>
/// Describes the RFC 9457 problem as <see cref="ProblemDetailsSetup"/> and <see cref="ProblemExceptionHandler"/> write it,
/// instead of the framework's all-nullable <see cref="ProblemDetails"/>: every problem goes through the problem details
/// service, which fills type, title, status, instance, code and traceId; detail and the validation errors map are there when
/// they apply, and the typed refusals add further members (their own schemas, see <see cref="TypedProblemsOperationFilter"/>).
/// </summary>
public sealed class ProblemSchemaFilter : ISchemaFilter
{
    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is not OpenApiSchema concrete || context.MemberInfo is not null || context.ParameterInfo is not null
            || !typeof(ProblemDetails).IsAssignableFrom(context.Type))
        {
            return;
        }

        concrete.Description = "An RFC 9457 problem. Switch on `type` or `code`, never on the text.";
        concrete.Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["type"] = String($"The kind of problem, a stable URI under {ProblemKind.BaseUri}.", "uri"),
            ["title"] = String("A short summary of the kind, in the language asked for (English or Polish)."),
            ["status"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Integer,
                Format = "int32",
                Minimum = "400",
                Maximum = "599",
                Description = "The HTTP status code.",
            },
            ["detail"] = String("What went wrong in this occurrence, in the language asked for."),
            ["instance"] = String("The path of the request.", "uri-reference"),
            ["traceId"] = String("The trace id of the request in the logs: quote it when reporting a problem."),
            ["code"] = String("A stable code: the specific refusal (`round-not-open`), or where there is none the kind (the last segment of `type`). " +
                              "The typed problems are discriminated by it."),
            ["errors"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Description = "For invalid fields or an unreadable body: messages by field (camelCase path, `$` for the whole body).",
                AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
            },
            ["parameter"] = String("For a query, route or header value that could not be read (`malformed-request`): its name as the client sent it, " +
                                   "e.g. `limit`. Absent otherwise."),
        };
        concrete.Required = new SortedSet<string>(StringComparer.Ordinal) { "code", "instance", "status", "title", "traceId", "type" };
        concrete.AdditionalPropertiesAllowed = true;
        concrete.AdditionalProperties = null;
    }

    private static OpenApiSchema String(string description, string? format = null) =>
        new() { Type = JsonSchemaType.String, Format = format, Description = description };
}
