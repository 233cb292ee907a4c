using FluentValidation;
using TrainingApi.Common.Events;
using TrainingApi.Common.Localization;

namespace TrainingApi.Common.Webhooks;

public static class WebhookRules
{
    public const int MaxEventTypes = 50;

    /// <summary>
    /// The receiver URL passes <see cref="WebhookUrlPolicy"/>. A validator rule, not a handler check, so the DNS
    /// lookup it may make happens before the command's database transaction is opened.
    /// </summary>
    public static void ReceiverUrl<T>(this IRuleBuilder<T, string> rule, WebhookUrlPolicy urls) =>
        rule.CustomAsync(async (url, context, ct) =>
        {
            if (await urls.RefusalAsync(url, ct) is { } refusal)
            {
                context.AddFailure(refusal.ToString());
            }
        });

    /// <summary>At least one, no repeats, each one the catalogue knows.</summary>
    public static void ValidEventTypes<T>(this IRuleBuilder<T, IReadOnlyList<string>?> rule, EventCatalogue catalogue) =>
        rule.NotEmpty()
            .Must(types => types is null || (types.Count <= MaxEventTypes && types.Distinct().Count() == types.Count))
            .WithMessage(_ => new Text($"List each event type once, at most {MaxEventTypes}.", $"Podaj każdy typ zdarzenia raz, najwyżej {MaxEventTypes}.").ToString())
            .Must(types => types is null || types.All(catalogue.Contains))
            .WithMessage((_, types) =>
            {
                var unknown = string.Join(", ", types!.Where(t => !catalogue.Contains(t)));
                return new Text($"Unknown event type(s): {unknown}. See GET /api/v1/event-types.",
                    $"Nieznane typy zdarzeń: {unknown}. Zob. GET /api/v1/event-types.").ToString();
            });
}
