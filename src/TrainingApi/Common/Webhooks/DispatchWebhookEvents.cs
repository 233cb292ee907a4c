using Mediator;
using TrainingApi.Common.UseCases;

namespace TrainingApi.Common.Webhooks;

/// <summary>
/// The system fans out the next batch of committed events to the subscriptions that want them (<see cref="WebhookDispatcher"/>),
/// in one transaction that keeps the batch claimed until its deliveries are stored. Sent by <see cref="WebhookWorker"/>.
/// </summary>
public static class DispatchWebhookEvents
{
    /// <summary>Answers how many events were dispatched (0 when none was waiting).</summary>
    public sealed record Command : IPollingCommand<int>
    {
        public bool FoundWork(int response) => response > 0;
    }

    public sealed class Handler(WebhookDispatcher dispatcher) : ICommandHandler<Command, int>
    {
        public async ValueTask<int> Handle(Command command, CancellationToken cancellationToken) =>
            await dispatcher.DispatchBatchAsync(cancellationToken);
    }
}
