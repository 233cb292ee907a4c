namespace TrainingApi.Common.Events;

/// <summary>
/// An event other systems may subscribe to. The record is the payload's <c>data</c>: ids and the minimum a
/// receiver needs, nothing personal. A breaking change to it is a new <see cref="Version"/>.
/// </summary>
public interface IIntegrationEvent
{
    /// <summary>Dotted, kebab-case, past tense: <c>comment.disposed</c>, <c>application.accepted</c>.</summary>
    static abstract string EventType { get; }

    static abstract int Version { get; }

    static abstract string Description { get; }
}
