using System.Net;
using TrainingApi.Common.Security;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Common;

public sealed class DatabaseUnavailableTests(DatabaseUnavailableTests.UnreachableDatabaseFactory api)
    : IClassFixture<DatabaseUnavailableTests.UnreachableDatabaseFactory>
{
    private readonly HttpClient client = api.ClientAs(Roles.ProgrammeTeam);

    [Fact]
    public async Task A_request_that_needs_the_database_is_a_503_problem_with_retry_after()
    {
        var response = await client.GetAsync("/api/v1/programmes");

        await response.ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable, "service-unavailable");
        Assert.NotNull(response.Headers.RetryAfter?.Delta);
    }

    [Fact]
    public async Task Ready_answers_503_and_live_still_answers_200()
    {
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/health/ready")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
    }

    /// <summary>Points the API at a port nothing listens on, with no retries so the test is quick.</summary>
    public sealed class UnreachableDatabaseFactory : ApiFactory
    {
        public override Task InitializeAsync() => Task.CompletedTask;

        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["ConnectionStrings:TrainingDb"] = "Host=127.0.0.1;Port=1;Username=postgres;Database=none;Timeout=2",
            ["Database:MaxRetryCount"] = "0",
        };
    }
}
