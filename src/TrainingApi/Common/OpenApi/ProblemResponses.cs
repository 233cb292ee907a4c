using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;
using TrainingApi.Common.Idempotency;

namespace TrainingApi.Common.OpenApi;

/// <summary>A problem response (RFC 9457, the <c>ProblemDetails</c> schema) of an operation.</summary>
public static class ProblemResponses
{
    /// <summary>Adds the problem response; one the endpoint declared already keeps its content and gets <paramref name="description"/> when <paramref name="describe"/>.</summary>
    public static void Add(OpenApiOperation operation, OperationFilterContext context, int status, string description, bool describe = false)
    {
        operation.Responses ??= [];
        var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (operation.Responses.TryGetValue(key, out var declared))
        {
            if (describe && declared is OpenApiResponse concrete)
            {
                concrete.Description = description;
            }

            return;
        }

        var schema = context.SchemaGenerator.GenerateSchema(typeof(Microsoft.AspNetCore.Mvc.ProblemDetails), context.SchemaRepository);
        operation.Responses[key] = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, IOpenApiMediaType> { ["application/problem+json"] = new OpenApiMediaType { Schema = schema } },
        };
    }
}

/// <summary>
/// The problems the platform's middleware can answer on any operation, which no endpoint declares itself: 413 and 415 where a body is
/// read, 429 from the rate limits (every anonymous request and every partner key is counted, on every route) and 503 when the
/// database does not answer (every route may read it: API keys are looked up there, and so are rate-limit counters and idempotency keys).
/// Registered before <see cref="ExamplesOperationFilter"/>, which gives them their examples.
/// </summary>
public sealed class PlatformProblemsOperationFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (operation.RequestBody is { } body)
        {
            ProblemResponses.Add(operation, context, StatusCodes.Status413PayloadTooLarge,
                "The body is larger than this API accepts (`RequestLimits:MaxBodyBytes`).", describe: true);
            if (body.Content?.Keys.Any(media => media.Contains("json", StringComparison.OrdinalIgnoreCase)) == true)
            {
                ProblemResponses.Add(operation, context, StatusCodes.Status415UnsupportedMediaType,
                    "The body is not sent as `application/json`.", describe: true);
            }
        }

        ProblemResponses.Add(operation, context, StatusCodes.Status429TooManyRequests,
            "Too many requests: a partner API key over its limit per minute, or a client without credentials over the limit per address. " +
            "Retry after the seconds in Retry-After.", describe: true);
        ProblemResponses.Add(operation, context, StatusCodes.Status503ServiceUnavailable,
            context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<IdempotentMetadata>().Any()
                ? "The database is not answering. Retry after the seconds in Retry-After, with the same Idempotency-Key: you get the stored answer if the request was committed."
                : "The database is not answering. Retry after the seconds in Retry-After.",
            describe: true);
    }
}
