namespace TrainingApi.Common.Startup;

/// <summary>
/// Every hour, on every instance, sends <see cref="PurgeExpiredRecords"/> as the system.
/// </summary>
public sealed partial class Housekeeping(UseCases.UseCaseRunner runner, TimeProvider clock, ILogger<Housekeeping> log)
    : BackgroundService
{
    public sealed record Purged(int IdempotencyRecords, int RateLimitWindows, int Deliveries, int OutboxEvents);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1), clock);
        do
        {
            try
            {
                var purged = await PurgeAsync(stoppingToken);
                Done(log, purged.IdempotencyRecords, purged.RateLimitWindows, purged.Deliveries, purged.OutboxEvents);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The database may be down for a while; the next round tries again.
                Failed(log, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public Task<Purged> PurgeAsync(CancellationToken ct) => runner.SendAsync(UseCases.Actor.System, new PurgeExpiredRecords.Command(), ct);

    [LoggerMessage(Level = LogLevel.Information, Message = "Housekeeping removed {Records} idempotency record(s), {Windows} rate-limit window(s), {Deliveries} webhook delivery(ies) and {Events} outbox event(s)")]
    private static partial void Done(ILogger logger, int records, int windows, int deliveries, int events);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Housekeeping failed")]
    private static partial void Failed(ILogger logger, Exception exception);
}
