using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using TrainingApi.Common.Security;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Common.Http;

/// <summary>Swagger UI is for people trying the API; in Production it is off unless turned on, while the document stays.</summary>
public sealed class SwaggerUiTests
{
    private const string Ui = "/swagger/index.html";
    private const string Document = "/swagger/v1/swagger.json";

    public sealed class InProduction(ProductionFactory api) : IClassFixture<ProductionFactory>
    {
        [Fact]
        public async Task The_ui_is_not_found_even_for_a_signed_in_caller()
        {
            var client = api.ClientAs(Roles.ProgrammeTeam);

            await (await client.GetAsync(Ui)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
            await (await client.GetAsync("/swagger")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        }

        [Fact]
        public async Task An_anonymous_caller_gets_no_ui_either()
        {
            var response = await api.CreateClient().GetAsync(Ui);

            Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }

        [Fact]
        public async Task The_document_is_still_served_to_anyone()
        {
            await AssertDocumentAsync(api.CreateClient());
        }
    }

    public sealed class InProductionTurnedOn(ProductionWithUiFactory api) : IClassFixture<ProductionWithUiFactory>
    {
        [Fact]
        public async Task The_ui_is_served()
        {
            await AssertUiAsync(api.CreateClient());
            await AssertDocumentAsync(api.CreateClient());
        }
    }

    public sealed class OutsideProduction(ApiFactory api) : IClassFixture<ApiFactory>
    {
        [Fact]
        public async Task The_ui_is_served_by_default()
        {
            await AssertUiAsync(api.CreateClient());
        }
    }

    private static async Task AssertUiAsync(HttpClient client)
    {
        var response = await client.GetAsync(Ui);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("swagger-ui", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static async Task AssertDocumentAsync(HttpClient client)
    {
        var response = await client.GetAsync(Document);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("TrainingApi", document.GetProperty("info").GetProperty("title").GetString());
    }

    /// <summary>
    /// The app as in Production. Tokens are still the development-key ones (no Auth:Authority), which Production
    /// accepts today only because a signing key is configured.
    /// </summary>
    public class ProductionFactory : ApiFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Production");
        }
    }

    public sealed class ProductionWithUiFactory : ProductionFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["OpenApi:SwaggerUi"] = "true" };
    }
}
