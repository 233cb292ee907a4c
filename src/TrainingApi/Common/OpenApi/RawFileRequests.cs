using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace TrainingApi.Common.OpenApi;

/// <summary>An endpoint whose request body is a file itself, of any media type (the server recognises it from the bytes).</summary>
public sealed record RawFileRequestMetadata;

public static class RawFileRequestEndpointExtensions
{
    public static RouteHandlerBuilder AcceptsRawFile(this RouteHandlerBuilder builder) => builder.WithMetadata(new RawFileRequestMetadata());
}

/// <summary>
/// Declares the body as <c>application/octet-stream</c>, a required binary string: generated clients then send a stream or byte
/// array as it is, which is what the server reads (whatever Content-Type actually comes with it).
/// </summary>
public sealed class RawFileRequestOperationFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (!context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<RawFileRequestMetadata>().Any())
        {
            return;
        }

        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Description = "The file's bytes. Content-Type is not read: the type is recognised from the bytes.",
            Content = new Dictionary<string, IOpenApiMediaType>
            {
                ["application/octet-stream"] = new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" } },
            },
        };
    }
}
