using Mediator;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.UseCases;

namespace TrainingApi.Common.Mediator;

/// <summary>
/// Runs each command through <see cref="UseCaseRunner"/>: named in the audit for as long as it runs, in one
/// transaction unless it says it runs without one. Queries do not pass through here.
/// </summary>
public sealed class UseCaseBehavior<TMessage, TResponse>(TrainingDb db, UseCaseContext context) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IBaseCommand
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        using var named = context.Name(UseCaseName.Of<TMessage>());
        if (message is ICommandWithoutTransaction)
        {
            return await next(message, cancellationToken);
        }

        return await UseCaseRunner.InTransactionAsync(db, ct => next(message, ct).AsTask(), cancellationToken);
    }
}

/// <summary>
/// A command that runs without a transaction of the runner's: its handler writes everything in one SaveChanges,
/// atomic by itself, and commits it at once (which a later step may need to see). For hot paths only.
/// </summary>
public interface ICommandWithoutTransaction;
