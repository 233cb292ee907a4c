using System.Net;
using TrainingApi.Common.Http;
using TrainingApi.Common.Security;
using TrainingApi.Common.Webhooks;
using TrainingApi.Features.MaterialsHandover.Handovers;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Features.MaterialsHandover.Handovers;

/// <summary>
/// The Ministry subscribes to the events meant for it and hears when a release it was handed is superseded and when a
/// legal act the release cites is amended; the handover record shows what superseded it.
/// </summary>
public sealed class HandoverSupersessionTests(WebhookFactory api) : IClassFixture<WebhookFactory>
{
    private readonly HandoverSteps steps = new(api);

    [Fact]
    public async Task The_ministry_is_told_of_a_handover_its_supersession_and_an_amendment_and_the_record_shows_superseded_by()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var ministry = api.ClientAs(Roles.Ministry);
        var subscription = await (await ministry.PostJsonAsync("/api/v1/webhook-subscriptions", new
        {
            url = receiver.Url, eventTypes = new[] { "handover.recorded", "handover.superseded", "release.superseded", "adopted-release.affected" },
        })).ShouldBeAsync<CreatedWebhookSubscription>(HttpStatusCode.Created);
        var (version, actId, _) = await steps.TestedVersionAsync();
        var first = await steps.PublishAsync((await steps.DraftAsync(version.Id, "2.0.0")).Id);
        var handover = await (await steps.Team.PostJsonAsync($"/api/v1/releases/{first.Id}/handovers", new { handedOverOn = "2025-01-20" }))
            .ShouldBeAsync<HandoverView>(HttpStatusCode.Created);
        (await api.ClientAs(Roles.JstCoordinator, teryt: "1061").PostJsonAsync($"/api/v1/releases/{first.Id}/adoptions", new
        {
            project = "Cyfrowa szkoła", call = "Konkurs MEN 2025", contact = new { name = "Anna Nowak", email = "anna@uml.example.pl" },
        })).EnsureSuccessStatusCode();

        (await steps.Team.PostJsonAsync($"/api/v1/legal-acts/{actId}/amendments", new { amendingCitation = "Dz.U. 2025 poz. 7", amendedOn = "2025-02-01" })).EnsureSuccessStatusCode();
        var second = await steps.PublishAsync((await steps.DraftAsync(version.Id, "2.1.0")).Id);

        await receiver.WaitUntilAsync(r => r.Count >= 5);
        var received = receiver.Received.ToList();
        Assert.All(received, w => Assert.True(WebhookAssertions.SignatureVerifies(subscription.Secret, w)));
        Assert.Contains(received, w => w.IsAbout("handover.recorded", "handoverId", handover.Id));
        Assert.Contains(received, w => w.IsAbout("release.superseded", "releaseId", first.Id));
        Assert.Contains(received, w => w.IsAbout("handover.superseded", "handoverId", handover.Id) && w.DataString("newSemanticVersion") == "2.1.0");
        Assert.Contains(received, w => w.IsAbout("adopted-release.affected", "reason", "legal-act-amended"));
        Assert.Contains(received, w => w.IsAbout("adopted-release.affected", "reason", "superseded"));
        Assert.DoesNotContain(received, w => w.Body.Contains("anna@uml.example.pl", StringComparison.Ordinal));
        var listed = await (await ministry.GetAsync("/api/v1/handovers")).ShouldBeAsync<Page<HandoverView>>(HttpStatusCode.OK);
        var record = Assert.Single(listed.Items, h => h.Id == handover.Id);
        Assert.Equal((second.Id, "2.1.0"), (record.SupersededBy!.ReleaseId, record.SupersededBy.SemanticVersion));
    }

    [Fact]
    public async Task The_ministry_may_not_subscribe_to_other_events_nor_see_others_subscriptions()
    {
        var ministry = api.ClientAs(Roles.Ministry);
        var team = await (await api.ClientAs(Roles.ProgrammeTeam).PostJsonAsync("/api/v1/webhook-subscriptions",
            new { url = "http://127.0.0.1:9/ore", eventTypes = new[] { "programme.created" } })).ShouldBeAsync<CreatedWebhookSubscription>(HttpStatusCode.Created);

        var refused = await ministry.PostJsonAsync("/api/v1/webhook-subscriptions", new { url = "http://127.0.0.1:9/men", eventTypes = new[] { "handover.recorded", "comment.disposed" } });
        var own = await (await ministry.PostJsonAsync("/api/v1/webhook-subscriptions", new { url = "http://127.0.0.1:9/men", eventTypes = new[] { "handover.recorded" } }))
            .ShouldBeAsync<CreatedWebhookSubscription>(HttpStatusCode.Created);
        var listed = await (await ministry.GetAsync("/api/v1/webhook-subscriptions")).ShouldBeAsync<Page<WebhookSubscriptionView>>(HttpStatusCode.OK);

        Assert.NotEmpty((await refused.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed")).ErrorsFor("eventTypes"));
        Assert.Contains(listed.Items, s => s.Id == own.Subscription.Id);
        Assert.DoesNotContain(listed.Items, s => s.Id == team.Subscription.Id);
        await (await ministry.GetAsync($"/api/v1/webhook-subscriptions/{team.Subscription.Id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
    }
}
