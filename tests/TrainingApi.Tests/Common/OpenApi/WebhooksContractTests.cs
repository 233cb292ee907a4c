using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TrainingApi.Common.Events;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Security;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Common.OpenApi;

/// <summary>
/// The contract's <c>webhooks</c> describe every delivery the API makes: one per event type of the catalogue, its body the event's
/// schema as committed under api-spec/events (the same <see cref="EventSchemas.For"/>, so the two cannot drift), the signature headers
/// a receiver checks, and the answers the deliverer acts on.
/// </summary>
public sealed class WebhooksContractTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Every_event_type_is_a_webhook_whose_body_is_its_committed_schema_with_the_signature_headers()
    {
        var document = JsonNode.Parse(await api.ClientAs(Roles.ProgrammeTeam).GetStringAsync("/swagger/v1/swagger.json"))!;
        var catalogue = api.Services.GetRequiredService<EventCatalogue>();
        var webhooks = document["webhooks"]!.AsObject();

        Assert.Equal(catalogue.All.Select(t => t.Type).Order(StringComparer.Ordinal), webhooks.Select(w => w.Key).Order(StringComparer.Ordinal));
        Assert.All(catalogue.All, type =>
        {
            var delivery = webhooks[type.Type]!["post"]!;
            var reference = delivery["requestBody"]!["content"]!["application/json"]!["schema"]!["$ref"]!.GetValue<string>();
            Assert.Equal("#/components/schemas/" + WebhooksDocumentFilter.SchemaId(type), reference);

            var committed = JsonNode.Parse(File.ReadAllText(Path.Combine(OpenApiContractTests.RepositoryRoot(), "api-spec", "events",
                $"{type.Type}.v{type.Version}.schema.json")))!.AsObject();
            committed.Remove("$schema");
            committed.Remove("$id");
            var inContract = document["components"]!["schemas"]![WebhooksDocumentFilter.SchemaId(type)]!;
            Assert.True(JsonNode.DeepEquals(Canonical(committed), Canonical(inContract)),
                $"{type.Type}: the webhook's body differs from api-spec/events:\n{inContract.ToJsonString()}\n{committed.ToJsonString()}");

            var headers = delivery["parameters"]!.AsArray().Where(p => p!["in"]!.GetValue<string>() == "header")
                .ToDictionary(p => p!["name"]!.GetValue<string>(), p => p!["required"]?.GetValue<bool>() == true);
            Assert.Equal(new Dictionary<string, bool> { ["webhook-id"] = true, ["webhook-signature"] = true, ["webhook-timestamp"] = true }, headers);
            Assert.NotNull(delivery["responses"]!["200"]);
            Assert.NotNull(delivery["responses"]!["410"]);
        });
    }

    /// <summary>A JSON Schema with its <c>type</c> lists in one order: ["string", "null"] and ["null", "string"] say the same.</summary>
    private static JsonNode? Canonical(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.Select(p => KeyValuePair.Create(p.Key, p.Key == "type" && p.Value is JsonArray types
            ? new JsonArray([.. types.Select(t => t!.GetValue<string>()).Order(StringComparer.Ordinal).Select(t => (JsonNode)JsonValue.Create(t))])
            : Canonical(p.Value)))),
        JsonArray a => new JsonArray([.. a.Select(Canonical)]),
        _ => node?.DeepClone(),
    };
}
