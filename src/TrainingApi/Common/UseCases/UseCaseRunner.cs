using System.Diagnostics;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Persistence;

namespace TrainingApi.Common.UseCases;

/// <summary>
/// The one way a use case runs: it owns the DI scope (for background work), says who acts and in which use case
/// (<see cref="UseCaseContext"/>), and runs the work as one transaction inside the execution strategy, so a transient
/// failure retries the whole unit from a clean change tracker. Requests send their commands through the mediator, whose
/// <see cref="Mediator.UseCaseBehavior{TMessage,TResponse}"/> runs them here; idempotent requests come through the
/// idempotency middleware; background work (placement batches, sweeps, retention, housekeeping, webhook dispatch and
/// delivery) sends its commands with <see cref="SendAsync{TResponse}"/>, through the same pipeline.
/// </summary>
public sealed class UseCaseRunner(IServiceScopeFactory scopes)
{
    /// <summary>
    /// A command of background work, in a scope of its own, under a root trace of its own (or in <paramref name="traceId"/>'s
    /// trace when it continues work someone started), sent through the scope's mediator: traced, logged, validated and run
    /// in its transaction (unless it is an <see cref="Mediator.ICommandWithoutTransaction"/>) exactly as a request's
    /// command. Whatever request happened to start the loop is neither its actor nor its trace: both are passed here.
    /// </summary>
    public Task<TResponse> SendAsync<TResponse>(Actor actor, ICommand<TResponse> command, CancellationToken ct, string? traceId = null) =>
        InScopeAsync(actor, UseCaseName.Of(command.GetType()), traceId,
            (services, token) => services.GetRequiredService<IMediator>().Send(command, token).AsTask(), ct);

    /// <summary>
    /// Work that is no single command, as one use case named <paramref name="action"/> in one transaction that the
    /// commands it sends join: a demo-data loader (named with <see cref="UseCaseName.Of(Type)"/> of its type), and tests
    /// that seed rows directly. Background work of the API itself sends commands (<see cref="SendAsync{TResponse}"/>).
    /// </summary>
    public Task<T> RunAsync<T>(Actor actor, string action, Func<IServiceProvider, CancellationToken, Task<T>> work, CancellationToken ct) =>
        InScopeAsync(actor, action, null, (services, token) => InTransactionAsync(services.GetRequiredService<TrainingDb>(), t => work(services, t), token), ct);

    /// <summary>Like <see cref="RunAsync{T}"/>, for work that answers nothing.</summary>
    public Task RunAsync(Actor actor, string action, Func<IServiceProvider, CancellationToken, Task> work, CancellationToken ct) =>
        RunAsync(actor, action, async (services, token) =>
        {
            await work(services, token);
            return true;
        }, ct);

    /// <summary>The scope, actor, trace and name of a unit of work, without a transaction around it.</summary>
    private async Task<T> InScopeAsync<T>(Actor actor, string action, string? traceId, Func<IServiceProvider, CancellationToken, Task<T>> work, CancellationToken ct)
    {
        var outer = Activity.Current;
        Activity.Current = null;
        // A span of the API's own source when a tracer listens (a root: background work is no request's child); a bare
        // activity otherwise, for the trace id the audit and the logs carry.
        var parent = Continuing(traceId);
        using var activity = Telemetry.Telemetry.Source.StartActivity(action, ActivityKind.Internal, parentContext: parent)
                             ?? StartBare(action, parent);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var context = scope.ServiceProvider.GetRequiredService<UseCaseContext>();
            context.Begin(actor, activity.TraceId.ToString());
            using var named = context.Name(action);
            return await work(scope.ServiceProvider, ct);
        }
        finally
        {
            activity.Stop();
            Activity.Current = outer;
        }
    }

    /// <summary>
    /// The trace to continue (a remote parent in it, marked as recorded: a sampler that follows its parent would otherwise
    /// drop the work someone asked to follow), or none for a root of its own.
    /// </summary>
    private static ActivityContext Continuing(string? traceId) =>
        traceId is { Length: 32 } && traceId.All(char.IsAsciiHexDigitLower)
            ? new ActivityContext(ActivityTraceId.CreateFromString(traceId), ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded, isRemote: true)
            : default;

    private static Activity StartBare(string action, ActivityContext parent)
    {
        var activity = new Activity(action).SetIdFormat(ActivityIdFormat.W3C);
        if (parent != default)
        {
            activity.SetParentId(parent.TraceId, parent.SpanId);
        }

        return activity.Start();
    }

    /// <summary>
    /// The unit of work: one transaction, retried whole on a transient failure or when a change under <c>If-Match: *</c>
    /// finds its row written since it read it, saved and committed at the end.
    /// Inside a transaction already open (an idempotent request's), the work joins it and only saves.
    /// </summary>
    internal static async Task<T> InTransactionAsync<T>(TrainingDb db, Func<CancellationToken, Task<T>> work, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is not null)
        {
            var joined = await work(ct);
            await db.SaveChangesAsync(ct);
            return joined;
        }

        // One transaction for the whole unit; EF's savepoint around each SaveChanges inside it would only cost two
        // round trips per save, since a failure aborts the unit anyway.
        db.Database.AutoSavepointsEnabled = false;
        IReadOnlyCollection<VersionedRow> lockFirst = [];
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await db.Database.CreateExecutionStrategy().ExecuteAsync(async token =>
                {
                    db.ChangeTracker.Clear();
                    await using var transaction = await db.Database.BeginTransactionAsync(token);
                    if (lockFirst.Count > 0)
                    {
                        await db.LockVersionedRowsAsync(lockFirst, token);
                    }

                    var result = await work(token);
                    await db.SaveChangesAsync(token);
                    await transaction.CommitAsync(token);
                    return result;
                }, ct);
            }
            catch (ChangedBeforeLockException changed) when (attempt < MaxAttemptsUnderAnyVersion)
            {
                // A change under If-Match: * found its row written since it read it: once more, with the rows locked before
                // anything is read, so this run reads them as they are and nobody can write them before it commits. Nothing of
                // the first run stays: its writes, audit entries and events rolled back with its transaction.
                lockFirst = [.. lockFirst.Union(changed.Rows)];
            }
        }
    }

    /// <summary>
    /// A run that locked its rows first reads them as they are, so a second run suffices; a third covers a run whose
    /// handler reaches further rows only after reading the first.
    /// </summary>
    private const int MaxAttemptsUnderAnyVersion = 3;

    /// <summary>
    /// The unit of work of a request that cannot run twice (its body is read, its answer begun): one transaction, not
    /// retried — a transient failure ends the request (503), and the client's retry with its Idempotency-Key finds
    /// out whether it was committed. The work says whether to commit; otherwise it is rolled back.
    /// </summary>
    internal static Task InRequestTransactionAsync(TrainingDb db, Func<CancellationToken, Task<bool>> work, Func<Exception> failedMidway, CancellationToken ct)
    {
        var attempts = 0;
        db.Database.AutoSavepointsEnabled = false;
        // Inside the execution strategy only because EF requires it for an explicit transaction.
        return db.Database.CreateExecutionStrategy().ExecuteAsync(async token =>
        {
            if (++attempts > 1)
            {
                throw failedMidway();
            }

            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(token);
            if (await work(token))
            {
                await db.SaveChangesAsync(token);
                await transaction.CommitAsync(token);
            }
        }, ct);
    }
}
