using Microsoft.AspNetCore.Authorization;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;
using TrainingApi.Common.Idempotency;
using TrainingApi.Common.Security;

namespace TrainingApi.Common.OpenApi;

/// <summary>
/// Declares each operation's security requirement from its authorization metadata (bearer token, and the
/// partner API key where the partner role is allowed), lists the roles, adds the 401/403 problems, and
/// documents Idempotency-Key where the endpoint honours it.
/// </summary>
public sealed class SecurityOperationFilter : IOperationFilter
{
    public const string BearerScheme = "Bearer";
    public const string ApiKeyScheme = "ApiKey";

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var metadata = context.ApiDescription.ActionDescriptor.EndpointMetadata;
        if (metadata.OfType<IdempotentMetadata>().Any())
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = IdempotencyMiddleware.Header,
                In = ParameterLocation.Header,
                Description = "A unique key per request (e.g. a UUID). A retry with the same key and body returns the first answer " +
                              "(header Idempotent-Replayed: true); required for partner API keys; remembered for 24 hours.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = IdempotencyMiddleware.MaxKeyLength },
            });
        }

        if (metadata.OfType<IAllowAnonymous>().Any())
        {
            operation.Security = [];
            return;
        }

        var roles = metadata.OfType<IAuthorizeData>()
            .SelectMany(a => (a.Roles ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Distinct()
            .ToList();
        var partnerAllowed = roles.Count == 0 || roles.Contains(Roles.Partner);

        operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, context.Document)] = [] }];
        if (partnerAllowed)
        {
            operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiKeyScheme, context.Document)] = [] });
        }

        var who = roles.Count == 0 ? "any authenticated caller" : string.Join(", ", roles.Select(r => $"`{r}`"));
        operation.Description = $"{operation.Description}\n\n**Roles:** {who}.".TrimStart();

        ProblemResponses.Add(operation, context, StatusCodes.Status401Unauthorized, "No valid token or API key.");
        if (roles.Count > 0 && roles.Count < Roles.All.Count)
        {
            ProblemResponses.Add(operation, context, StatusCodes.Status403Forbidden, "The caller's role may not do this.");
        }
    }
}
