using System.Net;
using System.Text.Json.Nodes;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Features.Advisory.Sessions;

/// <summary>What the contract says a session needs is what the validator asks for.</summary>
public sealed class LogSessionTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly AdvisorySteps steps = new(api);

    [Fact]
    public async Task A_session_without_attendees_or_topics_is_a_400_naming_the_field_and_the_contract_requires_both()
    {
        var (engagement, advisor, _) = await steps.EngagementAsync(skip: 0);
        var url = $"/api/v1/engagements/{engagement.Id}/sessions";

        var noAttendees = await advisor.PostJsonAsync(url, new { heldOn = "2024-09-01", hours = 1, mode = "online", topics = new[] { "kopie zapasowe" } });
        var noTopics = await advisor.PostJsonAsync(url, new { heldOn = "2024-09-01", hours = 1, mode = "online", attendees = new[] { "Ewa Zielińska" } });
        var nullAttendees = await advisor.PostJsonAsync(url, new { heldOn = "2024-09-01", hours = 1, mode = "online", attendees = (string[]?)null, topics = new[] { "x" } });

        Assert.NotEmpty((await noAttendees.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed")).ErrorsFor("attendees"));
        Assert.NotEmpty((await noTopics.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed")).ErrorsFor("topics"));
        Assert.NotEmpty((await nullAttendees.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed")).ErrorsFor("attendees"));
        var schema = await RequestSchemaAsync();
        // Attendees and topics, and the values a session cannot do without (a date, hours, a mode), which are never assumed.
        Assert.Equal(["attendees", "heldOn", "hours", "mode", "topics"], schema["required"]!.AsArray().Select(n => n!.GetValue<string>()).Order());
        Assert.Equal("array", schema["properties"]!["attendees"]!["type"]!.GetValue<string>());
        Assert.Equal("array", schema["properties"]!["topics"]!["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_twelve_hour_cap_is_enforced_and_stated_in_the_contract()
    {
        var (engagement, advisor, _) = await steps.EngagementAsync(skip: 1, hoursBudget: 40);

        var tooLong = await AdvisorySteps.SessionAsync(advisor, engagement.Id, 12.25m);
        var longest = await AdvisorySteps.SessionAsync(advisor, engagement.Id, 12m);

        Assert.NotEmpty((await tooLong.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed")).ErrorsFor("hours"));
        Assert.Equal(HttpStatusCode.Created, longest.StatusCode);
        var hours = (await RequestSchemaAsync())["properties"]!["hours"]!;
        Assert.Equal((0.25m, 12m), (hours["minimum"]!.GetValue<decimal>(), hours["maximum"]!.GetValue<decimal>()));
    }

    private async Task<JsonNode> RequestSchemaAsync()
    {
        var document = JsonNode.Parse(await steps.Team.GetStringAsync("/swagger/v1/swagger.json"))!;
        return document["components"]!["schemas"]!["LogSessionRequest"]!;
    }
}
