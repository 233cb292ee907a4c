using System.Diagnostics;
using Mediator;
using TrainingApi.Common.Telemetry;

namespace TrainingApi.Common.Mediator;

/// <summary>
/// One span per use case, named after it (<c>CreateProgramme</c>), as a child of the request's span, so a trace reads
/// request → use case → SQL. Only the use case's name and kind are recorded, never the message's content (personal
/// data), and a failure only by its exception type. Costs nothing while no tracer listens.
/// </summary>
public sealed class TracingBehavior<TMessage, TResponse> : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    private static readonly string UseCase = UseCases.UseCaseName.Of<TMessage>();
    private static readonly string Kind = typeof(TMessage).IsAssignableTo(typeof(IBaseCommand)) ? "command" : "query";

    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        using var activity = Telemetry.Telemetry.Source.StartActivity(UseCase);
        if (activity is null)
        {
            return await next(message, cancellationToken);
        }

        activity.SetTag("trainingapi.use_case", UseCase);
        activity.SetTag("trainingapi.use_case.kind", Kind);
        try
        {
            return await next(message, cancellationToken);
        }
        catch (Exception e)
        {
            activity.SetStatus(ActivityStatusCode.Error);
            activity.SetTag("error.type", e.GetType().Name);
            throw;
        }
    }
}
