using System.Net;
using TrainingApi.Common.Security;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Common.Telemetry;

/// <summary><c>/metrics</c>: off by default; when enabled, Prometheus' text with our meters, the HTTP server's and the runtime's.</summary>
public sealed class PrometheusEndpointTests(PrometheusEndpointTests.ScrapedFactory scraped, PrometheusEndpointTests.OwnPortFactory ownPort, ApiFactory plain)
    : IClassFixture<PrometheusEndpointTests.ScrapedFactory>, IClassFixture<PrometheusEndpointTests.OwnPortFactory>, IClassFixture<ApiFactory>
{
    public sealed class ScrapedFactory : ApiFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Telemetry:Prometheus:Enabled"] = "true" };
    }

    /// <summary>Served on a port of its own, which the in-memory server's requests (no port) never reach.</summary>
    public sealed class OwnPortFactory : ApiFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Telemetry:Prometheus:Enabled"] = "true", ["Telemetry:Prometheus:Port"] = "9464",
        };
    }

    [Fact]
    public async Task A_scrape_shows_the_business_http_and_runtime_meters()
    {
        var team = scraped.ClientAs(Roles.ProgrammeTeam);
        for (var i = 0; i < 2; i++)
        {
            var create = new HttpRequestMessage(HttpMethod.Post, "/api/v1/programmes") { Content = HttpExtensions.JsonBody("""{"title":"Program do metryk"}""") };
            (await team.SendAsync(create.WithHeader("Idempotency-Key", "scrape-1"))).EnsureSuccessStatusCode();
        }

        await (await team.PostJsonAsync("/api/v1/programmes", new { title = "" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        var partner = await scraped.PartnerClientAsync(TrainingApi.Features.Consultations.Organisations.SeededOrganisations.Zmp);
        (await partner.GetAsync($"/api/v1/organisations/{TrainingApi.Features.Consultations.Organisations.SeededOrganisations.Zmp}")).EnsureSuccessStatusCode();

        var response = await scraped.CreateClient().GetAsync("/metrics");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("http_server_request_duration_seconds_bucket{", text);
        Assert.Contains("http_response_status_code=\"400\"", text);
        Assert.Contains("dotnet_gc_collections_total", text);
        Assert.Contains("trainingapi_outbox_depth", text);
        Assert.Contains("# TYPE trainingapi_idempotency_replays_total counter", text);
        Assert.Matches(@"(?m)^trainingapi_idempotency_replays_total\{[^}]*\} 1( |$)", text);
    }

    [Fact]
    public async Task The_endpoint_is_off_by_default()
    {
        // Authenticated, so that an unknown path answers 404 rather than the anonymous 401.
        var response = await plain.ClientAs(Roles.ProgrammeTeam).GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task With_a_port_of_its_own_it_is_not_served_on_the_api_port()
    {
        var response = await ownPort.ClientAs(Roles.ProgrammeTeam).GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
