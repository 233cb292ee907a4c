using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using TrainingApi.Common.Http.PublicReads;

namespace TrainingApi.Common.Health;

public static class HealthEndpoints
{
    public const string ReadyTag = "ready";
    private const string StaticTag = "health";

    public static IServiceCollection AddApiHealth(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<DatabaseReadyCheck>("database", tags: [ReadyTag]).AddCheck<ReplicaReadyCheck>("replica", tags: [ReadyTag]);
        return services;
    }

    /// <summary>
    /// /health/live: the process answers (no dependency checked, so an orchestrator does not restart every
    /// instance when the database blips). /health/ready: the instance can serve requests.
    /// </summary>
    public static void MapApiHealth(this IEndpointRouteBuilder app)
    {
        // Kept by the fast lane after the first answer: liveness is the process answering, nothing more, so it never changes.
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync }).AllowAnonymous()
            .CachedWhenAnonymous(StaticTag);
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(ReadyTag), ResponseWriter = WriteAsync }).AllowAnonymous();
    }

    private static Task WriteAsync(HttpContext http, HealthReport report)
    {
        http.Response.ContentType = "application/json";
        http.Response.Headers.CacheControl = "no-store";
        return JsonSerializer.SerializeAsync(http.Response.Body, new
        {
            status = report.Status.ToString().ToLowerInvariant(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new
            {
                status = e.Value.Status.ToString().ToLowerInvariant(),
                description = e.Value.Description,
            }),
        }, cancellationToken: http.RequestAborted);
    }
}
