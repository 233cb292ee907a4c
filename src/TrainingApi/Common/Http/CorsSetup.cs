namespace TrainingApi.Common.Http;

/// <summary>
/// Browsers on other origins: the origins come from <c>Cors:AllowedOrigins</c> (none by default, and then no CORS header is ever
/// sent); <c>*</c> allows any origin. Credentials (cookies) are never allowed: the API authenticates by bearer token or API key,
/// which a script sends in a header, so a browser's cookies have nothing to add and must not be replayed across origins.
/// </summary>
public static class CorsSetup
{
    public const string Section = "Cors:AllowedOrigins";

    private static readonly string[] Methods = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

    private static readonly string[] RequestHeaders =
        ["Authorization", "Content-Type", "Accept", "Accept-Language", "If-Match", "If-None-Match", "If-Modified-Since", "If-Range", "Range",
         "Idempotency-Key", "X-Api-Key"];

    private static readonly string[] ExposedHeaders =
        ["Location", "ETag", "Last-Modified", "Retry-After", "Idempotent-Replayed", "Content-Disposition", "Content-Language",
         "Content-Range", "Accept-Ranges"];

    public static IServiceCollection AddApiCors(this IServiceCollection services, IConfiguration configuration)
    {
        var origins = configuration.GetSection(Section).Get<string[]>() ?? [];
        services.AddCors(o => o.AddDefaultPolicy(policy =>
        {
            if (origins.Contains("*"))
            {
                policy.AllowAnyOrigin();
            }
            else
            {
                policy.WithOrigins(origins);
            }

            policy.WithMethods(Methods)
                .WithHeaders(RequestHeaders)
                .WithExposedHeaders(ExposedHeaders)
                .SetPreflightMaxAge(TimeSpan.FromMinutes(10))
                .DisallowCredentials();
        }));
        return services;
    }
}
