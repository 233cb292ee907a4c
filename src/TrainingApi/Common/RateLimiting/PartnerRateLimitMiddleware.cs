using Microsoft.Extensions.Options;
using TrainingApi.Common.Problems;
using TrainingApi.Common.Security;

namespace TrainingApi.Common.RateLimiting;

/// <summary>
/// A fixed one-minute window per partner API key, counted in PostgreSQL: partners call whichever instance the load
/// balancer picks, and their limit must hold across all of them. The hits are written in groups (<see cref="PartnerHitCounter"/>).
/// </summary>
public sealed class PartnerRateLimitMiddleware(RequestDelegate next, IOptions<RateLimitOptions> options, PartnerHitCounter counter, TimeProvider clock)
{
    public async Task InvokeAsync(HttpContext http, Caller caller)
    {
        if (caller.ApiKeyId is { } keyId)
        {
            var now = clock.GetUtcNow();
            var window = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, TimeSpan.Zero);
            var limits = options.Value;
            var admitted = await counter.TryHitAsync(http.RequestServices, "key:" + keyId, window, limits.PartnerPerMinute, limits.PartnerCountEvery, http.RequestAborted);
            if (!admitted)
            {
                http.RequestServices.GetRequiredService<Telemetry.BusinessMetrics>().RateLimited("partner");
                throw Problem.TooManyRequests((int)Math.Ceiling((window.AddMinutes(1) - now).TotalSeconds));
            }
        }

        await next(http);
    }
}
