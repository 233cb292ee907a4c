using Mediator;
using Microsoft.AspNetCore.Mvc;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Security;

namespace TrainingApi.Common.Webhooks;

public static class DeleteWebhookSubscription
{
    public sealed record Command(Guid Id) : ICommand;

    public sealed class Handler(TrainingDb db, Access access) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var subscription = await access.FindVisibleAsync(db.Set<WebhookSubscription>(), s => s.Id == command.Id,
                WebhookEndpoints.SubscriptionNoun, command.Id, cancellationToken);
            db.Remove(subscription);
            return Unit.Value;
        }
    }

    public static void Map(RouteGroupBuilder group) =>
        group.MapDelete("/{subscriptionId:guid}", async ([FromRoute(Name = "subscriptionId")] Guid id, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new Command(id), ct);
                return TypedResults.NoContent();
            })
            .WithName("DeleteWebhookSubscription")
            .WithSummary("Delete a webhook subscription")
            .WithDescription("Stops deliveries at once; its delivery history goes with it.")
            .RequireRoles(Roles.ProgrammeTeam, Roles.Partner, Roles.Ministry)
            .ProducesProblem(StatusCodes.Status404NotFound);
}
