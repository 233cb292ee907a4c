using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Idempotency;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.RateLimiting;

namespace TrainingApi.Common.Startup;

/// <summary>
/// Deletes expired idempotency records and old rate-limit windows every hour. Every instance runs it; the
/// deletes are idempotent, so running it twice at once is harmless.
/// </summary>
public sealed partial class Housekeeping(IServiceScopeFactory scopes, TimeProvider clock, ILogger<Housekeeping> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1), clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<TrainingDb>();
                var now = clock.GetUtcNow();
                var records = await db.Set<IdempotencyRecord>().Where(r => r.ExpiresAt < now).ExecuteDeleteAsync(stoppingToken);
                var windows = await db.Set<RateLimitCounter>().Where(c => c.WindowStart < now.AddHours(-1)).ExecuteDeleteAsync(stoppingToken);
                Purged(log, records, windows);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The database may be down for a while; the next round tries again.
                Failed(log, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Housekeeping removed {Records} idempotency record(s) and {Windows} rate-limit window(s)")]
    private static partial void Purged(ILogger logger, int records, int windows);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Housekeeping failed")]
    private static partial void Failed(ILogger logger, Exception exception);
}
