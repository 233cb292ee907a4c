using System.Net;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TrainingApi.Common.Security;
using TrainingApi.Common.Webhooks;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Common.OpenApi;

/// <summary>
/// No silent defaults: a value member of a request body (a date, number, boolean, enum, id) that the server refuses to do without
/// is <c>required</c> in the contract, and one the contract calls required is refused when missing — never read as 0001-01-01,
/// 0, false or the first enum value. Walks every request body of the served contract against the types the API reads.
/// </summary>
public sealed class RequiredRequestMembersTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Every_request_value_member_is_required_in_the_contract_exactly_when_the_server_refuses_it_missing()
    {
        var document = JsonNode.Parse(await api.ClientAs(Roles.ProgrammeTeam).GetStringAsync("/swagger/v1/swagger.json"))!;
        var schemas = document["components"]!["schemas"]!.AsObject();
        var json = api.Services.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        var descriptions = api.Services.GetRequiredService<IApiDescriptionGroupCollectionProvider>().ApiDescriptionGroups.Items.SelectMany(g => g.Items);
        var mismatches = new List<string>();
        var checkedMembers = 0;
        var seen = new HashSet<Type>();

        foreach (var description in descriptions)
        {
            var body = description.ParameterDescriptions.FirstOrDefault(p => p.Source == BindingSource.Body)?.Type;
            // Route constraints ({id:guid}) are not part of the contract's paths.
            var path = System.Text.RegularExpressions.Regex.Replace("/" + description.RelativePath!.TrimEnd('/').Split('?')[0], @"\{([^}:?]+)[^}]*\}", "{$1}");
            var operation = document["paths"]![path]?[description.HttpMethod!.ToLowerInvariant()];
            var schema = operation?["requestBody"]?["content"]?["application/json"]?["schema"];
            if (body is null || schema is null)
            {
                continue;
            }

            Walk(body, schema);
        }

        Assert.True(checkedMembers > 40, $"Only {checkedMembers} value members were compared; the walk found too few request bodies.");
        Assert.True(mismatches.Count == 0, "Contract and server disagree on what a request must send:\n" + string.Join("\n", mismatches));
        return;

        void Walk(Type type, JsonNode schema)
        {
            var resolved = Resolve(schema);
            var typeInfo = json.GetTypeInfo(type);
            if (typeInfo.Kind == JsonTypeInfoKind.Enumerable && typeInfo.ElementType is { } element && resolved?["items"] is { } items)
            {
                Walk(element, items);
                return;
            }

            if (typeInfo.Kind != JsonTypeInfoKind.Object || resolved?["properties"] is not JsonObject properties || !seen.Add(type))
            {
                return;
            }

            var required = (resolved["required"]?.AsArray() ?? []).Select(n => n!.GetValue<string>()).ToHashSet(StringComparer.Ordinal);
            foreach (var property in typeInfo.Properties)
            {
                if (properties[property.Name] is not { } propertySchema)
                {
                    continue;
                }

                if (property.PropertyType.IsValueType)
                {
                    checkedMembers++;
                    // Left out, a non-nullable value without a C# default would be read as its type's default.
                    var silentDefault = Nullable.GetUnderlyingType(property.PropertyType) is null && property.AssociatedParameter is { HasDefaultValue: false };
                    if (silentDefault && !property.IsRequired)
                    {
                        mismatches.Add($"{type.FullName}.{property.Name}: left out, it would silently be {Activator.CreateInstance(property.PropertyType)}");
                    }

                    if (property.IsRequired != required.Contains(property.Name))
                    {
                        mismatches.Add($"{type.FullName}.{property.Name}: server {(property.IsRequired ? "refuses it missing" : "accepts it missing")}, " +
                                       $"contract {(required.Contains(property.Name) ? "requires" : "does not require")} it");
                    }
                }

                Walk(Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType, propertySchema);
            }
        }

        JsonNode? Resolve(JsonNode? schema)
        {
            for (var depth = 0; schema is not null && depth < 5; depth++)
            {
                if (schema["$ref"]?.GetValue<string>() is { } reference)
                {
                    schema = schemas[reference.Split('/')[^1]];
                }
                else if ((schema["allOf"] ?? schema["oneOf"])?.AsArray().FirstOrDefault(s => s?["$ref"] is not null) is { } wrapped)
                {
                    schema = wrapped;
                }
                else
                {
                    return schema;
                }
            }

            return schema;
        }
    }

    [Fact]
    public async Task A_webhook_subscription_update_without_active_is_refused_and_the_subscription_stays_active()
    {
        var team = api.ClientAs(Roles.ProgrammeTeam);
        var create = new HttpRequestMessage(HttpMethod.Post, "/api/v1/webhook-subscriptions")
        {
            Content = HttpExtensions.JsonBody("""{"url":"http://127.0.0.1:9/ore","eventTypes":["programme.updated"]}"""),
        }.WithHeader("Idempotency-Key", Guid.NewGuid().ToString());
        var created = await (await team.SendAsync(create)).ShouldBeAsync<CreatedWebhookSubscription>(HttpStatusCode.Created);
        var id = created.Subscription.Id;
        var read = await team.GetAsync($"/api/v1/webhook-subscriptions/{id}");

        var update = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/webhook-subscriptions/{id}")
        {
            Content = HttpExtensions.JsonBody("""{"url":"http://127.0.0.1:9/ore","eventTypes":["programme.updated"]}"""),
        }.WithHeader("If-Match", read.Headers.ETag!.Tag);
        var problem = await (await team.SendAsync(update)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        var after = JsonNode.Parse(await team.GetStringAsync($"/api/v1/webhook-subscriptions/{id}"))!;

        Assert.NotEmpty(problem.ErrorsFor("active"));
        Assert.True(after["active"]!.GetValue<bool>());
    }
}
