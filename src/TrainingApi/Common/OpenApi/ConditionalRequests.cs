using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace TrainingApi.Common.OpenApi;

/// <summary>Marks an endpoint as taking If-Match (updates of versioned resources) or If-None-Match (reads).</summary>
public sealed record ConditionalRequestMetadata(string Header);

public static class ConditionalRequestEndpointExtensions
{
    /// <summary>The update needs the ETag the client read: 428 without it, 412 when stale.</summary>
    public static RouteHandlerBuilder RequiresIfMatch(this RouteHandlerBuilder builder) =>
        builder.WithMetadata(new ConditionalRequestMetadata("If-Match"))
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);

    /// <summary>The read answers 304 when If-None-Match names the current ETag.</summary>
    public static RouteHandlerBuilder SupportsIfNoneMatch(this RouteHandlerBuilder builder) =>
        builder.WithMetadata(new ConditionalRequestMetadata("If-None-Match"))
            .Produces(StatusCodes.Status304NotModified);
}

/// <summary>Describes the conditional-request headers and the ETag response header in the contract.</summary>
public sealed class ConditionalRequestsOperationFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var conditional = context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<ConditionalRequestMetadata>().FirstOrDefault();
        if (conditional is null)
        {
            return;
        }

        operation.Parameters ??= [];
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = conditional.Header,
            In = ParameterLocation.Header,
            Required = conditional.Header == "If-Match",
            Description = conditional.Header == "If-Match"
                ? "The ETag of the version you read; the change is refused with 412 if the resource changed since."
                : "An ETag you hold; answered with 304 when it is still current.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String },
        });

        foreach (var (status, response) in operation.Responses ?? [])
        {
            if (status is "200" or "201" && response is OpenApiResponse concrete)
            {
                concrete.Headers ??= new Dictionary<string, IOpenApiHeader>();
                concrete.Headers["ETag"] = new OpenApiHeader
                {
                    Description = "The version of the resource; send it back in If-Match to change it.",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                };
            }
        }
    }
}
