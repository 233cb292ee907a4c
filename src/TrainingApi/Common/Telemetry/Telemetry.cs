using System.Diagnostics;

namespace TrainingApi.Common.Telemetry;

/// <summary>The names under which the API's own spans and metrics are published.</summary>
public static class Telemetry
{
    /// <summary>The <see cref="ActivitySource"/> and <see cref="System.Diagnostics.Metrics.Meter"/> name.</summary>
    public const string Name = "TrainingApi";

    /// <summary>
    /// Spans of use cases (mediator messages and background units of work). Their names and tags carry the use case's
    /// name only, never the message's content, which can hold officials' names, e-mails and phones.
    /// </summary>
    public static readonly ActivitySource Source = new(Name);
}
