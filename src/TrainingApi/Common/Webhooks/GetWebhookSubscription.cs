using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Http;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Security;

namespace TrainingApi.Common.Webhooks;

public static class GetWebhookSubscription
{
    public sealed record Query(Guid Id) : IQuery<Versioned<WebhookSubscriptionView>>;

    public sealed class Handler(TrainingDb db, Access access) : IQueryHandler<Query, Versioned<WebhookSubscriptionView>>
    {
        public async ValueTask<Versioned<WebhookSubscriptionView>> Handle(Query query, CancellationToken cancellationToken)
        {
            var subscription = await access.FindVisibleAsync(db.Set<WebhookSubscription>().AsNoTracking(), s => s.Id == query.Id,
                WebhookEndpoints.SubscriptionNoun, query.Id, cancellationToken);
            return new(WebhookSubscriptionView.From(subscription), subscription.Version);
        }
    }

    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/{subscriptionId:guid}", async ([FromRoute(Name = "subscriptionId")] Guid id, IMediator mediator, HttpContext http, CancellationToken ct) =>
            {
                var found = await mediator.Send(new Query(id), ct);
                return ConditionalGet.Ok(http, found);
            })
            .WithName("GetWebhookSubscription")
            .WithSummary("Read a webhook subscription")
            .WithDescription("With its ETag, needed to change it.")
            .RequireRoles(Roles.ProgrammeTeam, Roles.Partner, Roles.Ministry)
            .SupportsIfNoneMatch()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithResponseExample(StatusCodes.Status200OK, WebhookSubscriptionView.Example);
}
