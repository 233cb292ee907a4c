using FluentValidation;
using Mediator;
using TrainingApi.Common.Events;
using TrainingApi.Common.Idempotency;
using TrainingApi.Common.Localization;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Problems;
using TrainingApi.Common.Security;
using TrainingApi.Common.Security.ApiKeys;

namespace TrainingApi.Common.Webhooks;

public static class CreateWebhookSubscription
{
    /// <param name="OrganisationId">Programme team only: the partner the subscription serves (none: the team's own receiver).</param>
    public sealed record Request(string Url, IReadOnlyList<string>? EventTypes, string? Description, Guid? OrganisationId);

    public sealed record Command(string Url, IReadOnlyList<string>? EventTypes, string? Description, Guid? OrganisationId) : ICommand<CreatedWebhookSubscription>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(EventCatalogue catalogue, WebhookUrlPolicy urls)
        {
            RuleFor(c => c.Url).ReceiverUrl(urls);
            RuleFor(c => c.EventTypes).ValidEventTypes(catalogue);
            RuleFor(c => c.Description).MaximumLength(WebhookSubscription.DescriptionMaxLength);
        }
    }

    public sealed class Handler(
        TrainingDb db, Caller caller, SecretBox secrets, IOrganisationDirectory organisations, EventCatalogue catalogue, TimeProvider clock)
        : ICommandHandler<Command, CreatedWebhookSubscription>
    {
        public async ValueTask<CreatedWebhookSubscription> Handle(Command command, CancellationToken cancellationToken)
        {
            if (caller.Is(Roles.Partner) && command.OrganisationId is not null)
            {
                throw Problem.Validation("organisationId", new Text("A partner subscribes for its own organisation; leave organisationId out.",
                    "Partner subskrybuje dla własnej organizacji; pomiń organisationId."));
            }

            var ministry = caller.Is(Roles.Ministry) && !caller.Is(Roles.ProgrammeTeam);
            if (ministry && command.OrganisationId is not null)
            {
                throw Problem.Validation("organisationId", new Text("The Ministry subscribes for itself; leave organisationId out.",
                    "Ministerstwo subskrybuje dla siebie; pomiń organisationId."));
            }

            WebhookAudience.EnsureMinistryMayReceive(caller, catalogue, command.EventTypes);
            var owner = caller.Is(Roles.Partner) ? caller.OrganisationId : command.OrganisationId;
            if (command.OrganisationId is { } organisation && !await organisations.ExistsAsync(organisation, cancellationToken))
            {
                throw Problem.Unprocessable(new Text($"No organisation {organisation} is registered.", $"Nie zarejestrowano organizacji {organisation}."));
            }

            var secret = WebhookSignature.NewSecret();
            var subscription = new WebhookSubscription(owner, new Uri(command.Url).AbsoluteUri, command.EventTypes!, command.Description?.Trim(),
                secrets.SealText(secret), clock.UtcNowForDatabase(), ministry ? Roles.Ministry : null);
            db.Add(subscription);
            await db.SaveChangesAsync(cancellationToken);
            return new CreatedWebhookSubscription(WebhookSubscriptionView.From(subscription), secret);
        }
    }

    // Idempotent like every creating POST: the stored answer (with the secret) is encrypted at rest, kept 24 hours.
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/", async (Request request, IMediator mediator, CancellationToken ct) =>
            {
                var created = await mediator.Send(new Command(request.Url, request.EventTypes, request.Description, request.OrganisationId), ct);
                return TypedResults.Created($"/api/v1/webhook-subscriptions/{created.Subscription.Id}", created);
            })
            .WithName("CreateWebhookSubscription")
            .WithSummary("Subscribe a URL to events")
            .WithDescription("Deliveries are signed per Standard Webhooks with the secret in this answer (shown once). " +
                             "Outside Development the URL must be https and every address its host resolves to a public internet address. " +
                             "The Ministry subscribes for itself to the events meant for it (handover.recorded, handover.superseded, " +
                             "release.superseded, adopted-release.affected); other types are 400.")
            .RequireRoles(Roles.ProgrammeTeam, Roles.Partner, Roles.Ministry)
            .Idempotent()
            .ProducesValidationProblem()
            .WithRequestExample(new Request("https://uwagi.zmp.poznan.pl/webhooks/trainingapi", ["programme.updated", "api-key.revoked"], "System uwag ZMP", null))
            .WithResponseExample(StatusCodes.Status201Created, CreatedWebhookSubscription.Example);
}
