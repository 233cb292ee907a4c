using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using TrainingApi.Common.Security;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Common.Http;

/// <summary>HTTPS redirection and HSTS are off unless configured (a TLS-terminating proxy needs forwarded headers first).</summary>
public sealed class HttpsTests
{
    private const string Url = "/api/v1/jst?code=1465";

    public sealed class ByDefault(ApiFactory api) : IClassFixture<ApiFactory>
    {
        [Fact]
        public async Task Plain_http_is_served_and_no_hsts_is_sent()
        {
            var http = await Client(api, "http://api.example").GetAsync(Url);
            var https = await Client(api, "https://api.example").GetAsync(Url);

            Assert.Equal(HttpStatusCode.OK, http.StatusCode);
            Assert.Equal(HttpStatusCode.OK, https.StatusCode);
            Assert.False(https.Headers.Contains("Strict-Transport-Security"));
        }
    }

    public sealed class Configured(Configured.Factory api) : IClassFixture<Configured.Factory>
    {
        [Fact]
        public async Task Plain_http_is_redirected_to_https_keeping_the_method()
        {
            // Twice: the https read keeps the answer in memory, and plain http must still be redirected, not answered from there.
            await Client(api, "https://api.example").GetAsync(Url);
            var response = await Client(api, "http://api.example").GetAsync(Url);

            Assert.Equal(HttpStatusCode.TemporaryRedirect, response.StatusCode);
            Assert.Equal(new Uri("https://api.example" + Url), response.Headers.Location);
            Assert.Equal(["nosniff"], response.Headers.GetValues("X-Content-Type-Options"));
        }

        [Fact]
        public async Task Https_responses_carry_hsts_with_the_configured_max_age()
        {
            var response = await Client(api, "https://api.example").GetAsync(Url);
            var fromMemory = await Client(api, "https://api.example").GetAsync(Url);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(["max-age=15552000"], response.Headers.GetValues("Strict-Transport-Security"));
            Assert.Equal(HttpStatusCode.OK, fromMemory.StatusCode);
            Assert.Equal(["max-age=15552000"], fromMemory.Headers.GetValues("Strict-Transport-Security"));
        }

        /// <summary>Errors made from exceptions keep it, although the exception handler clears the headers set before the throw.</summary>
        [Fact]
        public async Task Error_answers_carry_hsts_too()
        {
            var anyone = Client(api, "https://api.example");
            var team = Client(api, "https://api.example");
            team.DefaultRequestHeaders.Authorization = api.ClientAs(Roles.ProgrammeTeam).DefaultRequestHeaders.Authorization;

            var answers = new[]
            {
                await anyone.GetAsync($"/api/v1/catalogue/releases/{Guid.NewGuid()}"),
                await anyone.GetAsync("/api/v1/no-such-thing"),
                await anyone.GetAsync("/api/v1/jst?limit=0"),
                await anyone.GetAsync("/api/v1/programmes"),
                await team.PostAsync("/api/v1/programmes", HttpExtensions.JsonBody("{ not json")),
                await team.PostAsync("/api/v1/programmes", HttpExtensions.JsonBody("\"" + new string('a', 2_000_000) + "\"")),
                await anyone.SendAsync(new HttpRequestMessage(HttpMethod.Get, Url).WithHeader("X-Filler", new string('h', 40 * 1024))),
            };

            foreach (var answer in answers)
            {
                Assert.True((int)answer.StatusCode >= 400, $"{answer.RequestMessage!.RequestUri} gave {(int)answer.StatusCode}");
                Assert.True(answer.Headers.Contains("Strict-Transport-Security"),
                    $"{answer.RequestMessage!.Method} {answer.RequestMessage.RequestUri} ({(int)answer.StatusCode}) has no Strict-Transport-Security");
            }
        }

        public sealed class Factory : ApiFactory
        {
            protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
            {
                ["Https:Redirect"] = "true",
                ["Https:Port"] = "443",
                ["Https:Hsts"] = "true",
                ["Https:HstsMaxAgeDays"] = "180",
            };
        }
    }

    private static HttpClient Client(ApiFactory api, string baseAddress) =>
        api.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri(baseAddress), AllowAutoRedirect = false });
}
