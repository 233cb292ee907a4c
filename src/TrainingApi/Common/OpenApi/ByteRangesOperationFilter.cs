using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace TrainingApi.Common.OpenApi;

/// <summary>
/// A download (a route mapped with <c>Downloads.GetAndHead</c>) sends <c>Accept-Ranges: bytes</c> and answers a satisfiable
/// <c>Range</c> with 206 and <c>Content-Range</c>, an unsatisfiable one with 416 (RFC 9110 §14): declared here from the route's
/// methods, so every download says it and no other operation does.
/// </summary>
public sealed class ByteRangesOperationFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var metadata = context.ApiDescription.ActionDescriptor.EndpointMetadata;
        var methods = metadata.OfType<IHttpMethodMetadata>().SelectMany(m => m.HttpMethods).ToHashSet();
        // Only the file forms are sent with ranges; a JSON answer of the same operation is not.
        var declared = metadata.OfType<FileResponseMetadata>().Where(f => f.StatusCode == StatusCodes.Status200OK).ToList();
        var files = declared.Select(f => f.ContentType).Distinct().ToList();
        if (!methods.Contains(HttpMethods.Head) || files.Count == 0 || operation.Responses?.TryGetValue("200", out var ok) != true || ok is not OpenApiResponse whole)
        {
            return;
        }

        // Range and If-Range are not declared as parameters: a generated client would grow two arguments on every download
        // method (a breaking change for NSwag's callers) for what most clients never send; the 206 and 416 say how it works.
        operation.Responses["206"] = new OpenApiResponse
        {
            Description = "Partial Content: the one byte range asked for with `Range: bytes=first-last` (and, with `If-Range`, only while the " +
                          "ETag or date named is still current; else the whole file, 200).",
            Content = files.ToDictionary(type => type, _ => (IOpenApiMediaType)new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" } }),
            Headers = new Dictionary<string, IOpenApiHeader>
            {
                ["Content-Range"] = new OpenApiHeader { Required = true, Description = "Which bytes of how many (`bytes 0-1023/60692`).", Schema = new OpenApiSchema { Type = JsonSchemaType.String } },
            },
        };
        if (declared.Any(f => f.Attachment))
        {
            operation.Responses["206"].Headers!["Content-Disposition"] = new OpenApiHeader
            {
                Required = declared.All(f => f.Attachment), Description = "`attachment` with the file's name, as on the whole file.", Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            };
        }

        operation.Responses["416"] = new OpenApiResponse
        {
            Description = "Range Not Satisfiable: the range starts past the end of the file (no body).",
            Headers = new Dictionary<string, IOpenApiHeader>
            {
                ["Content-Range"] = new OpenApiHeader { Required = true, Description = "The file's length (`bytes */60692`).", Schema = new OpenApiSchema { Type = JsonSchemaType.String } },
            },
        };
        whole.Headers ??= new Dictionary<string, IOpenApiHeader>();
        // With a JSON form beside the files (a report by `format`), only the file forms carry it.
        var onlyFiles = whole.Content?.Keys.All(files.Contains) ?? true;
        var acceptRanges = new OpenApiHeader
        {
            Required = onlyFiles, Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            Description = onlyFiles ? "`bytes`: ranges of this file may be asked for." : "`bytes` with the file forms: ranges of the file may be asked for; absent with JSON.",
        };
        whole.Headers["Accept-Ranges"] = acceptRanges;

        // A part, and a refusal of a range, still describe the whole file: the validators and the name the 200 sends come with them.
        foreach (var part in new[] { operation.Responses["206"], operation.Responses["416"] }.OfType<OpenApiResponse>())
        {
            part.Headers!["Accept-Ranges"] = new OpenApiHeader { Required = true, Description = "`bytes`.", Schema = new OpenApiSchema { Type = JsonSchemaType.String } };
            foreach (var validator in new[] { "ETag", "Last-Modified" })
            {
                if (whole.Headers.TryGetValue(validator, out var header))
                {
                    part.Headers[validator] = header;
                }
            }
        }

        if (declared.Any(f => f.Attachment))
        {
            operation.Responses["416"].Headers!["Content-Disposition"] = new OpenApiHeader
            {
                Required = false, Description = "`attachment` with the file's name, as on the whole file.", Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            };
        }
    }
}
