using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Http;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Security;

namespace TrainingApi.Common.Webhooks;

public static class ListWebhookDeliveries
{
    public sealed record Query(Guid SubscriptionId, DeliveryStatus? Status, int Limit, string? Cursor) : IQuery<Page<WebhookDeliveryView>>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.Limit).ValidPageLimit();
    }

    public sealed class Handler(TrainingDb db, Access access) : IQueryHandler<Query, Page<WebhookDeliveryView>>
    {
        public async ValueTask<Page<WebhookDeliveryView>> Handle(Query query, CancellationToken cancellationToken)
        {
            await access.FindVisibleAsync(db.Set<WebhookSubscription>().AsNoTracking(), s => s.Id == query.SubscriptionId,
                WebhookEndpoints.SubscriptionNoun, query.SubscriptionId, cancellationToken);
            var deliveries = db.Set<WebhookDelivery>().AsNoTracking().Where(d => d.SubscriptionId == query.SubscriptionId);
            if (query.Status is { } status)
            {
                deliveries = deliveries.Where(d => d.Status == status);
            }

            return await deliveries.ToKeysetPageAsync(d => d.CreatedAt, d => d.Id, query.Cursor, query.Limit, WebhookDeliveryView.From, cancellationToken);
        }
    }

    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/{subscriptionId:guid}/deliveries", async ([FromRoute(Name = "subscriptionId")] Guid id, string? status, int? limit, string? cursor, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(
                    new Query(id, QueryEnum.Parse<DeliveryStatus>(status, "status"), limit ?? KeysetCursor.DefaultLimit, cursor), ct)))
            .WithName("ListWebhookDeliveries")
            .TakesEnum<DeliveryStatus>("status")
            .WithSummary("List a subscription's deliveries")
            .WithDescription("Oldest first, with status (pending, delivered, failed), attempts, the last response code and error, " +
                             "and when the next attempt is due. The id is the webhook-id header the receiver saw.")
            .RequireRoles(Roles.ProgrammeTeam, Roles.Partner, Roles.Ministry)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithResponseExample(StatusCodes.Status200OK, new Page<WebhookDeliveryView>([WebhookDeliveryView.Example], null));
}
