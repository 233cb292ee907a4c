using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using TrainingApi.Common.Problems;

namespace TrainingApi.Common.RateLimiting;

public static class RateLimitingSetup
{
    public static IServiceCollection AddApiRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<RateLimitOptions>(configuration.GetSection(RateLimitOptions.Section));
        var anonymousPerMinute = configuration.GetSection(RateLimitOptions.Section).Get<RateLimitOptions>()?.AnonymousPerMinute
                                 ?? new RateLimitOptions().AnonymousPerMinute;

        // Requests without credentials (the public catalogue, and anyone guessing keys or tokens) are limited
        // per client address on each instance: this protects the instance, so it need not be global.
        services.AddRateLimiter(o =>
        {
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
                http.User.Identity?.IsAuthenticated == true || http.Request.Path.StartsWithSegments("/health")
                    ? RateLimitPartition.GetNoLimiter("authenticated")
                    : RateLimitPartition.GetFixedWindowLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "unknown", _ =>
                        new FixedWindowRateLimiterOptions { PermitLimit = anonymousPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            o.OnRejected = async (context, ct) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? (int)Math.Ceiling(wait.TotalSeconds) : 60;
                var http = context.HttpContext;
                http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                http.RequestServices.GetRequiredService<Telemetry.BusinessMetrics>().RateLimited("address");
                http.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
                var problem = Problem.TooManyRequests(retryAfter);
                await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = http,
                    ProblemDetails = new ProblemDetails
                    {
                        Status = problem.Kind.Status, Type = problem.Kind.Type, Title = problem.Kind.Title.ToString(), Detail = problem.Detail.ToString(),
                    },
                });
            };
        });
        return services;
    }
}
