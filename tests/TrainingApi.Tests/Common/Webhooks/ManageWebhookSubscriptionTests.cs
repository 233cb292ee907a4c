using System.Net;
using System.Net.Http.Headers;
using TrainingApi.Common.Http;
using TrainingApi.Common.Idempotency;
using TrainingApi.Common.Security;
using TrainingApi.Common.Webhooks;
using TrainingApi.Features.Consultations.Organisations;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Common.Webhooks;

/// <summary>Reading, changing and deleting subscriptions, and who may see which.</summary>
public sealed class ManageWebhookSubscriptionTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly HttpClient team = api.ClientAs(Roles.ProgrammeTeam);

    [Fact]
    public async Task A_partner_sees_only_its_organisations_subscriptions_and_another_is_a_404()
    {
        var zmp = await api.PartnerClientAsync(SeededOrganisations.Zmp);
        var zpp = await api.PartnerClientAsync(SeededOrganisations.Zpp);
        var zmpSubscription = await CreateAsync(zmp, "http://127.0.0.1:9/zmp");
        var zppSubscription = await CreateAsync(zpp, "http://127.0.0.1:9/zpp");

        var listed = await (await zmp.GetAsync("/api/v1/webhook-subscriptions")).ShouldBeAsync<Page<WebhookSubscriptionView>>(HttpStatusCode.OK);
        var foreign = await zmp.GetAsync($"/api/v1/webhook-subscriptions/{zppSubscription}");
        var foreignDeliveries = await zmp.GetAsync($"/api/v1/webhook-subscriptions/{zppSubscription}/deliveries");
        var foreignDelete = await zmp.DeleteAsync($"/api/v1/webhook-subscriptions/{zppSubscription}");

        Assert.Equal([zmpSubscription], listed.Items.Select(s => s.Id));
        await foreign.ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        await foreignDeliveries.ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        await foreignDelete.ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        Assert.Equal(HttpStatusCode.OK, (await team.GetAsync($"/api/v1/webhook-subscriptions/{zppSubscription}")).StatusCode);
    }

    [Fact]
    public async Task Pausing_needs_the_current_etag()
    {
        var id = await CreateAsync(team, "http://127.0.0.1:9/pause");
        var read = await team.GetAsync($"/api/v1/webhook-subscriptions/{id}");
        var body = """{"url":"http://127.0.0.1:9/pause","eventTypes":["programme.updated"],"active":false}""";

        var withoutEtag = await team.PutAsync($"/api/v1/webhook-subscriptions/{id}", HttpExtensions.JsonBody(body));
        var paused = await team.SendAsync(Put(id, body, read.Headers.ETag!));
        var stale = await team.SendAsync(Put(id, body, read.Headers.ETag!));

        await withoutEtag.ShouldBeProblemAsync(HttpStatusCode.PreconditionRequired, "precondition-required");
        var view = await paused.ShouldBeAsync<WebhookSubscriptionView>(HttpStatusCode.OK);
        Assert.False(view.Active);
        Assert.Equal("by-owner", view.DisabledReason);
        await stale.ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed, "precondition-failed");
    }

    [Fact]
    public async Task Deleting_removes_the_subscription()
    {
        var id = await CreateAsync(team, "http://127.0.0.1:9/delete");

        var deleted = await team.DeleteAsync($"/api/v1/webhook-subscriptions/{id}");

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        await (await team.GetAsync($"/api/v1/webhook-subscriptions/{id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task The_event_catalogue_lists_every_type_with_its_schema()
    {
        var types = await (await api.ClientAs(Roles.Advisor).GetAsync("/api/v1/event-types"))
            .ShouldBeAsync<List<TrainingApi.Common.Events.ListEventTypes.EventTypeView>>(HttpStatusCode.OK);

        Assert.Contains(types, t => t.Type == "programme.updated" && t.Version == 1 && t.Schema == "api-spec/events/programme.updated.v1.schema.json");
        Assert.Contains(types, t => t.Type == "api-key.revoked");
    }

    private static HttpRequestMessage Put(Guid id, string body, EntityTagHeaderValue etag)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/webhook-subscriptions/{id}") { Content = HttpExtensions.JsonBody(body) };
        request.Headers.IfMatch.Add(etag);
        return request;
    }

    private static async Task<Guid> CreateAsync(HttpClient client, string url)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/webhook-subscriptions")
        {
            Content = HttpExtensions.JsonBody($$"""{"url":"{{url}}","eventTypes":["programme.updated"]}"""),
        };
        request.Headers.Add(IdempotencyMiddleware.Header, Guid.NewGuid().ToString());
        return (await (await client.SendAsync(request)).ShouldBeAsync<CreatedWebhookSubscription>(HttpStatusCode.Created)).Subscription.Id;
    }
}
