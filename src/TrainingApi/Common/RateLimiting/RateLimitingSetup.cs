using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using TrainingApi.Common.Problems;

namespace TrainingApi.Common.RateLimiting;

public static class RateLimitingSetup
{
    public static IServiceCollection AddApiRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<RateLimitOptions>(configuration.GetSection(RateLimitOptions.Section));
        services.AddSingleton<PartnerHitCounter>();
        var anonymousPerMinute = configuration.GetSection(RateLimitOptions.Section).Get<RateLimitOptions>()?.AnonymousPerMinute
                                 ?? new RateLimitOptions().AnonymousPerMinute;

        // Requests without credentials (the public catalogue, and anyone guessing keys or tokens) are limited
        // per client address on each instance: this protects the instance, so it need not be global.
        services.AddRateLimiter(o =>
        {
            // Partitioned by the address itself, not its text: the public fast lane asks this limiter for every answer it gives
            // from memory, and formatting the address was a measurable share of a 304 (docs/performance.md). Callers with
            // credentials and health checks share one partition without a limit (the "any" address, never a client's).
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, IPAddress>(http =>
                http.User.Identity?.IsAuthenticated == true || http.Request.Path.StartsWithSegments("/health")
                    ? RateLimitPartition.GetNoLimiter(IPAddress.IPv6Any)
                    : RateLimitPartition.GetFixedWindowLimiter(http.Connection.RemoteIpAddress ?? IPAddress.None, _ =>
                        new FixedWindowRateLimiterOptions { PermitLimit = anonymousPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            o.OnRejected = async (context, ct) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? (int)Math.Ceiling(wait.TotalSeconds) : 60;
                var http = context.HttpContext;
                http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                http.RequestServices.GetRequiredService<Telemetry.BusinessMetrics>().RateLimited("address");
                http.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
                var problem = Problem.TooManyRequests(retryAfter);
                await http.WriteProblemAsync(problem.Kind, problem.Detail);
            };
        });
        return services;
    }
}
