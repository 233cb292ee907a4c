using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Events;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Telemetry;

namespace TrainingApi.Common.Webhooks;

/// <summary>
/// Turns committed outbox events into one delivery per matching active subscription. Instances share the
/// queue through <see cref="QueueClaims"/>: each event is fanned out once, by whichever instance claimed it.
/// </summary>
public sealed class WebhookDispatcher(TrainingDb db, TimeProvider clock, BusinessMetrics metrics)
{
    private const int BatchSize = 100;

    /// <summary>Run by <see cref="DispatchWebhookEvents"/>, whose transaction keeps the batch claimed until it commits.</summary>
    /// <returns>How many events were dispatched (0 when the queue is empty).</returns>
    public async Task<int> DispatchBatchAsync(CancellationToken token)
    {
        var events = await db.ClaimAsync(
            db.Set<OutboxEvent>().Where(e => e.DispatchedAt == null).OrderBy(e => e.OccurredAt).ThenBy(e => e.Id), BatchSize, token);
        // The backlog for the metrics: this batch when it took everything, else one count of the whole queue.
        metrics.OutboxDepth(events.Count < BatchSize ? events.Count : await db.Set<OutboxEvent>().CountAsync(e => e.DispatchedAt == null, token));
        if (events.Count == 0)
        {
            return 0;
        }

        var types = events.Select(e => e.Type).Distinct().ToList();
        var subscriptions = await db.Set<WebhookSubscription>().AsNoTracking()
            .Where(s => s.Active && s.EventTypes.Any(t => types.Contains(t)))
            .Select(s => new { s.Id, s.OrganisationId, s.EventTypes })
            .ToListAsync(token);

        var now = clock.UtcNowForDatabase();
        foreach (var @event in events)
        {
            var receivers = subscriptions.Where(s => s.EventTypes.Contains(@event.Type)
                && (@event.AudienceOrganisationId is null || s.OrganisationId is null || s.OrganisationId == @event.AudienceOrganisationId));
            foreach (var subscription in receivers)
            {
                db.Add(new WebhookDelivery(subscription.Id, @event, now));
            }

            @event.DispatchedAt = now;
        }

        return events.Count;
    }
}
