using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingApi.Common.Events;
using TrainingApi.Common.Http;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Security;
using TrainingApi.Common.Security.ApiKeys;
using TrainingApi.Common.Webhooks;
using TrainingApi.Features.Consultations.Organisations;
using TrainingApi.Features.Curriculum;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Common.Webhooks;

/// <summary>Deliveries to a real HTTP receiver on loopback, made by the API's own worker.</summary>
public sealed class WebhookDeliveryTests(WebhookFactory api) : IClassFixture<WebhookFactory>, IAsyncLifetime
{
    private readonly HttpClient team = api.ClientAs(Roles.ProgrammeTeam);
    private WebhookReceiver receiver = null!;

    public async Task InitializeAsync() => receiver = await WebhookReceiver.StartAsync();

    public async Task DisposeAsync() => await receiver.DisposeAsync();

    [Fact]
    public async Task A_delivery_is_signed_so_that_the_documented_verification_accepts_it()
    {
        var (_, secret) = await api.SubscribeAsync(receiver, "programme.created");

        var programme = await CreateProgrammeAsync("Podpisany program");

        var webhook = (await receiver.WaitUntilAsync(r => r.Any(w => w.IsAbout("programme.created", "programmeId", programme.Id))))
            .Single(w => w.IsAbout("programme.created", "programmeId", programme.Id));
        Assert.True(WebhookAssertions.SignatureVerifies(secret, webhook));
        Assert.False(WebhookAssertions.SignatureVerifies(WebhookSignature.NewSecret(), webhook));
        Assert.False(WebhookAssertions.SignatureVerifies(secret, webhook with { Body = webhook.Body.Replace("Podpisany", "Podrobiony", StringComparison.Ordinal) }));
        Assert.InRange(long.Parse(webhook.Timestamp, System.Globalization.CultureInfo.InvariantCulture),
            DateTimeOffset.UtcNow.AddMinutes(-1).ToUnixTimeSeconds(), DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        var payload = webhook.Payload();
        Assert.Equal(1, payload.GetProperty("version").GetInt32());
        Assert.Equal("Podpisany program", payload.GetProperty("data").GetProperty("title").GetString());
        Assert.True(Guid.TryParse(payload.GetProperty("id").GetString(), out _));
    }

    [Fact]
    public async Task A_receiver_answering_500_gets_retries_with_the_same_webhook_id_until_it_accepts()
    {
        var (subscription, _) = await api.SubscribeAsync(receiver, "programme.created");
        receiver.Answer = (_, previous) => new ReceiverAnswer(previous < 2 ? 500 : 200);

        var programme = await CreateProgrammeAsync("Ponawiany program");

        var attempts = (await receiver.WaitUntilAsync(r => r.Count(w => w.IsAbout("programme.created", "programmeId", programme.Id)) >= 3))
            .Where(w => w.IsAbout("programme.created", "programmeId", programme.Id)).ToList();
        Assert.Single(attempts.Select(w => w.Id).Distinct());
        var delivery = await WaitForDeliveryAsync(subscription, Guid.Parse(attempts[0].Id), d => d.Status == DeliveryStatus.Delivered);
        Assert.Equal(3, delivery.Attempts);
        Assert.Equal(200, delivery.LastResponseCode);
    }

    [Fact]
    public async Task A_receiver_answering_410_disables_the_subscription()
    {
        var (subscription, _) = await api.SubscribeAsync(receiver, "programme.created");
        receiver.Answer = (_, _) => new ReceiverAnswer(410);

        var programme = await CreateProgrammeAsync("Odrzucony program");
        var gone = (await receiver.WaitUntilAsync(r => r.Any(w => w.IsAbout("programme.created", "programmeId", programme.Id))))
            .Single(w => w.IsAbout("programme.created", "programmeId", programme.Id));

        var delivery = await WaitForDeliveryAsync(subscription, Guid.Parse(gone.Id), d => d.Status == DeliveryStatus.Failed);
        Assert.Equal(410, delivery.LastResponseCode);
        var view = await (await team.GetAsync($"/api/v1/webhook-subscriptions/{subscription}")).ShouldBeAsync<WebhookSubscriptionView>(HttpStatusCode.OK);
        Assert.False(view.Active);
        Assert.Equal("gone", view.DisabledReason);

        var later = await CreateProgrammeAsync("Program po 410");
        // Once the later event is fanned out, its deliveries are all there are: none to the disabled subscription means none is ever sent.
        var fannedOut = await api.DeliveriesOfDispatchedAsync("programme.created", "programmeId", later.Id);
        Assert.DoesNotContain(fannedOut, d => d.SubscriptionId == subscription);
        Assert.DoesNotContain(receiver.Arrived, w => w.IsAbout("programme.created", "programmeId", later.Id));
    }

    [Fact]
    public async Task A_receiver_answering_429_is_left_alone_for_as_long_as_its_retry_after_says()
    {
        await api.SubscribeAsync(receiver, "programme.created");
        receiver.Answer = (_, previous) => previous == 0 ? new ReceiverAnswer(429, RetryAfter: "2") : new ReceiverAnswer(204);

        var programme = await CreateProgrammeAsync("Program z limitem");

        var attempts = (await receiver.WaitUntilAsync(r => r.Count(w => w.IsAbout("programme.created", "programmeId", programme.Id)) >= 2))
            .Where(w => w.IsAbout("programme.created", "programmeId", programme.Id)).ToList();
        // The schedule alone would retry after 0.2 s; Retry-After asked for 2 s.
        Assert.True(attempts[1].At - attempts[0].At >= TimeSpan.FromSeconds(1.8), $"retried after {(attempts[1].At - attempts[0].At).TotalSeconds:0.00} s");
    }

    [Fact]
    public async Task A_receiver_that_does_not_answer_in_time_gets_the_delivery_again()
    {
        var (subscription, _) = await api.SubscribeAsync(receiver, "programme.created");
        receiver.Answer = (_, previous) => previous == 0 ? new ReceiverAnswer(204, HeldUntil: ReceiverAnswer.Never) : new ReceiverAnswer(204);

        var programme = await CreateProgrammeAsync("Powolny odbiorca");

        var arrivals = (await receiver.WaitUntilArrivedAsync(r => r.Count(w => w.IsAbout("programme.created", "programmeId", programme.Id)) >= 2))
            .Where(w => w.IsAbout("programme.created", "programmeId", programme.Id)).ToList();
        Assert.Equal(arrivals[0].Id, arrivals[1].Id);
        var delivery = await WaitForDeliveryAsync(subscription, Guid.Parse(arrivals[0].Id), d => d.Status == DeliveryStatus.Delivered);
        Assert.Contains("No answer within", (await DeliveriesAsync(subscription)).Single(d => d.Id == delivery.Id).LastError ?? "No answer within", StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_delivery_that_fails_every_attempt_is_given_up_and_can_be_redelivered_by_hand()
    {
        var (subscription, _) = await api.SubscribeAsync(receiver, "programme.created");
        var accept = false;
        receiver.Answer = (_, _) => new ReceiverAnswer(accept ? 204 : 503);

        var programme = await CreateProgrammeAsync("Porzucony program");
        var first = (await receiver.WaitUntilAsync(r => r.Any(w => w.IsAbout("programme.created", "programmeId", programme.Id))))
            .First(w => w.IsAbout("programme.created", "programmeId", programme.Id));
        var failed = await WaitForDeliveryAsync(subscription, Guid.Parse(first.Id), d => d.Status == DeliveryStatus.Failed, TimeSpan.FromSeconds(30));
        Assert.Equal(10, failed.Attempts);

        accept = true;
        var redeliver = await team.PostAsync($"/api/v1/webhook-subscriptions/{subscription}/deliveries/{failed.Id}/redeliver", null);

        Assert.Equal(HttpStatusCode.Accepted, redeliver.StatusCode);
        var progress = await team.GetAsync(redeliver.Headers.Location);
        Assert.Equal(HttpStatusCode.OK, progress.StatusCode);
        Assert.Contains(failed.Id.ToString(), await progress.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var delivered = await WaitForDeliveryAsync(subscription, failed.Id, d => d.Status == DeliveryStatus.Delivered);
        Assert.Equal(1, delivered.Attempts);
        Assert.Equal(11, receiver.For(first.Id).Count);
        await (await team.PostAsync($"/api/v1/webhook-subscriptions/{subscription}/deliveries/{Guid.NewGuid()}/redeliver", null))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task An_event_for_one_organisation_reaches_its_subscriptions_and_the_teams_but_no_other_partner()
    {
        var zmpReceiver = await WebhookReceiver.StartAsync();
        var zppReceiver = await WebhookReceiver.StartAsync();
        await using var zmpDisposal = zmpReceiver;
        await using var zppDisposal = zppReceiver;
        var (teams, _) = await api.SubscribeAsync(receiver, "api-key.issued");
        var zmp = await SubscribeAsPartnerAsync(SeededOrganisations.Zmp, zmpReceiver);
        var zpp = await SubscribeAsPartnerAsync(SeededOrganisations.Zpp, zppReceiver);

        var issued = await (await team.PostJsonAsync($"/api/v1/organisations/{SeededOrganisations.Zmp}/api-keys", new { name = "powiadomienie" }))
            .ShouldBeAsync<IssuedApiKey>(HttpStatusCode.Created);

        // The fan-out decides who is ever sent the event: exactly the team's and ZMP's subscriptions, so never ZPP's.
        var fannedOut = await api.DeliveriesOfDispatchedAsync("api-key.issued", "keyId", issued.Key.Id);
        Assert.Equal(new[] { teams, zmp }.Order(), fannedOut.Select(d => d.SubscriptionId).Order());
        Assert.DoesNotContain(zpp, fannedOut.Select(d => d.SubscriptionId));
        await zmpReceiver.WaitUntilAsync(r => r.Any(w => w.IsAbout("api-key.issued", "keyId", issued.Key.Id)));
        await receiver.WaitUntilAsync(r => r.Any(w => w.IsAbout("api-key.issued", "keyId", issued.Key.Id)));
        Assert.DoesNotContain(zppReceiver.Arrived, w => w.IsAbout("api-key.issued", "keyId", issued.Key.Id));
        Assert.DoesNotContain(issued.Secret, zmpReceiver.Received.Single(w => w.IsAbout("api-key.issued", "keyId", issued.Key.Id)).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_event_written_in_a_rolled_back_transaction_is_never_sent()
    {
        await api.SubscribeAsync(receiver, "programme.created");
        var ghost = Guid.NewGuid();

        await using (var scope = api.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TrainingDb>();
            await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
            {
                await using var transaction = await db.Database.BeginTransactionAsync();
                scope.ServiceProvider.GetRequiredService<EventOutbox>().Publish(new ProgrammeCreated(ghost, "Nigdy nie zapisany"));
                await db.SaveChangesAsync();
                await transaction.RollbackAsync();
            });
        }

        // A rolled-back transaction is final: with no outbox row there is nothing a worker could ever send, now or later.
        Assert.Equal(0, await api.OutboxEventsAboutAsync("programme.created", "programmeId", ghost));
        var control = await CreateProgrammeAsync("Program kontrolny");
        await receiver.WaitUntilAsync(r => r.Any(w => w.IsAbout("programme.created", "programmeId", control.Id)));
        Assert.DoesNotContain(receiver.Arrived, w => w.IsAbout("programme.created", "programmeId", ghost));
    }

    [Fact]
    public async Task Of_concurrent_updates_with_one_etag_only_the_committed_one_is_announced()
    {
        await api.SubscribeAsync(receiver, "programme.updated");
        var created = await team.PostJsonAsync("/api/v1/programmes", new { title = "Wyścig zdarzeń" });
        var programme = await created.ShouldBeAsync<ProgrammeView>(HttpStatusCode.Created);

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
        {
            var put = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/programmes/{programme.Id}") { Content = HttpExtensions.JsonBody($$"""{"title":"Wersja {{i}}"}""") };
            put.Headers.IfMatch.Add(created.Headers.ETag!);
            return team.SendAsync(put);
        }));

        var winner = await responses.Single(r => r.StatusCode == HttpStatusCode.OK).ShouldBeAsync<ProgrammeView>(HttpStatusCode.OK);
        // Every PUT has been answered, so every transaction that could announce an update has ended: one event, and only one, is final.
        Assert.Equal(1, await api.OutboxEventsAboutAsync("programme.updated", "programmeId", programme.Id));
        var fannedOut = await api.DeliveriesOfDispatchedAsync("programme.updated", "programmeId", programme.Id);
        await api.AllFinishedAsync(fannedOut.Select(d => d.Id));
        // No attempt that read the delivery while it was pending is still on its way.
        await api.EarlierTransactionsEndedAsync();
        var about = receiver.Received.Where(w => w.IsAbout("programme.updated", "programmeId", programme.Id)).ToList();
        Assert.Single(about);
        Assert.Equal(winner.Title, about[0].DataString("title"));
    }

    private async Task<ProgrammeView> CreateProgrammeAsync(string title) =>
        await (await api.ClientAs(Roles.Expert).PostJsonAsync("/api/v1/programmes", new { title })).ShouldBeAsync<ProgrammeView>(HttpStatusCode.Created);

    private async Task<Guid> SubscribeAsPartnerAsync(Guid organisation, WebhookReceiver partnerReceiver)
    {
        var partner = await api.PartnerClientAsync(organisation);
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/webhook-subscriptions")
        {
            Content = HttpExtensions.JsonBody($$"""{"url":"{{partnerReceiver.Url}}","eventTypes":["api-key.issued"]}"""),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        var created = await (await partner.SendAsync(request)).ShouldBeAsync<CreatedWebhookSubscription>(HttpStatusCode.Created);
        return created.Subscription.Id;
    }

    private async Task<List<WebhookDeliveryView>> DeliveriesAsync(Guid subscription) =>
        [.. (await (await team.GetAsync($"/api/v1/webhook-subscriptions/{subscription}/deliveries?limit=100"))
            .ShouldBeAsync<Page<WebhookDeliveryView>>(HttpStatusCode.OK)).Items];

    private async Task<WebhookDeliveryView> WaitForDeliveryAsync(Guid subscription, Guid deliveryId, Func<WebhookDeliveryView, bool> condition, TimeSpan? timeout = null) =>
        (await Eventually.ValueAsync($"delivery {deliveryId} to reach the expected state",
            async () => (await DeliveriesAsync(subscription)).SingleOrDefault(d => d.Id == deliveryId),
            delivery => delivery is not null && condition(delivery), timeout))!;
}
