using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TrainingApi.Common.Events;
using TrainingApi.Common.Security;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Common;

/// <summary>
/// The committed contract (api-spec/openapi.json) is what partners generate clients from: it must be exactly
/// what the API serves. Regenerate it with
/// `dotnet run --project src/TrainingApi -- openapi`.
/// </summary>
public sealed class OpenApiContractTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly HttpClient client = api.ClientAs(Roles.ProgrammeTeam);

    [Fact]
    public async Task The_served_document_equals_the_committed_one()
    {
        var served = JsonNode.Parse(await client.GetStringAsync("/swagger/v1/swagger.json"));
        var committed = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(RepositoryRoot(), "api-spec", "openapi.json")));

        Assert.True(JsonNode.DeepEquals(served, committed),
            "api-spec/openapi.json differs from the document the API serves. If the API change is intended, run " +
            "`dotnet run --project src/TrainingApi -- openapi` and commit the result.");
    }

    [Fact]
    public void The_committed_webhook_payload_schemas_are_those_of_the_event_catalogue()
    {
        var expected = EventSchemas.Render(api.Services.GetRequiredService<EventCatalogue>());
        var folder = Path.Combine(RepositoryRoot(), "api-spec", "events");
        var committed = Directory.GetFiles(folder, "*.schema.json").ToDictionary(f => Path.GetFileName(f), File.ReadAllText);

        Assert.Equal(expected.Keys.Order(), committed.Keys.Order());
        Assert.All(expected, schema => Assert.True(
            JsonNode.DeepEquals(JsonNode.Parse(schema.Value), JsonNode.Parse(committed[schema.Key])),
            $"api-spec/events/{schema.Key} is stale: run `dotnet run --project src/TrainingApi -- openapi` and commit."));
    }

    [Fact]
    public void The_committed_document_schemas_are_those_the_api_publishes()
    {
        var schemas = api.Services.GetServices<TrainingApi.Common.OpenApi.DocumentSchema>().ToList();

        Assert.NotEmpty(schemas);
        Assert.All(schemas, schema =>
        {
            var committed = Path.Combine(RepositoryRoot(), "api-spec", schema.Path);
            Assert.True(File.Exists(committed), $"api-spec/{schema.Path} is missing: run `dotnet run --project src/TrainingApi -- openapi` and commit.");
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse(schema.Render()), JsonNode.Parse(File.ReadAllText(committed))),
                $"api-spec/{schema.Path} is stale: run `dotnet run --project src/TrainingApi -- openapi` and commit.");
        });
    }

    [Fact]
    public async Task Every_operation_has_an_id_summary_tag_problem_responses_and_examples()
    {
        var document = JsonNode.Parse(await client.GetStringAsync("/swagger/v1/swagger.json"))!;
        var operations = document["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject().Select(op => (Name: $"{op.Key.ToUpperInvariant()} {path.Key}", Operation: op.Value!)))
            .ToList();

        Assert.NotEmpty(operations);
        Assert.All(operations, op =>
        {
            Assert.False(string.IsNullOrWhiteSpace(op.Operation["operationId"]?.GetValue<string>()), $"{op.Name} has no operationId");
            Assert.False(string.IsNullOrWhiteSpace(op.Operation["summary"]?.GetValue<string>()), $"{op.Name} has no summary");
            Assert.NotEmpty(op.Operation["tags"]!.AsArray());
            var responses = op.Operation["responses"]!.AsObject();
            Assert.Contains(responses, r => r.Key.StartsWith('4'));
            Assert.All(responses.Where(r => r.Value?["content"] is not null), r =>
                Assert.All(r.Value!["content"]!.AsObject().Where(media => media.Value?["schema"]?["format"]?.GetValue<string>() != "binary"), media =>
                    Assert.True(media.Value?["example"] is not null, $"{op.Name} response {r.Key} {media.Key} has no example")));
            if (op.Operation["requestBody"] is { } body)
            {
                // A file sent as the body (an asset upload) is bytes, which no example in the document can be: as for file responses.
                Assert.All(body["content"]!.AsObject().Where(media => media.Value?["schema"]?["format"]?.GetValue<string>() != "binary"), media =>
                    Assert.True(media.Value?["example"] is not null, $"{op.Name} request body has no example"));
            }
        });
    }

    [Fact]
    public async Task Operation_ids_are_unique()
    {
        var document = JsonNode.Parse(await client.GetStringAsync("/swagger/v1/swagger.json"))!;
        var ids = document["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject().Select(op => op.Value!["operationId"]!.GetValue<string>()))
            .ToList();

        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TrainingApi.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("TrainingApi.sln not found above " + AppContext.BaseDirectory);
    }
}
