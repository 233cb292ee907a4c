using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;

namespace TrainingApi.Tests.Common.Telemetry;

/// <summary>
/// Listens to the "TrainingApi" meter of one host only (its <see cref="IMeterFactory"/> is the meter's scope), so counts
/// from other test classes' hosts running in parallel never mix in.
/// </summary>
public sealed class MetricRecorder : IDisposable
{
    private readonly MeterListener listener = new();
    private readonly ConcurrentQueue<(string Name, double Value, Dictionary<string, string?> Tags)> measurements = new();

    public MetricRecorder(IServiceProvider services)
    {
        var factory = services.GetRequiredService<IMeterFactory>();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == TrainingApi.Common.Telemetry.Telemetry.Name && ReferenceEquals(instrument.Meter.Scope, factory))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
            measurements.Enqueue((instrument.Name, value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value?.ToString()))));
        listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) =>
            measurements.Enqueue((instrument.Name, value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value?.ToString()))));
        listener.Start();
    }

    /// <summary>The sum of a counter's measurements, of those carrying the tag when one is named.</summary>
    public long Sum(string name, string? tag = null, string? value = null) => (long)Of(name, tag, value).Sum(m => m.Value);

    /// <summary>The values recorded (a histogram's measurements), of those carrying the tag when one is named.</summary>
    public IReadOnlyList<double> Values(string name, string? tag = null, string? value = null) => [.. Of(name, tag, value).Select(m => m.Value)];

    private IEnumerable<(string Name, double Value, Dictionary<string, string?> Tags)> Of(string name, string? tag, string? value) =>
        measurements.Where(m => m.Name == name && (tag is null || (m.Tags.TryGetValue(tag, out var v) && v == value)));

    public void Dispose() => listener.Dispose();
}
