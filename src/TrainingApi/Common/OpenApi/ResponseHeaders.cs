using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;
using TrainingApi.Common.Idempotency;

namespace TrainingApi.Common.OpenApi;

/// <summary>
/// The response headers a client relies on, declared from what the platform always does rather than endpoint by endpoint:
/// Location on 201 and 202 (every creation and every accepted job is answered with where to find it), Idempotent-Replayed on the
/// successes of an idempotent POST, Retry-After on 429 and 503 (and on the 409 of an Idempotency-Key still in use),
/// WWW-Authenticate on 401, Content-Disposition on the file downloads (and on a JSON answer sent as an attachment), Content-Language
/// on every answer. ETag and Last-Modified are <see cref="ConditionalRequestsOperationFilter"/>'s.
/// Registered after the filters that add responses, so it sees them all.
/// </summary>
public sealed class ResponseHeadersOperationFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var metadata = context.ApiDescription.ActionDescriptor.EndpointMetadata;
        var idempotent = metadata.OfType<IdempotentMetadata>().Any();
        var downloads = metadata.OfType<FileResponseMetadata>().Where(f => f.Attachment).ToList();
        foreach (var (status, response) in operation.Responses ?? [])
        {
            if (response is not OpenApiResponse concrete)
            {
                continue;
            }

            switch (status)
            {
                case "401":
                    Set(concrete, "WWW-Authenticate", true, new OpenApiSchema { Type = JsonSchemaType.String },
                        "How to authenticate (`Bearer`, with `error` and `error_description` when a token was refused), RFC 9110 §11.6.1.");
                    break;
                case "201":
                    Set(concrete, "Location", true, UriReference, "Where the created resource (or the list it joined) can be read.");
                    break;
                case "202":
                    Set(concrete, "Location", true, UriReference, "Where the progress of the accepted work can be followed.");
                    break;
                case "303":
                    Set(concrete, "Location", true, new OpenApiSchema { Type = JsonSchemaType.String, Format = "uri" }, "Where the representation asked for in Accept is (absolute).");
                    Set(concrete, "Vary", true, new OpenApiSchema { Type = JsonSchemaType.String }, "`Accept`: the target depends on it.");
                    break;
                case "429" or "503":
                    Set(concrete, "Retry-After", true, Seconds, "Seconds to wait before retrying.");
                    break;
                case "409" when idempotent:
                    Set(concrete, "Retry-After", false, Seconds,
                        "Sent with the problem code `idempotency-key-in-use` (a request with this key is still running): seconds to wait before retrying.");
                    break;
            }

            // Every answer, problems and 304 included (PlatformHeaders writes it): one shared definition, referenced.
            concrete.Headers ??= new Dictionary<string, IOpenApiHeader>();
            concrete.Headers[ContentLanguage] = ContentLanguageHeader(context.Document);

            if (idempotent && status.StartsWith('2'))
            {
                Set(concrete, IdempotencyMiddleware.ReplayedHeader, false, new OpenApiSchema { Type = JsonSchemaType.Boolean },
                    "`true` when this is the stored answer to an earlier request with the same Idempotency-Key (nothing was done again); absent otherwise.");
            }

            // Sent with every answer about the resource (a range it cannot satisfy included); problems are about the request.
            if ((status.StartsWith('2') || status is "304" or "416") && metadata.OfType<LinkHeaderMetadata>().FirstOrDefault() is { } link)
            {
                Set(concrete, "Link", true, new OpenApiSchema { Type = JsonSchemaType.String }, link.Description);
            }

            if (metadata.OfType<AttachmentResponseMetadata>().Any(a => a.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture) == status))
            {
                Set(concrete, "Content-Disposition", true, new OpenApiSchema { Type = JsonSchemaType.String },
                    "`attachment` with the file's name: a browser saves the answer as a file.");
            }

            var files = downloads.Where(f => f.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture) == status).Select(f => f.ContentType).ToHashSet();
            if (files.Count > 0)
            {
                var always = concrete.Content?.Keys.All(files.Contains) ?? true;
                Set(concrete, "Content-Disposition", always, new OpenApiSchema { Type = JsonSchemaType.String },
                    always
                        ? "`attachment` with the file's name (`filename` and `filename*`)."
                        : $"With the file forms ({string.Join(", ", files.Order(StringComparer.Ordinal))}): `attachment` with the file's name; absent with JSON.");
            }
        }
    }

    private const string ContentLanguage = "Content-Language";

    private static OpenApiHeaderReference ContentLanguageHeader(OpenApiDocument document)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.Headers ??= new Dictionary<string, IOpenApiHeader>();
        document.Components.Headers.TryAdd(ContentLanguage, new OpenApiHeader
        {
            Required = true,
            Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            Description = "The language of the answer: of its messages (pl or en, as Accept-Language asked), or of its content where that has a " +
                          "language of its own: the Atom feed (pl), and a release's pages and files (release.json, the ZIP, IMS CC) in the release's language.",
        });
        return new OpenApiHeaderReference(ContentLanguage, document);
    }

    private static OpenApiSchema UriReference => new() { Type = JsonSchemaType.String, Format = "uri-reference" };

    private static OpenApiSchema Seconds => new() { Type = JsonSchemaType.Integer, Minimum = "0" };

    private static void Set(OpenApiResponse response, string name, bool required, OpenApiSchema schema, string description)
    {
        response.Headers ??= new Dictionary<string, IOpenApiHeader>();
        response.Headers[name] = new OpenApiHeader { Description = description, Required = required, Schema = schema };
    }
}

/// <summary>A JSON answer with this status is sent as an attachment (Content-Disposition), to be saved as a file.</summary>
public sealed record AttachmentResponseMetadata(int StatusCode);

public static class AttachmentResponseEndpointExtensions
{
    public static RouteHandlerBuilder SendsAttachment(this RouteHandlerBuilder builder, int statusCode) =>
        builder.WithMetadata(new AttachmentResponseMetadata(statusCode));
}

/// <summary>The answers about the resource (2xx, 304, 416) carry a Link header (RFC 8288) described so.</summary>
public sealed record LinkHeaderMetadata(string Description);

public static class LinkHeaderEndpointExtensions
{
    public static RouteHandlerBuilder SendsLinkHeader(this RouteHandlerBuilder builder, string description) =>
        builder.WithMetadata(new LinkHeaderMetadata(description));
}
