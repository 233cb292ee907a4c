using Mediator;
using TrainingApi.Common.UseCases;

namespace TrainingApi.Common.Webhooks;

/// <summary>
/// The system makes one attempt of the next due delivery (<see cref="WebhookDeliverer"/>), in one transaction that keeps
/// the delivery claimed for the whole attempt. Sent by each of <see cref="WebhookWorker"/>'s delivery loops.
/// </summary>
public static class DeliverDueWebhook
{
    /// <summary>Answers false when nothing was due.</summary>
    public sealed record Command : IPollingCommand<bool>
    {
        public bool FoundWork(bool response) => response;
    }

    public sealed class Handler(WebhookDeliverer deliverer) : ICommandHandler<Command, bool>
    {
        public async ValueTask<bool> Handle(Command command, CancellationToken cancellationToken) =>
            await deliverer.DeliverNextAsync(cancellationToken);
    }
}
