using Mediator;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Persistence;

namespace TrainingApi.Common.Mediator;

/// <summary>
/// Runs each command in one database transaction, inside the execution strategy so that transient
/// failures (a dropped connection, a serialization failure) retry the whole command from a clean
/// change tracker. Queries do not pass through here.
/// </summary>
public sealed class TransactionBehavior<TMessage, TResponse>(TrainingDb db) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IBaseCommand
{
    public ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is not null || message is ISingleSaveCommand)
        {
            return next(message, cancellationToken);
        }

        // The whole command is one transaction; EF's savepoint around each SaveChanges inside it would only cost
        // two round trips per save, since a failure aborts the command anyway.
        db.Database.AutoSavepointsEnabled = false;
        var strategy = db.Database.CreateExecutionStrategy();
        return new ValueTask<TResponse>(strategy.ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var response = await next(message, ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return response;
        }, cancellationToken));
    }
}

/// <summary>
/// A command whose handler writes everything in one SaveChanges, which is atomic by itself (EF Core wraps it in a
/// transaction, or sends it as one implicit-transaction batch): an explicit transaction would only add the round
/// trips of BEGIN and COMMIT. For hot paths only; reads before the save see no transaction of their own.
/// </summary>
public interface ISingleSaveCommand;
