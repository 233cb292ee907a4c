using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace TrainingApi.Common.Telemetry;

/// <summary>
/// OpenTelemetry, opt-in by configuration (<see cref="TelemetryOptions"/>): traces of ASP.NET Core, HttpClient (webhook
/// deliveries), Npgsql and our use cases; metrics of the runtime, Kestrel/HTTP, Npgsql and <see cref="BusinessMetrics"/>;
/// OTLP to a collector and/or a Prometheus scrape endpoint. With none of them configured nothing is built, so requests
/// pay nothing (the business counters are then plain counters nobody listens to).
/// </summary>
public static class TelemetrySetup
{
    public const string MetricsPath = "/metrics";

    public static WebApplicationBuilder AddApiTelemetry(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddMetrics();
        services.AddSingleton<BusinessMetrics>();
        var options = builder.Configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new TelemetryOptions();
        services.AddSingleton(options);
        var otlp = options.OtlpEndpoint ?? builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
        var tracing = options.Tracing || !string.IsNullOrWhiteSpace(otlp);
        var metrics = options.Metrics || options.Prometheus.Enabled || !string.IsNullOrWhiteSpace(otlp);
        if (!tracing && !metrics)
        {
            return builder;
        }

        var otel = services.AddOpenTelemetry().ConfigureResource(r => r.AddService(options.ServiceName));
        if (tracing)
        {
            otel.WithTracing(t => t
                .AddSource(Telemetry.Name)
                // Probes and scrapes would drown the traces that matter. Query strings are redacted by the instrumentation.
                .AddAspNetCoreInstrumentation(o => o.Filter = http =>
                    !http.Request.Path.StartsWithSegments("/health") && !http.Request.Path.StartsWithSegments(MetricsPath))
                .AddHttpClientInstrumentation()
                // Npgsql's spans carry the SQL with its parameter placeholders, never the parameters' values.
                .AddNpgsql());
        }

        if (metrics)
        {
            otel.WithMetrics(m =>
            {
                m.AddMeter(Telemetry.Name)
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddRuntimeInstrumentation()
                    .AddNpgsqlInstrumentation();
                if (options.Prometheus.Enabled)
                {
                    m.AddPrometheusExporter();
                }
            });
        }

        if (!string.IsNullOrWhiteSpace(otlp))
        {
            // Traces, metrics and logs to the collector; each log record carries the trace and span id of its request.
            otel.UseOtlpExporter(OpenTelemetry.Exporter.OtlpExportProtocol.Grpc, new Uri(otlp));
        }

        return builder;
    }

    /// <summary>Maps <c>GET /metrics</c> when the Prometheus endpoint is enabled, on its own port when one is configured.</summary>
    public static WebApplication MapApiTelemetry(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<TelemetryOptions>();
        if (options.Prometheus.Enabled)
        {
            // Anonymous, as Prometheus scrapes; kept from the public by its own port and the network (docs/operations.md).
            var scrape = app.MapPrometheusScrapingEndpoint(MetricsPath).AllowAnonymous();
            if (options.Prometheus.Port is { } port)
            {
                scrape.RequireHost($"*:{port}");
            }
        }

        return app;
    }
}
