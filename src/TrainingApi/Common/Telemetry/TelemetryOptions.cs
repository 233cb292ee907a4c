namespace TrainingApi.Common.Telemetry;

/// <summary>
/// What the API exports. Nothing by default: with no exporter configured no tracer or meter provider is built, so a
/// request pays for no span it would throw away. An OTLP endpoint turns on traces, metrics and logs to a collector;
/// the Prometheus endpoint turns on metrics only.
/// </summary>
public sealed class TelemetryOptions
{
    public const string Section = "Telemetry";

    /// <summary>
    /// The OTLP collector, e.g. <c>http://otel-collector:4317</c>. The standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> variable
    /// works too (and the other <c>OTEL_*</c> variables tune the exporter).
    /// </summary>
    public string? OtlpEndpoint { get; set; }

    /// <summary>Record traces even without an OTLP endpoint (for an exporter added in code, as the tests do).</summary>
    public bool Tracing { get; set; }

    /// <summary>Record metrics even without an exporter configured here (likewise).</summary>
    public bool Metrics { get; set; }

    public PrometheusOptions Prometheus { get; set; } = new();

    /// <summary>The service name spans and metrics carry (<c>service.name</c>).</summary>
    public string ServiceName { get; set; } = "trainingapi";
}

public sealed class PrometheusOptions
{
    /// <summary>Serve <c>GET /metrics</c> in Prometheus' text format. Off by default.</summary>
    public bool Enabled { get; set; }

    /// <summary>
    /// Serve <c>/metrics</c> only on this port (the API listens on it too, e.g. <c>ASPNETCORE_URLS=http://+:8080;http://+:9464</c>),
    /// so a network policy or the proxy can keep it away from the public: the proxy forwards the API port only.
    /// Unset: on every port the API listens on.
    /// </summary>
    public int? Port { get; set; }
}
