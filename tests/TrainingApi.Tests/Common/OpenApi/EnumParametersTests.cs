using System.Net;
using System.Text.Json.Nodes;
using TrainingApi.Common.Security;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Common.OpenApi;

/// <summary>Parameters read as kebab-case enums declare their values, and the server takes exactly those.</summary>
public sealed class EnumParametersTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static readonly string[] ConstrainedNames = ["status", "kind", "format", "disposition", "stage"];

    [Fact]
    public async Task Every_status_kind_format_disposition_or_stage_parameter_lists_its_values()
    {
        var document = JsonNode.Parse(await api.ClientAs(Roles.ProgrammeTeam).GetStringAsync("/swagger/v1/swagger.json"))!;
        var parameters = document["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject().SelectMany(op => (op.Value!["parameters"]?.AsArray() ?? [])
                .Select(p => (Operation: op.Value!["operationId"]!.GetValue<string>(), Parameter: p!))))
            .Where(x => ConstrainedNames.Contains(x.Parameter["name"]!.GetValue<string>()) && x.Parameter["in"]!.GetValue<string>() is "query" or "path")
            .ToList();

        Assert.NotEmpty(parameters);
        Assert.All(parameters, x => Assert.True(x.Parameter["schema"]?["enum"] is JsonArray { Count: > 0 },
            $"{x.Operation}: '{x.Parameter["name"]}' declares no enum"));
        var file = parameters.Single(x => x.Operation == "GetCatalogueFile").Parameter["schema"]!["enum"]!.AsArray().Select(v => v!.GetValue<string>());
        Assert.Equal(["json", "zip", "imscc", "docx"], file);
    }

    [Fact]
    public async Task A_value_outside_the_list_is_a_validation_problem_naming_the_parameter()
    {
        var response = await api.ClientAs(Roles.ProgrammeTeam).GetAsync("/api/v1/jst?kind=miasto");

        Assert.NotEmpty((await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed")).ErrorsFor("kind"));
    }
}
