using Microsoft.AspNetCore.WebUtilities;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace TrainingApi.Common.OpenApi;

/// <summary>
/// An endpoint that answers a file in some media types besides its JSON: a text file (CSV) with an example of its
/// text, a binary one (XLSX, ZIP) without (its schema says binary). A download (<paramref name="Attachment"/>) is sent with
/// a file name in Content-Disposition; a feed read in place is not.
/// </summary>
/// <param name="Document">A JSON document the API also publishes with a JSON Schema under api-spec/ (release.json): the media type
/// gets that schema, so a client reads it typed.</param>
public sealed record FileResponseMetadata(int StatusCode, string ContentType, string? TextExample, bool Attachment = true, DocumentSchema? Document = null);

public static class FileResponseEndpointExtensions
{
    /// <summary>A binary file media type of a response (described as such, not with the JSON schema), downloaded with a file name.</summary>
    public static RouteHandlerBuilder ProducesFile(this RouteHandlerBuilder builder, int statusCode, string contentType) =>
        builder.WithMetadata(new FileResponseMetadata(statusCode, contentType, null));

    /// <summary>A text file media type of a response, with an example of its text; a download with a file name unless <paramref name="attachment"/> is false.</summary>
    /// <summary>
    /// A JSON document downloaded as a file (release.json), described by the JSON Schema the API publishes for it under api-spec/. Only
    /// on an operation that answers nothing else: NSwag reads every 200 of an operation as its one type, so a typed JSON beside a
    /// binary file leaves its client unable to download the file.
    /// </summary>
    public static RouteHandlerBuilder ProducesJsonDocument(this RouteHandlerBuilder builder, int statusCode, DocumentSchema document) =>
        builder.WithMetadata(new FileResponseMetadata(statusCode, "application/json", null, Document: document));

    public static RouteHandlerBuilder ProducesTextFile(this RouteHandlerBuilder builder, int statusCode, string contentType, string example, bool attachment = true) =>
        builder.WithMetadata(new FileResponseMetadata(statusCode, contentType, example, attachment));
}

/// <summary>
/// Adds the declared file media types to the response: a binary schema and no example, or text with its example, or a published
/// JSON document with its own schema (the one committed under api-spec/, read from the same <see cref="DocumentSchema"/>) and example.
/// </summary>
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
            if (file.Document is { } document)
            {
                concrete.Content[file.ContentType] = DocumentMedia(document, context);
                continue;
            }

            concrete.Content[file.ContentType] = file.TextExample is null
                ? new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" } }
                : new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String }, Example = System.Text.Json.Nodes.JsonValue.Create(file.TextExample) };
        }
    }

    private static OpenApiMediaType DocumentMedia(DocumentSchema document, OperationFilterContext context)
    {
        if (!context.SchemaRepository.Schemas.ContainsKey(document.ComponentId))
        {
            context.SchemaRepository.AddDefinition(document.ComponentId, JsonSchemaComponents.Read(document.Schema(), context.Document, document.Title));
        }

        return new OpenApiMediaType
        {
            Schema = new OpenApiSchemaReference(document.ComponentId, context.Document),
            Example = document.Example is null ? null : System.Text.Json.JsonSerializer.SerializeToNode(document.Example, document.Type, document.Options),
        };
    }
}
