using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Webhooks;

namespace TrainingApi.Tests.Infrastructure;

/// <summary>
/// What the webhook worker has done, read from its tables: the positive markers a test waits for before it asserts that
/// something was not sent. Absence is only worth asserting once the work that could have produced it is provably over.
/// </summary>
public static class WebhookProgress
{
    /// <summary>
    /// Waits until the one outbox event of <paramref name="type"/> whose data has <paramref name="property"/> = <paramref name="value"/>
    /// has been fanned out, and returns the deliveries made for it. The dispatcher writes them in the transaction that marks the
    /// event dispatched, so none can be added afterwards: a subscription missing here is never sent the event.
    /// </summary>
    public static async Task<IReadOnlyList<WebhookDelivery>> DeliveriesOfDispatchedAsync(this ApiFactory api, string type, string property, object value)
    {
        var eventId = await Eventually.ValueAsync($"the outbox event {type} with {property} = {value} to be dispatched", async () =>
        {
            await using var db = api.Db();
            return await db.Context.Database
                .SqlQuery<Guid?>($"SELECT id AS \"Value\" FROM platform.outbox_events WHERE type = {type} AND payload->'data'->>{property} = {value.ToString()} AND dispatched_at IS NOT NULL")
                .SingleOrDefaultAsync();
        }, id => id is not null);
        await using var check = api.Db();
        return await check.Context.Set<WebhookDelivery>().AsNoTracking().Where(d => d.EventId == eventId).ToListAsync();
    }

    /// <summary>How many outbox events of the type have the value in their data (final once the requests that write them are answered).</summary>
    public static async Task<int> OutboxEventsAboutAsync(this ApiFactory api, string type, string property, object value)
    {
        await using var db = api.Db();
        return await db.Context.Database
            .SqlQuery<int>($"SELECT count(*)::int AS \"Value\" FROM platform.outbox_events WHERE type = {type} AND payload->'data'->>{property} = {value.ToString()}")
            .SingleAsync();
    }

    /// <summary>Waits until every listed delivery is delivered or given up: no attempt of them is due any more.</summary>
    public static Task<List<WebhookDelivery>> AllFinishedAsync(this ApiFactory api, IEnumerable<Guid> deliveryIds, TimeSpan? timeout = null)
    {
        Guid[] ids = [.. deliveryIds];
        return Eventually.ValueAsync($"{ids.Length} deliveries to be delivered or given up", async () =>
        {
            await using var db = api.Db();
            return await db.Context.Set<WebhookDelivery>().AsNoTracking().Where(d => ids.Contains(d.Id) && d.Status != DeliveryStatus.Pending).ToListAsync();
        }, finished => finished.Count == ids.Length, timeout);
    }

    /// <summary>
    /// Waits until every transaction open on the database at this moment (on any other connection) has ended. A worker holds its
    /// transaction, and the delivery row's lock, for the whole of an attempt; so once the deliveries a test looks at are finished and
    /// this returns, no attempt that could have read one of them while it was still pending is left in flight.
    /// </summary>
    public static async Task EarlierTransactionsEndedAsync(this ApiFactory api)
    {
        DateTimeOffset now;
        await using (var db = api.Db())
        {
            now = await db.Context.Database.SqlQuery<DateTimeOffset>($"SELECT clock_timestamp() AS \"Value\"").SingleAsync();
        }

        await Eventually.ValueAsync($"every transaction begun before {now:HH:mm:ss.fff} to end", async () =>
        {
            await using var db = api.Db();
            return await db.Context.Database.SqlQuery<int>($"""
                SELECT count(*)::int AS "Value" FROM pg_stat_activity
                WHERE datname = current_database() AND backend_type = 'client backend' AND pid <> pg_backend_pid() AND xact_start < {now}
                """).SingleAsync();
        }, open => open == 0);
    }
}
