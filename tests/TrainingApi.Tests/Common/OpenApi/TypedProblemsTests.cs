using System.Net;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Problems;
using TrainingApi.Common.Security;
using TrainingApi.Features.Consultations.Organisations;
using TrainingApi.Tests.Features.Consultations;
using TrainingApi.Tests.Infrastructure;
using TrainingApi.Tests.Infrastructure.Contract;

namespace TrainingApi.Tests.Common.OpenApi;

/// <summary>
/// A refusal with members beyond the standard ones is a <see cref="ProblemShape"/> declared beside the code that throws it; the
/// contract has its schema, generated from the members record, and the operations that answer it name it on that status. Here:
/// every shape of the assembly is in the contract with every member it sends, and refusals provoked over HTTP validate against
/// the schema their operation declares for their code.
/// </summary>
public sealed class TypedProblemsTests(ConsultationsFactory api) : IClassFixture<ConsultationsFactory>
{
    private readonly ConsultationSteps consultations = new(api);

    /// <summary>Every static ProblemShape field of the API: the only way a refusal carries further members (Problem takes none).</summary>
    private static List<ProblemShape> Shapes() =>
        [.. typeof(ProblemShape).Assembly.GetTypes()
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static))
            .Where(f => typeof(ProblemShape).IsAssignableFrom(f.FieldType))
            .Select(f => (ProblemShape)f.GetValue(null)!)];

    [Fact]
    public async Task Every_typed_refusal_has_its_schema_with_every_member_it_sends_and_an_operation_that_declares_it()
    {
        var document = await DocumentAsync();
        var schemas = document["components"]!["schemas"]!.AsObject();
        var mapping = schemas["ProblemDetails"]!["discriminator"]!["mapping"]!.AsObject();
        var declared = Operations(document)
            .SelectMany(op => op.Responses.SelectMany(r => (r.Response["x-typed-problems"]?.AsObject() ?? []).Select(t => t.Key)))
            .ToHashSet();
        var shapes = Shapes();

        Assert.True(shapes.Count >= 20, $"only {shapes.Count} typed refusals found");
        Assert.Equal(shapes.Count, shapes.Select(s => s.Code).Distinct().Count());
        Assert.All(shapes, shape =>
        {
            var schema = schemas[shape.SchemaId];
            Assert.True(schema is not null, $"{shape.Code}: no {shape.SchemaId} in components");
            Assert.Equal("#/components/schemas/ProblemDetails", schema["allOf"]![0]!["$ref"]!.GetValue<string>());
            var own = schema["allOf"]![1]!;
            Assert.Equal(shape.Code, own["properties"]!["code"]!["const"]!.GetValue<string>());
            var members = shape.MembersType.GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name)).ToList();
            var required = own["required"]!.AsArray().Select(n => n!.GetValue<string>()).ToHashSet();
            Assert.All(members, member =>
            {
                Assert.True(own["properties"]![member] is not null, $"{shape.Code} sends {member}, which {shape.SchemaId} does not describe");
                Assert.True(required.Contains(member) == shape.MembersAlwaysSent, $"{shape.Code}: {member} required is not {shape.MembersAlwaysSent}");
            });
            Assert.Equal(members.Append("code").Order(), own["properties"]!.AsObject().Select(p => p.Key).Order());
            Assert.Equal("#/components/schemas/" + shape.SchemaId, mapping[shape.Code]?.GetValue<string>());
            Assert.True(declared.Contains(shape.Code), $"no operation declares {shape.Code}");
        });
        Assert.Equal(shapes.Select(s => s.Code).Order(), mapping.Select(m => m.Key).Order());
    }

    [Fact]
    public void Every_endpoint_declares_its_typed_problems_on_a_client_error_status()
    {
        var declarations = api.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .SelectMany(e => e.Metadata.OfType<TypedProblemMetadata>())
            .ToList();

        Assert.NotEmpty(declarations);
        Assert.All(declarations, d => Assert.InRange(d.StatusCode, 400, 499));
    }

    [Fact]
    public async Task Refusals_sent_over_HTTP_validate_against_the_schema_their_operation_declares_for_their_code()
    {
        var document = await DocumentAsync();
        var round = await consultations.OpenRoundAsync(days: 10);
        var submission = await consultations.TeamSubmitsAsync(round.Id, SeededOrganisations.Zmp, ConsultationSteps.Comment(), ConsultationSteps.Comment("modul-1"));
        var first = submission.Comments[0];

        var refusals = new List<(string Operation, HttpResponseMessage Response)>
        {
            ("SubmitConsultationComments", await consultations.Team.SendAsync(ConsultationSteps.Submission(round.Id, new
            {
                organisationId = SeededOrganisations.Zmp,
                comments = new[] { ConsultationSteps.Comment("modul-1"), ConsultationSteps.Comment("nie-ma-takiej"), ConsultationSteps.Comment("ani-takiej") },
            }, Guid.NewGuid().ToString()))),
            ("DisposeConsultationComments", await consultations.Expert.PostJsonAsync($"/api/v1/consultation-rounds/{round.Id}/dispositions", new
            {
                items = new[] { new { commentId = first.Id, ifMatch = "\"1\"", disposition = "accepted", response = "Uwzględniono." } },
            })),
            ("DisposeConsultationComments", await consultations.Expert.PostJsonAsync($"/api/v1/consultation-rounds/{round.Id}/dispositions", new
            {
                items = new[] { new { commentId = Guid.NewGuid(), ifMatch = "*", disposition = "accepted", response = "Uwzględniono." } },
            })),
        };
        api.Clock.Now = round.ClosesAt.AddMinutes(1);
        refusals.Add(("SubmitConsultationComments", await consultations.Team.SendAsync(ConsultationSteps.Submission(round.Id,
            new { organisationId = SeededOrganisations.Zmp, comments = new[] { ConsultationSteps.Comment() } }, Guid.NewGuid().ToString()))));

        var codes = new List<string>();
        foreach (var (operationId, response) in refusals)
        {
            var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            var code = body["code"]?.GetValue<string>();
            Assert.True(code is not null, $"{operationId} {(int)response.StatusCode}: no code in {body.ToJsonString()}");
            codes.Add(code);

            var operation = Assert.Single(Operations(document), op => op.Id == operationId);
            var declared = operation.Node["responses"]?[((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture)];
            var typed = declared?["x-typed-problems"]?[code]?["$ref"]?.GetValue<string>();
            Assert.True(typed is not null, $"{operationId} does not declare {code} on {(int)response.StatusCode}");
            AssertValid(document, typed, body, $"{operationId} {code}");
            AssertValid(document, declared!["content"]!["application/problem+json"]!["schema"]!["$ref"]!.GetValue<string>(), body, $"{operationId} {code}");
        }

        Assert.Equal(["unknown-anchor", "stale-items", "unknown-comments", "round-not-open"], codes);
    }

    private static void AssertValid(JsonNode document, string reference, JsonNode instance, string where)
    {
        var errors = new ContractSchemas(document).Errors(where + " " + reference, new JsonObject { ["$ref"] = reference },
            JsonDocument.Parse(instance.ToJsonString()).RootElement);
        Assert.True(errors.Count == 0, $"{where} does not validate against {reference}: {string.Join("; ", errors.Take(5))}\n{instance.ToJsonString()}");
    }

    private sealed record Operation(string Id, JsonNode Node)
    {
        public IEnumerable<(string Status, JsonNode Response)> Responses => Node["responses"]!.AsObject().Select(r => (r.Key, r.Value!));
    }

    private static IEnumerable<Operation> Operations(JsonNode document) =>
        document["paths"]!.AsObject().SelectMany(path => path.Value!.AsObject().Select(op => new Operation(op.Value!["operationId"]!.GetValue<string>(), op.Value!)));

    private async Task<JsonNode> DocumentAsync() =>
        JsonNode.Parse(await api.ClientAs(Roles.ProgrammeTeam).GetStringAsync("/swagger/v1/swagger.json"))!;
}
