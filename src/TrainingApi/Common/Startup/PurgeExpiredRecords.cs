using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TrainingApi.Common.Events;
using TrainingApi.Common.Idempotency;
using TrainingApi.Common.RateLimiting;
using TrainingApi.Common.Webhooks;

namespace TrainingApi.Common.Startup;

/// <summary>
/// The system deletes expired idempotency records, old rate-limit windows, and webhook deliveries and outbox events past
/// their retention once they are settled. The deletes are idempotent, so instances running it at once do no harm, and
/// they touch no audited table. Sent hourly by <see cref="Housekeeping"/>.
/// </summary>
public static class PurgeExpiredRecords
{
    public sealed record Command : ICommand<Housekeeping.Purged>;

    public sealed class Handler(Persistence.TrainingDb db, IOptions<WebhookOptions> webhooks, TimeProvider clock) : ICommandHandler<Command, Housekeeping.Purged>
    {
        public async ValueTask<Housekeeping.Purged> Handle(Command command, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow();
            var records = await db.Set<IdempotencyRecord>().Where(r => r.ExpiresAt < now).ExecuteDeleteAsync(cancellationToken);
            var windows = await db.Set<RateLimitCounter>().Where(c => c.WindowStart < now.AddHours(-1)).ExecuteDeleteAsync(cancellationToken);

            // Pending deliveries are kept whatever their age: they are still owed to someone.
            var cutoff = now.AddDays(-webhooks.Value.RetentionDays);
            var deliveries = await db.Set<WebhookDelivery>()
                .Where(d => d.Status != DeliveryStatus.Pending && d.CreatedAt < cutoff).ExecuteDeleteAsync(cancellationToken);
            var events = await db.Set<OutboxEvent>()
                .Where(e => e.DispatchedAt != null && e.DispatchedAt < cutoff && !db.Set<WebhookDelivery>().Any(d => d.EventId == e.Id))
                .ExecuteDeleteAsync(cancellationToken);
            return new Housekeeping.Purged(records, windows, deliveries, events);
        }
    }
}
