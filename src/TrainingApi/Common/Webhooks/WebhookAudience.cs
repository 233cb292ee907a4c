using TrainingApi.Common.Events;
using TrainingApi.Common.Localization;
using TrainingApi.Common.Problems;
using TrainingApi.Common.Security;

namespace TrainingApi.Common.Webhooks;

/// <summary>
/// Who may subscribe to what. The programme team any event, a partner for its organisation; the Ministry owns its own subscriptions
/// (never a partner's) and receives only the events registered for it (<see cref="EventTypeInfo.ForMinistry"/>): handovers
/// and the supersession of what it was handed.
/// </summary>
public static class WebhookAudience
{
    public static void EnsureMinistryMayReceive(Caller caller, EventCatalogue catalogue, IReadOnlyList<string>? eventTypes)
    {
        if (!caller.Is(Roles.Ministry) || caller.Is(Roles.ProgrammeTeam))
        {
            return;
        }

        var refused = (eventTypes ?? []).Where(t => !catalogue.IsForMinistry(t)).ToList();
        if (refused.Count > 0)
        {
            var allowed = string.Join(", ", catalogue.All.Where(t => t.ForMinistry).Select(t => t.Type));
            throw Problem.Validation("eventTypes", new Text($"The Ministry may subscribe to {allowed}; not to {string.Join(", ", refused)}.",
                $"Ministerstwo może subskrybować {allowed}; nie {string.Join(", ", refused)}."));
        }
    }
}
