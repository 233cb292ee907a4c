using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;
using TrainingApi.Common.Problems;

namespace TrainingApi.Common.OpenApi;

/// <summary>
/// Puts the endpoints' declared examples into the contract, serialized exactly as the API serializes them,
/// and gives every problem response an example of its problem type.
/// </summary>
public sealed partial class ExamplesOperationFilter(IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json) : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var options = json.Value.SerializerOptions;
        foreach (var example in context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<ExampleMetadata>())
        {
            var node = JsonSerializer.SerializeToNode(example.Value, example.Value.GetType(), options);
            var content = example.StatusCode is null
                ? operation.RequestBody?.Content
                : operation.Responses?.TryGetValue(example.StatusCode.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), out var response) == true
                    ? response.Content
                    : null;
            foreach (var media in content?.Values.OfType<OpenApiMediaType>() ?? [])
            {
                media.Example = node?.DeepClone();
            }
        }

        foreach (var (status, response) in operation.Responses ?? [])
        {
            if (!int.TryParse(status, out var code) || code < 400 || response.Content is null)
            {
                continue;
            }

            foreach (var (mediaType, media) in response.Content)
            {
                if (mediaType.Contains("problem", StringComparison.Ordinal) && media is OpenApiMediaType { Example: null } concrete)
                {
                    concrete.Example = ProblemExample(code, ExamplePath(context.ApiDescription.RelativePath));
                }
            }
        }
    }

    /// <summary>The route as a request path, each parameter filled with an example id (the problem's <c>instance</c>).</summary>
    private static string ExamplePath(string? template) =>
        "/" + RouteParameter().Replace(template ?? "", "01936b30-2000-7000-8000-000000000001");

    [System.Text.RegularExpressions.GeneratedRegex(@"\{[^}]*\}")]
    private static partial System.Text.RegularExpressions.Regex RouteParameter();

    private static JsonNode ProblemExample(int status, string instance)
    {
        var kind = ProblemKind.ForStatus(status);
        var example = new JsonObject
        {
            ["type"] = kind.Type,
            ["title"] = kind.Title.En,
            ["status"] = status,
            ["detail"] = kind == ProblemKind.ValidationFailed
                ? "Correct the fields listed in 'errors' and send the request again."
                : kind.Title.En,
            ["instance"] = instance,
            ["traceId"] = "4bf92f3577b34da6a3ce929d0e0e4736",
            ["code"] = kind.Slug,
        };
        if (kind == ProblemKind.ValidationFailed)
        {
            example["errors"] = new JsonObject { ["title"] = new JsonArray("'title' must not be empty.") };
        }

        return example;
    }
}
