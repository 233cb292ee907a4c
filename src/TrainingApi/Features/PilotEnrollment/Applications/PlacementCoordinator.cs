using System.Collections.Concurrent;
using TrainingApi.Common.Idempotency;
using TrainingApi.Common.UseCases;

namespace TrainingApi.Features.PilotEnrollment.Applications;

/// <summary>
/// The second step of a first-come application: its place or waiting-list position (see <see cref="SlotAllocation"/>).
/// Within one instance, applications to the same recruitment do not each fight for its row lock: they join a
/// queue, and one loop per recruitment takes the lock (waiting for other instances if need be), places every
/// submitted application in one statement, commits, and answers everyone whose application it placed. So under a
/// burst there is one lock waiter per instance instead of hundreds polling. The database lock still decides
/// across instances; this only saves work, and holds nothing another instance needs.
/// The loop outlives the request that started it, so each batch is the system's own command (<see cref="PlaceApplication"/>)
/// sent through <see cref="UseCaseRunner"/>, never with that request's caller or trace.
/// </summary>
public sealed class PlacementCoordinator(UseCaseRunner runner)
{
    public sealed record Decision(ApplicationStatus Status, int? WaitlistPosition, DateTimeOffset? DecidedAt);

    private readonly ConcurrentDictionary<Guid, Queue> queues = new();

    /// <summary>The application must be committed as submitted before this is called.</summary>
    /// <param name="submitted">The application as submitted with its request's Idempotency-Key, when it carries one: the key's stored answer is made from it.</param>
    public Task<Decision> PlaceAsync(Guid recruitmentId, Guid applicationId, PendingAnswer<ApplicationView>? submitted, CancellationToken ct)
    {
        var queue = queues.GetOrAdd(recruitmentId, _ => new Queue());
        var waiter = new TaskCompletionSource<Decision>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (queue)
        {
            queue.Waiting[applicationId] = waiter;
            if (submitted is not null)
            {
                queue.Submitted[applicationId] = submitted;
            }

            if (!queue.Running)
            {
                queue.Running = true;
                // Without the request's execution context: nothing of the request may flow into the loop.
                using (ExecutionContext.SuppressFlow())
                {
                    _ = Task.Run(() => DrainAsync(recruitmentId, queue), CancellationToken.None);
                }
            }
        }

        return waiter.Task.WaitAsync(ct);
    }

    private async Task DrainAsync(Guid recruitmentId, Queue queue)
    {
        while (true)
        {
            Dictionary<Guid, TaskCompletionSource<Decision>> batch;
            Dictionary<Guid, PendingAnswer<ApplicationView>> submitted;
            lock (queue)
            {
                if (queue.Waiting.Count == 0)
                {
                    queue.Running = false;
                    return;
                }

                batch = new(queue.Waiting);
                queue.Waiting.Clear();
                submitted = new(queue.Submitted);
                queue.Submitted.Clear();
            }

            try
            {
                var decided = await PlaceBatchAsync(recruitmentId, batch.Keys.ToList(), submitted);
                foreach (var (id, waiter) in batch)
                {
                    waiter.TrySetResult(decided[id]);
                }
            }
            catch (Exception e)
            {
                foreach (var waiter in batch.Values)
                {
                    waiter.TrySetException(e);
                }
            }
        }
    }

    /// <summary>Places all submitted applications under the lock; reports the batch's ones, including any another instance placed.</summary>
    private Task<Dictionary<Guid, Decision>> PlaceBatchAsync(Guid recruitmentId, List<Guid> ids, Dictionary<Guid, PendingAnswer<ApplicationView>> submitted) =>
        runner.SendAsync(Actor.System, new PlaceApplication.Command(recruitmentId, ids, submitted), CancellationToken.None);

    private sealed class Queue
    {
        public Dictionary<Guid, TaskCompletionSource<Decision>> Waiting { get; } = [];

        public Dictionary<Guid, PendingAnswer<ApplicationView>> Submitted { get; } = [];

        public bool Running { get; set; }
    }
}
