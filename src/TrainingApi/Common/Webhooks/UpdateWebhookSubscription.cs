using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Events;
using TrainingApi.Common.Http;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Security;

namespace TrainingApi.Common.Webhooks;

public static class UpdateWebhookSubscription
{
    public sealed record Request(string Url, IReadOnlyList<string>? EventTypes, string? Description, bool Active);

    public sealed record Command(Guid Id, uint? ExpectedVersion, string Url, IReadOnlyList<string>? EventTypes, string? Description, bool Active)
        : ICommand<Versioned<WebhookSubscriptionView>>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(EventCatalogue catalogue, WebhookUrlPolicy urls)
        {
            RuleFor(c => c.Url).ReceiverUrl(urls);
            RuleFor(c => c.EventTypes).ValidEventTypes(catalogue);
            RuleFor(c => c.Description).MaximumLength(WebhookSubscription.DescriptionMaxLength);
        }
    }

    public sealed class Handler(TrainingDb db, Access access, Caller caller, EventCatalogue catalogue) : ICommandHandler<Command, Versioned<WebhookSubscriptionView>>
    {
        public async ValueTask<Versioned<WebhookSubscriptionView>> Handle(Command command, CancellationToken cancellationToken)
        {
            var subscription = await access.FindVisibleAsync(db.Set<WebhookSubscription>(), s => s.Id == command.Id,
                WebhookEndpoints.SubscriptionNoun, command.Id, cancellationToken);
            await db.ExpectVersionAsync(subscription, command.ExpectedVersion, cancellationToken);
            WebhookAudience.EnsureMinistryMayReceive(caller, catalogue, command.EventTypes);
            subscription.Change(new Uri(command.Url).AbsoluteUri, command.EventTypes!, command.Description?.Trim(), command.Active);
            await db.SaveChangesAsync(cancellationToken);
            return new(WebhookSubscriptionView.From(subscription), subscription.Version);
        }
    }

    public static void Map(RouteGroupBuilder group) =>
        group.MapPut("/{subscriptionId:guid}", async ([FromRoute(Name = "subscriptionId")] Guid id, Request request, IMediator mediator, HttpContext http, CancellationToken ct) =>
            {
                var expected = EntityTags.RequireIfMatch(http.Request);
                var updated = await mediator.Send(new Command(id, expected, request.Url, request.EventTypes, request.Description, request.Active), ct);
                http.Response.Headers.ETag = EntityTags.Format(updated.Version);
                return TypedResults.Ok(updated.Value);
            })
            .WithName("UpdateWebhookSubscription")
            .WithSummary("Change or re-enable a webhook subscription")
            .WithDescription("Set `active` to false to pause deliveries, true to resume them (also after a receiver answered 410). " +
                             "Deliveries that waited meanwhile are sent when it is active again.")
            .RequireRoles(Roles.ProgrammeTeam, Roles.Partner, Roles.Ministry)
            .RequiresIfMatch()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithRequestExample(new Request(WebhookSubscriptionView.Example.Url, WebhookSubscriptionView.Example.EventTypes, "System uwag ZMP", true))
            .WithResponseExample(StatusCodes.Status200OK, WebhookSubscriptionView.Example);
}
