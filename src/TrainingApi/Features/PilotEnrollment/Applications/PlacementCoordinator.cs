using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Audit;
using TrainingApi.Common.Events;
using TrainingApi.Common.Persistence;

namespace TrainingApi.Features.PilotEnrollment.Applications;

/// <summary>
/// Within one instance, applications to the same recruitment do not each fight for its row lock: they join a
/// queue, and one loop per recruitment takes the lock (waiting for other instances if need be), places every
/// submitted application in one statement, commits, and answers everyone whose application it placed. So under a
/// burst there is one lock waiter per instance instead of hundreds polling. The database lock still decides
/// across instances; this only saves work, and holds nothing another instance needs.
/// </summary>
public sealed class PlacementCoordinator(IServiceScopeFactory scopes, TimeProvider clock)
{
    public sealed record Decision(ApplicationStatus Status, int? WaitlistPosition, DateTimeOffset? DecidedAt);

    private readonly ConcurrentDictionary<Guid, Queue> queues = new();

    /// <summary>The application must be committed as submitted before this is called.</summary>
    public Task<Decision> PlaceAsync(Guid recruitmentId, Guid applicationId, CancellationToken ct)
    {
        var queue = queues.GetOrAdd(recruitmentId, _ => new Queue());
        var waiter = new TaskCompletionSource<Decision>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (queue)
        {
            queue.Waiting[applicationId] = waiter;
            if (!queue.Running)
            {
                queue.Running = true;
                _ = Task.Run(() => DrainAsync(recruitmentId, queue), CancellationToken.None);
            }
        }

        return waiter.Task.WaitAsync(ct);
    }

    private async Task DrainAsync(Guid recruitmentId, Queue queue)
    {
        while (true)
        {
            Dictionary<Guid, TaskCompletionSource<Decision>> batch;
            lock (queue)
            {
                if (queue.Waiting.Count == 0)
                {
                    queue.Running = false;
                    return;
                }

                batch = new(queue.Waiting);
                queue.Waiting.Clear();
            }

            try
            {
                var decided = await PlaceBatchAsync(recruitmentId, batch.Keys.ToList());
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
    private async Task<Dictionary<Guid, Decision>> PlaceBatchAsync(Guid recruitmentId, List<Guid> ids)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<TrainingDb>();
        services.GetRequiredService<AuditScope>().Action = nameof(PlaceApplication);
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            db.Database.AutoSavepointsEnabled = false;
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await SlotAllocation.LockAsync(db, recruitmentId, ct);
            var now = clock.UtcNowForDatabase();
            await SlotAllocation.PlaceAndAnnounceAsync(db, services.GetRequiredService<EventOutbox>(), services.GetRequiredService<AuditLog>(), recruitmentId, now, ct);
            await db.SaveChangesAsync(ct);
            var decisions = await db.Set<Application>().Where(a => ids.Contains(a.Id))
                .Select(a => new { a.Id, a.Status, a.WaitlistPosition, a.DecidedAt }).ToListAsync(ct);
            await transaction.CommitAsync(ct);
            return decisions.ToDictionary(d => d.Id, d => new Decision(d.Status, d.WaitlistPosition, d.DecidedAt));
        }, CancellationToken.None);
    }

    private sealed class Queue
    {
        public Dictionary<Guid, TaskCompletionSource<Decision>> Waiting { get; } = [];

        public bool Running { get; set; }
    }
}
