using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TrainingApi.Common.Events;
using TrainingApi.Common.Security;
using TrainingApi.Common.Startup;
using TrainingApi.Common.Webhooks;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Common;

public sealed class HousekeepingTests(WebhookFactory api) : IClassFixture<WebhookFactory>
{
    [Fact]
    public async Task Settled_deliveries_and_their_events_go_after_the_retention_period_and_pending_ones_stay()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var (subscription, _) = await api.SubscribeAsync(receiver, "programme.created");
        var expert = api.ClientAs(Roles.Expert);
        for (var i = 0; i < 3; i++)
        {
            (await expert.PostJsonAsync("/api/v1/programmes", new { title = $"Stary {i}" })).EnsureSuccessStatusCode();
        }

        await receiver.WaitUntilAsync(r => r.Count >= 3);
        await using (var db = api.Db())
        {
            await Eventually.HoldsAsync("the three deliveries to be delivered", async () => await db.Context.Set<WebhookDelivery>().CountAsync(d => d.SubscriptionId == subscription && d.Status == DeliveryStatus.Delivered) == 3, TimeSpan.FromSeconds(15));
            // Two of them from 40 days ago; one of those still pending (owed to the receiver).
            var old = await db.Context.Set<WebhookDelivery>().Where(d => d.SubscriptionId == subscription).OrderBy(d => d.CreatedAt).Take(2).Select(d => d.Id).ToListAsync();
            await db.Context.Database.ExecuteSqlInterpolatedAsync($"UPDATE platform.webhook_deliveries SET created_at = created_at - interval '40 days' WHERE id = ANY({old})");
            await db.Context.Database.ExecuteSqlInterpolatedAsync($"UPDATE platform.webhook_deliveries SET status = 'Pending', next_attempt_at = now() + interval '1 day' WHERE id = {old[1]}");
            await db.Context.Database.ExecuteSqlInterpolatedAsync($"UPDATE platform.outbox_events SET dispatched_at = dispatched_at - interval '40 days' WHERE id IN (SELECT event_id FROM platform.webhook_deliveries WHERE id = ANY({old}))");
        }

        var purged = await api.Services.GetServices<IHostedService>().OfType<Housekeeping>().Single().PurgeAsync(CancellationToken.None);

        Assert.Equal((1, 1), (purged.Deliveries, purged.OutboxEvents));
        await using var check = api.Db();
        Assert.Equal(2, await check.Context.Set<WebhookDelivery>().CountAsync(d => d.SubscriptionId == subscription));
        Assert.Equal(1, await check.Context.Set<WebhookDelivery>().CountAsync(d => d.SubscriptionId == subscription && d.Status == DeliveryStatus.Pending));
    }
}
