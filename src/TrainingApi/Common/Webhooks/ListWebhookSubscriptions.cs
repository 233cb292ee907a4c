using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Http;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Security;

namespace TrainingApi.Common.Webhooks;

public static class ListWebhookSubscriptions
{
    public sealed record Query(int Limit, string? Cursor) : IQuery<Page<WebhookSubscriptionView>>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.Limit).ValidPageLimit();
    }

    public sealed class Handler(TrainingDb db, Access access) : IQueryHandler<Query, Page<WebhookSubscriptionView>>
    {
        public async ValueTask<Page<WebhookSubscriptionView>> Handle(Query query, CancellationToken cancellationToken)
        {
            var subscriptions = access.Visible(db.Set<WebhookSubscription>().AsNoTracking());
            return await subscriptions.ToKeysetPageAsync(s => s.CreatedAt, s => s.Id, query.Cursor, query.Limit, WebhookSubscriptionView.From, cancellationToken);
        }
    }

    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/", async (int? limit, string? cursor, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new Query(limit ?? KeysetCursor.DefaultLimit, cursor), ct)))
            .WithName("ListWebhookSubscriptions")
            .WithSummary("List webhook subscriptions")
            .WithDescription("A partner sees its organisation's subscriptions only; never their secrets.")
            .RequireRoles(Roles.ProgrammeTeam, Roles.Partner, Roles.Ministry)
            .ProducesValidationProblem()
            .WithResponseExample(StatusCodes.Status200OK, new Page<WebhookSubscriptionView>([WebhookSubscriptionView.Example], null));
}
