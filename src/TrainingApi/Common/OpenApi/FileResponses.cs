using Microsoft.AspNetCore.WebUtilities;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace TrainingApi.Common.OpenApi;

/// <summary>
/// An endpoint that answers a file in some media types besides its JSON: a text file (CSV) with an example of its
/// text, a binary one (XLSX, ZIP) without (its schema says binary).
/// </summary>
public sealed record FileResponseMetadata(int StatusCode, string ContentType, string? TextExample);

public static class FileResponseEndpointExtensions
{
    /// <summary>A binary file media type of a response (described as such, not with the JSON schema).</summary>
    public static RouteHandlerBuilder ProducesFile(this RouteHandlerBuilder builder, int statusCode, string contentType) =>
        builder.WithMetadata(new FileResponseMetadata(statusCode, contentType, null));

    /// <summary>A text file media type of a response, with an example of its text.</summary>
    public static RouteHandlerBuilder ProducesTextFile(this RouteHandlerBuilder builder, int statusCode, string contentType, string example) =>
        builder.WithMetadata(new FileResponseMetadata(statusCode, contentType, example));
}

/// <summary>Adds the declared file media types to the response with a binary schema and no JSON example.</summary>
public sealed class FileResponsesOperationFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        foreach (var file in context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<FileResponseMetadata>())
        {
            // An endpoint that returns only files (and a 304) declares no JSON response for the status: the file is the response.
            var status = file.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture);
            operation.Responses ??= [];
            if (!operation.Responses.TryGetValue(status, out var response))
            {
                response = new OpenApiResponse { Description = ReasonPhrases.GetReasonPhrase(file.StatusCode) };
                operation.Responses[status] = response;
            }

            if (response is not OpenApiResponse concrete)
            {
                continue;
            }

            concrete.Content ??= new Dictionary<string, IOpenApiMediaType>();
            concrete.Content[file.ContentType] = file.TextExample is null
                ? new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" } }
                : new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String }, Example = System.Text.Json.Nodes.JsonValue.Create(file.TextExample) };
        }
    }
}
