using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TrainingApi.Common.Events;
using TrainingApi.Common.Idempotency;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.RateLimiting;
using TrainingApi.Common.Webhooks;

namespace TrainingApi.Common.Startup;

/// <summary>
/// Every hour: deletes expired idempotency records, old rate-limit windows, and webhook deliveries and outbox
/// events past their retention once they are settled. Every instance runs it; the deletes are idempotent, so
/// running it twice at once is harmless.
/// </summary>
public sealed partial class Housekeeping(UseCases.UseCaseRunner runner, IOptions<WebhookOptions> webhooks, TimeProvider clock, ILogger<Housekeeping> log)
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

    /// <summary>A use case of the system's like any other background work (its deletes touch no audited table).</summary>
    public Task<Purged> PurgeAsync(CancellationToken ct) =>
        runner.RunAsync(UseCases.Actor.System, nameof(Housekeeping), (services, token) => PurgeAsync(services.GetRequiredService<TrainingDb>(), token), ct);

    private async Task<Purged> PurgeAsync(TrainingDb db, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var records = await db.Set<IdempotencyRecord>().Where(r => r.ExpiresAt < now).ExecuteDeleteAsync(ct);
        var windows = await db.Set<RateLimitCounter>().Where(c => c.WindowStart < now.AddHours(-1)).ExecuteDeleteAsync(ct);

        // Pending deliveries are kept whatever their age: they are still owed to someone.
        var cutoff = now.AddDays(-webhooks.Value.RetentionDays);
        var deliveries = await db.Set<WebhookDelivery>()
            .Where(d => d.Status != DeliveryStatus.Pending && d.CreatedAt < cutoff).ExecuteDeleteAsync(ct);
        var events = await db.Set<OutboxEvent>()
            .Where(e => e.DispatchedAt != null && e.DispatchedAt < cutoff && !db.Set<WebhookDelivery>().Any(d => d.EventId == e.Id))
            .ExecuteDeleteAsync(ct);
        return new Purged(records, windows, deliveries, events);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Housekeeping removed {Records} idempotency record(s), {Windows} rate-limit window(s), {Deliveries} webhook delivery(ies) and {Events} outbox event(s)")]
    private static partial void Done(ILogger logger, int records, int windows, int deliveries, int events);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Housekeeping failed")]
    private static partial void Failed(ILogger logger, Exception exception);
}
