using Mediator;

namespace TrainingApi.Common.UseCases;

/// <summary>
/// A command background work sends on a timer, every few hundred milliseconds on every instance, that mostly finds nothing
/// to do (no due delivery, no stranded application). A poll that found nothing is logged at Trace, below what any
/// configuration shows by default, so the log holds the work done rather than a line per tick; a poll that did work, was
/// refused or failed is logged like any command.
/// </summary>
public interface IPollingCommand
{
    /// <summary>Whether <paramref name="response"/> (the handler's answer) says the poll found work.</summary>
    bool FoundWork(object? response);
}

/// <inheritdoc cref="IPollingCommand"/>
public interface IPollingCommand<TResponse> : ICommand<TResponse>, IPollingCommand
{
    /// <summary>Whether the answer says the poll found work.</summary>
    bool FoundWork(TResponse response);

    bool IPollingCommand.FoundWork(object? response) => response is TResponse answer && FoundWork(answer);
}
