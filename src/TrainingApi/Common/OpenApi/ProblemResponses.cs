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
/// The problems the platform's middleware can answer on any operation, which no endpoint declares itself: 400 where a body or a typed
/// parameter is read, 413 and 415 where a body is read, 429 from the rate limits (every anonymous request and every partner key is counted, on every route) and 503 when the
/// database does not answer (every route may read it: API keys are looked up there, and so are rate-limit counters and idempotency keys).
/// Registered before <see cref="ExamplesOperationFilter"/>, which gives them their examples.
/// </summary>
public sealed class PlatformProblemsOperationFilter : IOperationFilter
{
    /// <summary>
    /// A query value the server parses (not free text), or a path value checked against an enum: it can be malformed. A path id
    /// that is not a UUID matches no route (404), so it is not counted.
    /// </summary>
    private static bool TypedValue(IOpenApiParameter parameter) =>
        parameter.Schema is { } schema && parameter.In switch
        {
            ParameterLocation.Query => (schema.Type is { } type && (type.HasFlag(JsonSchemaType.Integer) || type.HasFlag(JsonSchemaType.Number) || type.HasFlag(JsonSchemaType.Boolean)))
                                       || schema.Format is not null || schema.Enum is { Count: > 0 } || schema.Items?.Enum is { Count: > 0 },
            ParameterLocation.Path => schema.Enum is { Count: > 0 },
            _ => false,
        };

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

        // A body that is not JSON of the right shape, or leaves out a member it must send, and a route or query value that is not of
        // its type (a UUID, a number, a date, one of an enum's values) are refused by the platform before the endpoint runs.
        if (operation.RequestBody is not null || (operation.Parameters ?? []).Any(TypedValue))
        {
            ProblemResponses.Add(operation, context, StatusCodes.Status400BadRequest,
                "The request could not be read: a parameter or body value of the wrong type or format, or a required member left out " +
                "(`malformed-request` or `validation-failed`, naming it in `errors`).");
        }

        ProblemResponses.Add(operation, context, StatusCodes.Status429TooManyRequests,
            "Too many requests: a partner API key over its limit per minute, or a client without credentials over the limit per address. " +
            "Retry after the seconds in Retry-After.", describe: true);
        // A bearer token signed with a key the API has not seen yet cannot be checked while the identity provider is down.
        var provider = operation.Security is { Count: > 0 } ? " Also, with a bearer token, when the identity provider is not answering and the token's signing key is new." : "";
        ProblemResponses.Add(operation, context, StatusCodes.Status503ServiceUnavailable,
            context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<IdempotentMetadata>().Any()
                ? "The database is not answering. Retry after the seconds in Retry-After, with the same Idempotency-Key: you get the stored answer if the request was committed." + provider
                : "The database is not answering. Retry after the seconds in Retry-After." + provider,
            describe: true);
    }
}
