using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Problems;
using TrainingApi.Common.Security;

namespace TrainingApi.Common.RateLimiting;

/// <summary>
/// A fixed one-minute window per partner API key, counted with one upsert in PostgreSQL: partners call
/// whichever instance the load balancer picks, and their limit must hold across all of them.
/// </summary>
public sealed class PartnerRateLimitMiddleware(RequestDelegate next, IOptions<RateLimitOptions> options, TimeProvider clock)
{
    public async Task InvokeAsync(HttpContext http, Caller caller)
    {
        if (caller.ApiKeyId is { } keyId)
        {
            // Only partners' requests lease a database context here (a parameter of InvokeAsync would lease one for every request).
            var db = http.RequestServices.GetRequiredService<TrainingDb>();
            var now = clock.GetUtcNow();
            var window = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, TimeSpan.Zero);
            var bucket = "key:" + keyId;
            var hits = await db.Database.SqlQuery<int>($"""
                INSERT INTO platform.rate_limit_counters (bucket, window_start, hits) VALUES ({bucket}, {window}, 1)
                ON CONFLICT (bucket, window_start) DO UPDATE SET hits = platform.rate_limit_counters.hits + 1
                RETURNING hits AS "Value"
                """).ToListAsync(http.RequestAborted);
            if (hits[0] > options.Value.PartnerPerMinute)
            {
                http.RequestServices.GetRequiredService<Telemetry.BusinessMetrics>().RateLimited("partner");
                throw Problem.TooManyRequests((int)Math.Ceiling((window.AddMinutes(1) - now).TotalSeconds));
            }
        }

        await next(http);
    }
}
