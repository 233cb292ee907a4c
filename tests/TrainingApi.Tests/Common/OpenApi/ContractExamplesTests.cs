using System.Text.Json;
using System.Text.Json.Nodes;
using TrainingApi.Common.Security;
using TrainingApi.Tests.Infrastructure;
using TrainingApi.Tests.Infrastructure.Contract;

namespace TrainingApi.Tests.Common.OpenApi;

/// <summary>
/// Every example in the served contract validates against its own schema, so the schemas say what the server sends
/// (nullability, required members, formats, bounds) as far as the examples show it. OpenAPI 3.1 schemas are JSON Schema
/// 2020-12 (<see cref="ContractSchemas"/>).
/// </summary>
public sealed class ContractExamplesTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly HttpClient client = api.ClientAs(Roles.ProgrammeTeam);

    [Fact]
    public async Task Every_example_validates_against_its_schema()
    {
        var document = JsonNode.Parse(await client.GetStringAsync("/swagger/v1/swagger.json"))!;
        var schemas = new ContractSchemas(document);
        var examples = Examples(document).ToList();
        Assert.NotEmpty(examples);
        var failures = new List<string>();
        foreach (var (where, schema, example) in examples)
        {
            var errors = schemas.Errors(where, schema, JsonDocument.Parse(example?.ToJsonString() ?? "null").RootElement);
            if (errors.Count > 0)
            {
                failures.Add($"{where}: {string.Join("; ", errors.Take(5))}");
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {examples.Count} examples do not validate:\n" + string.Join("\n", failures));
    }

    [Fact]
    public async Task Every_object_schema_says_what_it_requires()
    {
        var document = JsonNode.Parse(await client.GetStringAsync("/swagger/v1/swagger.json"))!;
        var schemas = document["components"]!["schemas"]!.AsObject();

        // Answers: every member written is required. Problems: type, title, status, instance, code and traceId always.
        Assert.Equal(["anchor", "content", "disposedAt", "disposition", "duplicateOf", "etag", "id", "justification", "memberJst", "memberJstName",
            "organisationId", "position", "proposedChange", "quote", "response", "roundId", "status", "submissionId", "submittedAt", "takenIntoVersion",
            "updatedAt"],
            schemas["CommentView"]!["required"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Equal(["code", "instance", "status", "title", "traceId", "type"], schemas["ProblemDetails"]!["required"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Equal("string", schemas["ProblemDetails"]!["properties"]!["traceId"]!["type"]!.GetValue<string>());

        // A nullable record or enum is "the reference or null" (oneOf, the form every generator reads); a non-nullable one
        // stays a plain reference; a nullable value admits null in its type.
        var disposition = schemas["CommentView"]!["properties"]!["disposition"]!;
        Assert.Equal(["#/components/schemas/Disposition", null], disposition["oneOf"]!.AsArray().Select(s => s?["$ref"]?.GetValue<string>()));
        Assert.Equal("null", disposition["oneOf"]![1]!["type"]!.GetValue<string>());
        Assert.Null(disposition["anyOf"]);
        Assert.NotNull(schemas["CommentView"]!["properties"]!["status"]!["$ref"]);
        Assert.Equal(["null", "string"], schemas["CommentView"]!["properties"]!["response"]!["type"]!.AsArray().Select(t => t!.GetValue<string>()).Order());

        // Requests: what the record and its validator require, with the validator's bounds; an empty body is refused.
        var create = schemas["CreateProgrammeRequest"]!;
        Assert.Equal(["title"], create["required"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Equal(1, create["properties"]!["title"]!["minLength"]!.GetValue<int>());
        Assert.Equal(300, create["properties"]!["title"]!["maxLength"]!.GetValue<int>());
        Assert.Equal("email", schemas["RegisterAdvisorRequest"]!["properties"]!["email"]!["format"]!.GetValue<string>());
    }

    private static IEnumerable<(string Where, JsonNode Schema, JsonNode? Example)> Examples(JsonNode document)
    {
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                var name = $"{method.ToUpperInvariant()} {path}";
                foreach (var (media, content) in Media(operation!["requestBody"]?["content"]))
                {
                    foreach (var example in ExamplesOf(content))
                    {
                        yield return ($"{name} request {media}", content["schema"]!, example);
                    }
                }

                foreach (var (status, response) in operation!["responses"]!.AsObject())
                {
                    foreach (var (media, content) in Media(response?["content"]))
                    {
                        foreach (var example in ExamplesOf(content))
                        {
                            yield return ($"{name} {status} {media}", content["schema"]!, example);
                        }
                    }
                }
            }
        }
    }

    private static IEnumerable<(string Media, JsonNode Content)> Media(JsonNode? content) =>
        content is null ? [] : content.AsObject().Where(m => m.Value?["schema"] is not null).Select(m => (m.Key, m.Value!));

    private static IEnumerable<JsonNode?> ExamplesOf(JsonNode content)
    {
        if (content.AsObject().TryGetPropertyValue("example", out var example))
        {
            yield return example;
        }

        foreach (var (_, named) in content["examples"]?.AsObject() ?? [])
        {
            yield return named?["value"];
        }
    }
}
