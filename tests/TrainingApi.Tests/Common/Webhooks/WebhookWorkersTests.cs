using System.Net;
using TrainingApi.Common.Security;
using TrainingApi.Features.Curriculum;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Common.Webhooks;

/// <summary>Two API instances on one database, both running workers, as behind a load balancer.</summary>
public sealed class WebhookWorkersTests(WebhookWorkersTests.PatientWebhookFactory first) : IClassFixture<WebhookWorkersTests.PatientWebhookFactory>
{
    /// <summary>
    /// Exactly once holds while every attempt gets its answer: a generous time-out, so that a loaded machine does not turn a
    /// 150 ms answer into a timed-out attempt that is rightly sent again.
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
        // Slow answers keep each delivery open long enough for the other instance to try to take it.
        receiver.Answer = (_, _) => new ReceiverAnswer(204, Delay: TimeSpan.FromMilliseconds(150));
        await first.SubscribeAsync(receiver, "programme.created");

        var expert = first.ClientAs(Roles.Expert);
        var ids = new List<Guid>();
        for (var i = 0; i < 30; i++)
        {
            var client = i % 2 == 0 ? expert : second.ClientAs(Roles.Expert);
            ids.Add((await (await client.PostJsonAsync("/api/v1/programmes", new { title = $"Zdarzenie {i}" })).ShouldBeAsync<ProgrammeView>(HttpStatusCode.Created)).Id);
        }

        var received = await receiver.WaitUntilAsync(r => ids.All(id => r.Any(w => w.IsAbout("programme.created", "programmeId", id))), TimeSpan.FromSeconds(30));
        await Task.Delay(500);

        var ours = receiver.Arrived.Where(w => ids.Any(id => w.IsAbout("programme.created", "programmeId", id))).ToList();
        Assert.Equal(30, ours.Select(w => w.Id).Distinct().Count());
        Assert.Equal(30, ours.Count);
        Assert.Equal(1, receiver.MaxInFlightPerId);
        Assert.NotEmpty(received);
    }
}
