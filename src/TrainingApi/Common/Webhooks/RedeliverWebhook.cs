using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Localization;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Problems;
using TrainingApi.Common.Security;

namespace TrainingApi.Common.Webhooks;

public static class RedeliverWebhook
{
    private static readonly Text DeliveryNoun = new("delivery", "dostawa");

    public sealed record Command(Guid SubscriptionId, Guid DeliveryId) : ICommand<WebhookDeliveryView>;

    public sealed class Handler(TrainingDb db, Access access, TimeProvider clock) : ICommandHandler<Command, WebhookDeliveryView>
    {
        public async ValueTask<WebhookDeliveryView> Handle(Command command, CancellationToken cancellationToken)
        {
            var subscription = await access.FindVisibleAsync(db.Set<WebhookSubscription>().AsNoTracking(), s => s.Id == command.SubscriptionId,
                WebhookEndpoints.SubscriptionNoun, command.SubscriptionId, cancellationToken);
            var delivery = await db.Set<WebhookDelivery>().FirstOrDefaultAsync(d => d.Id == command.DeliveryId && d.SubscriptionId == subscription.Id, cancellationToken)
                           ?? throw Problem.NotFound(DeliveryNoun, command.DeliveryId);
            if (!subscription.Active)
            {
                throw Problem.Conflict(new Text("The subscription is disabled; enable it (PUT with active: true) before redelivering.",
                    "Subskrypcja jest wyłączona; włącz ją (PUT z active: true) przed ponowną wysyłką."), "subscription-disabled");
            }

            if (delivery.Status == DeliveryStatus.Pending)
            {
                throw Problem.Conflict(new Text("This delivery is still being attempted; wait for its outcome.",
                    "Ta dostawa jest wciąż w toku; poczekaj na jej wynik."), "delivery-pending");
            }

            delivery.Redeliver(clock.UtcNowForDatabase());
            await db.SaveChangesAsync(cancellationToken);
            return WebhookDeliveryView.From(delivery);
        }
    }

    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/{subscriptionId:guid}/deliveries/{deliveryId:guid}/redeliver", async ([FromRoute(Name = "subscriptionId")] Guid id, Guid deliveryId, IMediator mediator, CancellationToken ct) =>
                TypedResults.Accepted($"/api/v1/webhook-subscriptions/{id}/deliveries", await mediator.Send(new Command(id, deliveryId), ct)))
            .WithName("RedeliverWebhook")
            .WithSummary("Send a delivery again")
            .WithDescription("For a delivered or failed delivery: a new round of attempts starts now, with the same webhook-id, so the receiver can deduplicate.")
            .RequireRoles(Roles.ProgrammeTeam, Roles.Partner, Roles.Ministry)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithResponseExample(StatusCodes.Status202Accepted, WebhookDeliveryView.Example with { Status = DeliveryStatus.Pending, Attempts = 0 });
}
