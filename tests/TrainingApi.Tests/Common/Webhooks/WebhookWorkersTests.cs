using System.Net;
using TrainingApi.Common.Security;
using TrainingApi.Common.Webhooks;
using TrainingApi.Features.Curriculum;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Common.Webhooks;

/// <summary>Two API instances on one database, both running workers, as behind a load balancer.</summary>
public sealed class WebhookWorkersTests(WebhookWorkersTests.PatientWebhookFactory first) : IClassFixture<WebhookWorkersTests.PatientWebhookFactory>
{
    /// <summary>
    /// Exactly once holds while every attempt gets its answer: a generous time-out, so that a loaded machine does not turn a
    /// held answer into a timed-out attempt that is rightly sent again.
    /// </summary>
    public sealed class PatientWebhookFactory : WebhookFactory
    {
        public PatientWebhookFactory() => TimeoutSeconds = 15;
    }

    [Fact]
    public async Task Two_instances_deliver_every_event_exactly_once_and_never_the_same_one_at_the_same_time()
    {
        await using var second = WebhookFactory.JoiningDatabaseOf(first, first.TimeoutSeconds);
        await second.InitializeAsync();
        _ = second.CreateClient(); // starts the second instance and its worker
        await using var receiver = await WebhookReceiver.StartAsync();
        // Each answer is held until two more deliveries have arrived, so every delivery stays open while the workers of both
        // instances go on taking rows: a lock that failed to keep one of them out would show as a duplicate.
        receiver.Answer = (_, _) =>
        {
            var arrivedSoFar = receiver.Arrived.Count;
            return new ReceiverAnswer(204, HeldUntil: receiver.WaitUntilArrivedAsync(
                r => r.Count >= arrivedSoFar + 2 || r.Select(w => w.Id).Distinct().Count() >= 30, TimeSpan.FromSeconds(60)));
        };
        await first.SubscribeAsync(receiver, "programme.created");

        var expert = first.ClientAs(Roles.Expert);
        var ids = new List<Guid>();
        for (var i = 0; i < 30; i++)
        {
            var client = i % 2 == 0 ? expert : second.ClientAs(Roles.Expert);
            ids.Add((await (await client.PostJsonAsync("/api/v1/programmes", new { title = $"Zdarzenie {i}" })).ShouldBeAsync<ProgrammeView>(HttpStatusCode.Created)).Id);
        }

        var received = await receiver.WaitUntilAsync(r => ids.All(id => r.Any(w => w.IsAbout("programme.created", "programmeId", id))), TimeSpan.FromSeconds(30));
        // Nothing more can arrive once every delivery is finished and every attempt that could have read one while it was
        // still pending (each holds its transaction for the whole attempt) has ended.
        var deliveries = new List<Guid>();
        foreach (var id in ids)
        {
            deliveries.AddRange((await first.DeliveriesOfDispatchedAsync("programme.created", "programmeId", id)).Select(d => d.Id));
        }

        Assert.Equal(30, (await first.AllFinishedAsync(deliveries, TimeSpan.FromSeconds(30))).Count(d => d.Status == DeliveryStatus.Delivered));
        await first.EarlierTransactionsEndedAsync();

        var ours = receiver.Arrived.Where(w => ids.Any(id => w.IsAbout("programme.created", "programmeId", id))).ToList();
        Assert.Equal(30, ours.Select(w => w.Id).Distinct().Count());
        Assert.Equal(30, ours.Count);
        Assert.Equal(1, receiver.MaxInFlightPerId);
        Assert.NotEmpty(received);
    }
}
