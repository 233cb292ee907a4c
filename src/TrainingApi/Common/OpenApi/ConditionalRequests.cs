using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace TrainingApi.Common.OpenApi;

/// <summary>
/// Marks an endpoint as taking If-Match (updates of versioned resources) or If-None-Match (reads, answered by
/// <see cref="Http.ConditionalGet"/>), and whether it also sends Last-Modified and so takes If-Modified-Since.
/// </summary>
public sealed record ConditionalRequestMetadata(string Header, bool LastModified = false);

/// <summary>An endpoint that sends the ETag of what it answers with this status though it takes no conditional header (a 201 of a versioned resource).</summary>
public sealed record ETagResponseMetadata(int StatusCode);

public static class ConditionalRequestEndpointExtensions
{
    /// <summary>The update needs the ETag the client read: 428 without it, 412 when stale.</summary>
    public static RouteHandlerBuilder RequiresIfMatch(this RouteHandlerBuilder builder) =>
        builder.WithMetadata(new ConditionalRequestMetadata("If-Match"))
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);

    /// <summary>The read answers 304 when If-None-Match names the current ETag (or, with <paramref name="lastModified"/>, by date).</summary>
    public static RouteHandlerBuilder SupportsIfNoneMatch(this RouteHandlerBuilder builder, bool lastModified = false) =>
        builder.WithMetadata(new ConditionalRequestMetadata("If-None-Match", lastModified))
            .Produces(StatusCodes.Status304NotModified);

    /// <summary>The response with this status carries the resource's ETag, to send in If-Match for its first change.</summary>
    public static RouteHandlerBuilder SendsETag(this RouteHandlerBuilder builder, int statusCode) =>
        builder.WithMetadata(new ETagResponseMetadata(statusCode));
}

/// <summary>Describes the conditional-request headers and the ETag response header in the contract.</summary>
public sealed class ConditionalRequestsOperationFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        foreach (var sent in context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<ETagResponseMetadata>())
        {
            if (operation.Responses?.TryGetValue(sent.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture), out var response) == true
                && response is OpenApiResponse concrete)
            {
                concrete.Headers ??= new Dictionary<string, IOpenApiHeader>();
                concrete.Headers["ETag"] = ResponseHeader("The version of the resource; send it in If-Match for its first change.");
            }
        }

        var conditional = context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<ConditionalRequestMetadata>().FirstOrDefault();
        if (conditional is null)
        {
            return;
        }

        operation.Parameters ??= [];
        operation.Parameters.Add(Header(conditional.Header, conditional.Header == "If-Match",
            conditional.Header == "If-Match"
                ? "The ETag of the version you read; the change is refused with 412 if the resource changed since."
                : "ETags you hold (a list, weak tags and `*` accepted); answered with 304 when one of them is current."));
        if (conditional.LastModified)
        {
            operation.Parameters.Add(Header("If-Modified-Since", false,
                "The Last-Modified you hold; answered with 304 when nothing changed since. Ignored when If-None-Match is sent."));
        }

        foreach (var (status, response) in operation.Responses ?? [])
        {
            if (status is "200" or "201" or "304" && response is OpenApiResponse concrete)
            {
                concrete.Headers ??= new Dictionary<string, IOpenApiHeader>();
                concrete.Headers["ETag"] = ResponseHeader(conditional.Header == "If-Match"
                    ? "The new version of the resource; send it in If-Match for the next change."
                    : "The current version: send it in If-None-Match to be answered 304 while it is unchanged (and in If-Match where the resource can be changed).");
                if (conditional.LastModified)
                {
                    concrete.Headers["Last-Modified"] = ResponseHeader("When the representation last changed (an HTTP date); send it in If-Modified-Since.");
                }
            }
        }
    }

    private static OpenApiParameter Header(string name, bool required, string description) => new()
    {
        Name = name,
        In = ParameterLocation.Header,
        Required = required,
        Description = description,
        Schema = new OpenApiSchema { Type = JsonSchemaType.String },
    };

    private static OpenApiHeader ResponseHeader(string description) => new()
    {
        Description = description,
        Schema = new OpenApiSchema { Type = JsonSchemaType.String },
    };
}
