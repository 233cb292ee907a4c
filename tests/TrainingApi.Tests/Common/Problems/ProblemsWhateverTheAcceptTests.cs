using System.Net;
using TrainingApi.Common.Security;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Common.Problems;

/// <summary>
/// An error is a problem with its own status whatever the Accept header asked for: a client that asked for CSV, a ZIP or HTML
/// still learns why it got none, as <c>application/problem+json</c> (a refused representation never turns a 404 into a 500).
/// </summary>
public sealed class ProblemsWhateverTheAcceptTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    public static TheoryData<string> Accepts => ["text/csv", "application/zip", "text/html", "*/*", "application/xml, text/plain;q=0.5"];

    private static HttpRequestMessage Get(string url, string accept) => new HttpRequestMessage(HttpMethod.Get, url).WithHeader("Accept", accept);

    [Theory]
    [MemberData(nameof(Accepts))]
    public async Task Not_found_stays_404(string accept)
    {
        var anyone = api.CreateClient();

        await (await anyone.SendAsync(Get($"/api/v1/catalogue/releases/{Guid.NewGuid()}/files/zip", accept)))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await anyone.SendAsync(Get($"/api/v1/consultation-rounds/{Guid.NewGuid()}/report?format=csv", accept)))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await api.ClientAs(Roles.ProgrammeTeam).SendAsync(Get("/api/v1/no-such-thing", accept))).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
    }

    [Theory]
    [MemberData(nameof(Accepts))]
    public async Task Unauthenticated_stays_401_with_its_challenge(string accept)
    {
        var response = await api.CreateClient().SendAsync(Get("/api/v1/programmes", accept));

        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
        Assert.Contains("Bearer", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Accepts))]
    public async Task Forbidden_stays_403(string accept)
    {
        var expert = api.ClientAs(Roles.Expert);

        await (await expert.SendAsync(Get("/api/v1/audit-entries", accept))).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Theory]
    [MemberData(nameof(Accepts))]
    public async Task Invalid_input_stays_400_naming_the_field(string accept)
    {
        var problem = await (await api.CreateClient().SendAsync(Get("/api/v1/jst?name=lod&limit=0", accept)))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");

        Assert.NotEmpty(problem.ErrorsFor("limit"));
    }

    [Theory]
    [MemberData(nameof(Accepts))]
    public async Task A_wrong_method_stays_405(string accept)
    {
        var request = new HttpRequestMessage(HttpMethod.Delete, "/api/v1/jst").WithHeader("Accept", accept);

        await (await api.ClientAs(Roles.ProgrammeTeam).SendAsync(request)).ShouldBeProblemAsync(HttpStatusCode.MethodNotAllowed, "method-not-allowed");
    }

    /// <summary>The rate limiter's refusal keeps its Retry-After too.</summary>
    public sealed class RateLimited(RateLimited.Factory api) : IClassFixture<RateLimited.Factory>
    {
        [Theory]
        [MemberData(nameof(Accepts), MemberType = typeof(ProblemsWhateverTheAcceptTests))]
        public async Task Too_many_requests_stays_429_with_retry_after(string accept)
        {
            var anyone = api.CreateClient();
            HttpResponseMessage response;
            var sent = 0;
            do
            {
                response = await anyone.SendAsync(Get($"/api/v1/catalogue/releases/{Guid.NewGuid()}", accept));
                sent++;
            }
            while (response.StatusCode != HttpStatusCode.TooManyRequests && sent < 10);

            await response.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests, "too-many-requests");
            Assert.NotNull(response.Headers.RetryAfter);
        }

        public sealed class Factory : ApiFactory
        {
            protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["RateLimits:AnonymousPerMinute"] = "2" };
        }
    }
}
