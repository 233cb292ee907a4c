using Mediator;

namespace TrainingApi.Common.Audit;

/// <summary>Names the running command in the audit scope, so every entry it causes says which use case made it.</summary>
public sealed class AuditBehavior<TMessage, TResponse>(AuditScope scope) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IBaseCommand
{
    public ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        scope.Action = typeof(TMessage).DeclaringType?.Name ?? typeof(TMessage).Name;
        return next(message, cancellationToken);
    }
}
