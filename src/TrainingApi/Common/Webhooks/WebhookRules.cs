using FluentValidation;
using TrainingApi.Common.Events;
using TrainingApi.Common.Localization;
using TrainingApi.Common.OpenApi;

namespace TrainingApi.Common.Webhooks;

public static class WebhookRules
{
    public const int MaxEventTypes = 50;

    /// <summary>
    /// The receiver URL passes <see cref="WebhookUrlPolicy"/>. A validator rule, not a handler check, so the DNS
    /// lookup it may make happens before the command's database transaction is opened. Its form (present, an absolute http(s)
    /// URL, not too long) is checked first and synchronously, as the contract states it (<c>format: uri</c>, <c>maxLength</c>);
    /// the policy then says the rest, and the first refusal stops the rule, so a bad URL is named once.
    /// </summary>
    public static void ReceiverUrl<T>(this IRuleBuilderInitial<T, string> rule, WebhookUrlPolicy urls)
    {
        var form = new Text("Give an absolute https URL without credentials in it.", "Podaj bezwzględny adres https bez danych logowania.");
        ((IRuleBuilderInitial<T, string?>)rule).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage(_ => form.ToString())
            .MaximumLength(WebhookUrlPolicy.MaxUrlLength).WithMessage(_ => form.ToString())
            .AbsoluteUrl(Uri.UriSchemeHttps, Uri.UriSchemeHttp).WithMessage(_ => form.ToString())
            .CustomAsync(async (url, context, ct) =>
            {
                if (await urls.RefusalAsync(url, ct) is { } refusal)
                {
                    context.AddFailure(refusal.ToString());
                }
            });
    }

    /// <summary>At least one, no repeats, each one the catalogue knows.</summary>
    public static void ValidEventTypes<T>(this IRuleBuilder<T, IReadOnlyList<string>?> rule, EventCatalogue catalogue) =>
        rule.NotEmpty()
            .MaximumItems(MaxEventTypes)
            .WithMessage(_ => new Text($"List each event type once, at most {MaxEventTypes}.", $"Podaj każdy typ zdarzenia raz, najwyżej {MaxEventTypes}.").ToString())
            .Must(types => types is null || types.Distinct().Count() == types.Count)
            .WithMessage(_ => new Text($"List each event type once, at most {MaxEventTypes}.", $"Podaj każdy typ zdarzenia raz, najwyżej {MaxEventTypes}.").ToString())
            .Must(types => types is null || types.All(catalogue.Contains))
            .WithMessage((_, types) =>
            {
                var unknown = string.Join(", ", types!.Where(t => !catalogue.Contains(t)));
                return new Text($"Unknown event type(s): {unknown}. See GET /api/v1/event-types.",
                    $"Nieznane typy zdarzeń: {unknown}. Zob. GET /api/v1/event-types.").ToString();
            });
}
