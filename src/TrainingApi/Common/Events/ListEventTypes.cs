using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Security;

namespace TrainingApi.Common.Events;

public static class ListEventTypes
{
    public sealed record EventTypeView(string Type, int Version, string Description, string Schema);

    public static void Map(RouteGroupBuilder eventTypes) =>
        eventTypes.MapGet("/", (EventCatalogue catalogue) => TypedResults.Ok(catalogue.All
                .Select(t => new EventTypeView(t.Type, t.Version, t.Description, $"api-spec/events/{t.Type}.v{t.Version}.schema.json"))
                .ToList()))
            .WithName("ListEventTypes")
            .WithSummary("List the event types one can subscribe to")
            .WithDescription("Each with its payload version and the JSON Schema of its webhook body in the repository's api-spec/events/.")
            .RequireAnyRole()
            .WithResponseExample(StatusCodes.Status200OK, new[]
            {
                new EventTypeView("programme.updated", 1, "A programme's title or summary changed.", "api-spec/events/programme.updated.v1.schema.json"),
            });
}
