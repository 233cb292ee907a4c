using System.Net;
using System.Text.Json.Nodes;
using TrainingApi.Common.Security;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Common.OpenApi;

/// <summary>Every list's <c>limit</c> states the bounds the server enforces and the default it takes.</summary>
public sealed class PageLimitContractTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Every_limit_states_its_bounds_and_default_and_the_server_holds_to_them()
    {
        var team = api.ClientAs(Roles.ProgrammeTeam);
        var document = JsonNode.Parse(await team.GetStringAsync("/swagger/v1/swagger.json"))!;
        var limits = document["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject().Select(operation => (Path: path.Key, Operation: operation.Value!)))
            .SelectMany(o => (o.Operation["parameters"]?.AsArray() ?? []).Where(p => p!["name"]!.GetValue<string>() == "limit").Select(p => (o.Path, Schema: p!["schema"]!)))
            .ToList();

        Assert.True(limits.Count >= 29, $"only {limits.Count} lists take a limit");
        Assert.All(limits, l =>
        {
            Assert.True(l.Schema["minimum"]?.GetValue<int>() == 1, $"{l.Path}: minimum");
            Assert.True(l.Schema["maximum"]?.GetValue<int>() == 100, $"{l.Path}: maximum");
            Assert.True(l.Schema["default"]?.GetValue<int>() == 20, $"{l.Path}: default");
        });
        foreach (var outside in new[] { 0, 101 })
        {
            var problem = await (await team.GetAsync($"/api/v1/programmes?limit={outside}")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
            Assert.NotEmpty(problem.ErrorsFor("limit"));
        }
    }
}
