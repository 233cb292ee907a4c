using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using TrainingApi.Common.Idempotency;
using TrainingApi.Common.Security;
using TrainingApi.Common.Webhooks;
using TrainingApi.Features.Consultations.Organisations;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Common.Webhooks;

public sealed class CreateWebhookSubscriptionTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly HttpClient team = api.ClientAs(Roles.ProgrammeTeam);

    [Fact]
    public async Task The_team_subscribes_and_sees_the_secret_once()
    {
        var response = await team.PostJsonAsync("/api/v1/webhook-subscriptions",
            new { url = "http://127.0.0.1:9/hooks", eventTypes = new[] { "programme.created" }, description = "Strona ORE" });

        var created = await response.ShouldBeAsync<CreatedWebhookSubscription>(HttpStatusCode.Created);
        Assert.StartsWith(WebhookSignature.SecretPrefix, created.Secret, StringComparison.Ordinal);
        Assert.Null(created.Subscription.OrganisationId);
        Assert.True(created.Subscription.Active);
        var listed = await team.GetStringAsync("/api/v1/webhook-subscriptions");
        Assert.Contains(created.Subscription.Id.ToString(), listed, StringComparison.Ordinal);
        Assert.DoesNotContain(created.Secret[WebhookSignature.SecretPrefix.Length..], listed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Neither_the_secret_nor_the_replayable_answer_is_stored_in_clear()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/webhook-subscriptions")
        {
            Content = HttpExtensions.JsonBody("""{"url":"http://127.0.0.1:9/hooks","eventTypes":["programme.updated"]}"""),
        };
        request.Headers.Add(IdempotencyMiddleware.Header, Guid.NewGuid().ToString());
        var created = await (await team.SendAsync(request)).ShouldBeAsync<CreatedWebhookSubscription>(HttpStatusCode.Created);
        var secret = created.Secret[WebhookSignature.SecretPrefix.Length..];

        await using var connection = new NpgsqlConnection(api.ConnectionString);
        await connection.OpenAsync();
        foreach (var table in new[] { "platform.webhook_subscriptions", "platform.idempotency_records" })
        {
            await using var command = new NpgsqlCommand($"SELECT coalesce(string_agg(t::text, ' '), '') FROM {table} t", connection);
            var dump = (string)(await command.ExecuteScalarAsync())!;
            Assert.DoesNotContain(secret, dump, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_partner_subscribes_for_its_own_organisation()
    {
        var partner = await api.PartnerClientAsync(SeededOrganisations.Zmp);
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/webhook-subscriptions")
        {
            Content = HttpExtensions.JsonBody("""{"url":"http://127.0.0.1:9/zmp","eventTypes":["api-key.revoked"]}"""),
        };
        request.Headers.Add(IdempotencyMiddleware.Header, Guid.NewGuid().ToString());

        var created = await (await partner.SendAsync(request)).ShouldBeAsync<CreatedWebhookSubscription>(HttpStatusCode.Created);

        Assert.Equal(SeededOrganisations.Zmp, created.Subscription.OrganisationId);
    }

    [Fact]
    public async Task A_partner_without_an_idempotency_key_is_a_400_problem_and_nothing_is_stored()
    {
        var partner = await api.PartnerClientAsync(SeededOrganisations.Zpp);

        var response = await partner.PostJsonAsync("/api/v1/webhook-subscriptions", new { url = "http://127.0.0.1:9/zpp", eventTypes = new[] { "api-key.revoked" } });

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        Assert.NotEmpty(problem.ErrorsFor(IdempotencyMiddleware.Header));
        await using var db = api.Db();
        Assert.False(await db.Context.Set<WebhookSubscription>().AnyAsync(s => s.OrganisationId == SeededOrganisations.Zpp));
    }

    [Fact]
    public async Task A_partner_may_not_subscribe_for_another_organisation()
    {
        var partner = await api.PartnerClientAsync(SeededOrganisations.Ump);
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/webhook-subscriptions")
        {
            Content = HttpExtensions.JsonBody($$"""{"url":"http://127.0.0.1:9/x","eventTypes":["api-key.revoked"],"organisationId":"{{SeededOrganisations.Zmp}}"}"""),
        };
        request.Headers.Add(IdempotencyMiddleware.Header, Guid.NewGuid().ToString());

        var problem = await (await partner.SendAsync(request)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");

        Assert.NotEmpty(problem.ErrorsFor("organisationId"));
    }

    [Theory]
    [InlineData("""{"url":"http://127.0.0.1:9/h","eventTypes":["no.such-event"]}""", "eventTypes")]
    [InlineData("""{"url":"http://127.0.0.1:9/h","eventTypes":[]}""", "eventTypes")]
    [InlineData("""{"url":"http://127.0.0.1:9/h","eventTypes":["programme.created","programme.created"]}""", "eventTypes")]
    [InlineData("""{"url":"ftp://example.org/h","eventTypes":["programme.created"]}""", "url")]
    [InlineData("""{"url":"https://user:pass@example.org/h","eventTypes":["programme.created"]}""", "url")]
    [InlineData("""{"url":"not a url","eventTypes":["programme.created"]}""", "url")]
    public async Task Invalid_subscriptions_are_400_problems(string body, string field)
    {
        var response = await team.PostAsync("/api/v1/webhook-subscriptions", HttpExtensions.JsonBody(body));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        Assert.NotEmpty(problem.ErrorsFor(field));
    }

    [Fact]
    public async Task An_unknown_organisation_is_a_422_problem()
    {
        var response = await team.PostJsonAsync("/api/v1/webhook-subscriptions",
            new { url = "http://127.0.0.1:9/h", eventTypes = new[] { "programme.created" }, organisationId = Guid.NewGuid() });

        await response.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "unprocessable-content");
    }

    [Fact]
    public async Task Experts_may_not_subscribe()
    {
        var response = await api.ClientAs(Roles.Expert).PostJsonAsync("/api/v1/webhook-subscriptions",
            new { url = "http://127.0.0.1:9/h", eventTypes = new[] { "programme.created" } });

        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }
}

/// <summary>Outside Development: only https, and never loopback or private addresses.</summary>
public sealed class CreateWebhookSubscriptionUrlPolicyTests(CreateWebhookSubscriptionUrlPolicyTests.StrictUrlsFactory api)
    : IClassFixture<CreateWebhookSubscriptionUrlPolicyTests.StrictUrlsFactory>
{
    [Theory]
    [InlineData("http://uwagi.zmp.poznan.pl/hooks")]
    [InlineData("https://127.0.0.1/hooks")]
    [InlineData("https://localhost/hooks")]
    [InlineData("https://10.1.2.3/hooks")]
    [InlineData("https://192.168.0.10/hooks")]
    [InlineData("https://169.254.169.254/latest/meta-data")]
    [InlineData("https://[::1]/hooks")]
    public async Task Insecure_or_internal_urls_are_refused(string url)
    {
        var response = await api.ClientAs(Roles.ProgrammeTeam).PostJsonAsync("/api/v1/webhook-subscriptions", new { url, eventTypes = new[] { "programme.created" } });

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        Assert.NotEmpty(problem.ErrorsFor("url"));
    }

    [Fact]
    public async Task A_public_https_url_is_accepted()
    {
        var response = await api.ClientAs(Roles.ProgrammeTeam).PostJsonAsync("/api/v1/webhook-subscriptions",
            new { url = "https://uwagi.zmp.poznan.pl/hooks", eventTypes = new[] { "programme.created" } });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    public sealed class StrictUrlsFactory : ApiFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Webhooks:AllowInsecureUrls"] = "false" };

        // No real DNS in tests: the receiver's name resolves to a public address.
        protected override void ConfigureServices(IServiceCollection services)
        {
            var resolver = new FakeHostResolver();
            resolver.Set("uwagi.zmp.poznan.pl", "150.254.1.1");
            services.AddSingleton<IWebhookHostResolver>(resolver);
        }
    }
}
