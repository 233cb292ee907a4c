using System.Diagnostics;
using Mediator;

namespace TrainingApi.Common.Mediator;

/// <summary>
/// Logs each use case with its elapsed time (commands at Information, reads at Debug, background polls that found nothing at Trace). Only the message's type name is logged, never its content,
/// because commands carry officials' names, e-mails and phones.
/// </summary>
public sealed partial class LoggingBehavior<TMessage, TResponse>(ILogger<LoggingBehavior<TMessage, TResponse>> log)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var name = UseCases.UseCaseName.Of<TMessage>();
        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await next(message, cancellationToken);
            if (message is UseCases.IPollingCommand poll && !poll.FoundWork(response))
            {
                IdlePoll(log, name, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
            else if (message is IBaseQuery)
            {
                QueryHandled(log, name, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
            else
            {
                Handled(log, name, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }

            return response;
        }
        catch (Exception e)
        {
            Failed(log, name, Stopwatch.GetElapsedTime(started).TotalMilliseconds, e.GetType().Name);
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{UseCase} handled in {ElapsedMs:0.0} ms")]
    private static partial void Handled(ILogger logger, string useCase, double elapsedMs);

    /// <summary>
    /// Reads at Debug: they change nothing, the (sampled) access log already records them, and a log line costs a
    /// noticeable share of a read (docs/performance.md). Refusals and failures of reads are still logged below.
    /// </summary>
    [LoggerMessage(Level = LogLevel.Debug, Message = "{UseCase} handled in {ElapsedMs:0.0} ms")]
    private static partial void QueryHandled(ILogger logger, string useCase, double elapsedMs);

    /// <summary>A background poll that found nothing (<see cref="UseCases.IPollingCommand"/>): at Trace, or the log is one such line per tick.</summary>
    [LoggerMessage(Level = LogLevel.Trace, Message = "{UseCase} found nothing in {ElapsedMs:0.0} ms")]
    private static partial void IdlePoll(ILogger logger, string useCase, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "{UseCase} refused or failed after {ElapsedMs:0.0} ms with {ExceptionType}")]
    private static partial void Failed(ILogger logger, string useCase, double elapsedMs, string exceptionType);
}
