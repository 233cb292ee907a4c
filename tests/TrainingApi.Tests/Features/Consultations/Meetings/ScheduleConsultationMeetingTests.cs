using System.Net;
using System.Text.Json.Nodes;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Features.Consultations.Meetings;

/// <summary>Organisations present are register ids: the contract says uuid, and anything else is refused naming the member.</summary>
public sealed class ScheduleConsultationMeetingTests(ConsultationsFactory api) : IClassFixture<ConsultationsFactory>
{
    private readonly ConsultationSteps steps = new(api);

    [Fact]
    public async Task An_organisation_id_that_is_not_a_uuid_is_a_400_naming_the_member()
    {
        var body = new JsonObject
        {
            ["startsAt"] = api.Clock.Now.AddDays(2).ToString("O"), ["place"] = "Warszawa, ORE", ["organiser"] = "ORE i ZMP",
            ["organisationsPresent"] = new JsonArray("ZMP"),
        };

        var response = await steps.Team.PostAsync($"/api/v1/consultation-rounds/{Guid.NewGuid()}/meetings", HttpExtensions.JsonBody(body.ToJsonString()));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "malformed-request");
        Assert.NotEmpty(problem.ErrorsFor("$.organisationsPresent[0]"));
        var document = JsonNode.Parse(await steps.Team.GetStringAsync("/swagger/v1/swagger.json"))!;
        var items = document["components"]!["schemas"]!["MeetingRulesRequest"]!["properties"]!["organisationsPresent"]!["items"]!;
        Assert.Equal(("string", "uuid"), (items["type"]!.GetValue<string>(), items["format"]!.GetValue<string>()));
    }
}
