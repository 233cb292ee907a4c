using System.Net;
using TrainingApi.Common.Security;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Common.Problems;

/// <summary>
/// The endpoints' request delegates are generated at compile time; for an optional value-type query parameter that does not
/// parse they answer a bare 400, which must still be a malformed-request problem naming the parameter (as the runtime binding
/// said before). Each case is a different value type.
/// </summary>
public sealed class UnreadableParameterTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly HttpClient team = api.ClientAs(Roles.ProgrammeTeam);

    [Theory]
    [InlineData("/api/v1/programmes?limit=many", "limit", "many")]
    [InlineData("/api/v1/sections-to-review?programmeId=not-a-guid", "programmeId", "not-a-guid")]
    [InlineData("/api/v1/handovers?acknowledged=perhaps", "acknowledged", "perhaps")]
    [InlineData("/api/v1/catalogue/indicators?asOf=yesterday", "asOf", "yesterday")]
    public async Task An_optional_query_value_that_does_not_parse_is_a_400_problem_naming_it(string url, string parameter, string value)
    {
        var response = await team.GetAsync(url);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "malformed-request");
        var detail = problem.GetProperty("detail").GetString()!;
        Assert.StartsWith($"\"{parameter}\" ", detail, StringComparison.Ordinal);
        // Not echoed: the client knows what it sent, and it may be long.
        Assert.DoesNotContain(value, detail, StringComparison.Ordinal);
        Assert.NotEmpty(problem.ErrorsFor(parameter));
        // In the client's words: no .NET type names.
        foreach (var dotnet in new[] { "Int32", "int?", "Guid", "Boolean", "bool?", "DateOnly", "DateTimeOffset", "Failed to bind" })
        {
            Assert.DoesNotContain(dotnet, detail, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("/api/v1/catalogue/adoption-counts?programmeId=x", "programmeId", "UUID")]
    [InlineData("/api/v1/catalogue/releases/latest?programmeId=x", "programmeId", "UUID")]
    [InlineData("/api/v1/programmes?limit=many", "limit", "liczbą całkowitą")]
    public async Task A_malformed_query_value_is_named_in_the_language_asked_for(string url, string parameter, string expected)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url).WithHeader("Accept-Language", expected.Contains('ą') ? "pl" : "en");

        var problem = await (await team.SendAsync(request)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "malformed-request");

        Assert.Contains(expected, problem.ErrorsFor(parameter)[0], StringComparison.Ordinal);
        Assert.DoesNotContain("Guid", problem.GetProperty("detail").GetString()!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_value_that_parses_is_served()
    {
        var response = await team.GetAsync("/api/v1/programmes?limit=5");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
