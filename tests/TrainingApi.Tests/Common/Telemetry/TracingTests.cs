using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Trace;
using TrainingApi.Common.Security;
using TrainingApi.Features.Curriculum;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Common.Telemetry;

/// <summary>A request becomes one trace: ASP.NET Core's span, the use case's span under it, Npgsql's spans under that.</summary>
public sealed class TracingTests(TracingTests.TracingFactory api) : IClassFixture<TracingTests.TracingFactory>
{
    public sealed class TracingFactory : ApiFactory
    {
        public ConcurrentQueue<Activity> Spans { get; } = new();

        /// <summary>Pulsed after each span is collected.</summary>
        public Signal SpanEnded { get; } = new();

        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Telemetry:Tracing"] = "true" };

        // Every span the tracer provider records, as it ends (an in-memory exporter, safe for spans ending on many threads).
        protected override void ConfigureServices(IServiceCollection services) =>
            services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddProcessor(new Collector(Spans, SpanEnded)));
    }

    private sealed class Collector(ConcurrentQueue<Activity> spans, Signal ended) : BaseProcessor<Activity>
    {
        public override void OnEnd(Activity data)
        {
            spans.Enqueue(data);
            ended.Pulse();
        }
    }

    [Fact]
    public async Task A_command_is_traced_from_the_request_through_the_use_case_to_its_sql_under_one_trace_id()
    {
        var traceId = ActivityTraceId.CreateRandom();
        var title = "Program śledzony " + Guid.NewGuid().ToString("N");
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/programmes") { Content = HttpExtensions.JsonBody($$"""{"title":"{{title}}"}""") }
            .WithHeader("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01");

        var response = await api.ClientAs(Roles.ProgrammeTeam).SendAsync(request);
        var created = await response.ShouldBeAsync<ProgrammeView>(HttpStatusCode.Created);
        var trace = await SpansOfAsync(traceId, s => s.Source.Name == "Microsoft.AspNetCore");

        var server = Assert.Single(trace, s => s.Source.Name == "Microsoft.AspNetCore");
        var useCase = Assert.Single(trace, s => s.Source.Name == "TrainingApi");
        var sql = trace.Where(s => s.Source.Name == "Npgsql").ToList();
        Assert.Equal(("CreateProgramme", server.SpanId), (useCase.DisplayName, useCase.ParentSpanId));
        Assert.Equal("command", useCase.GetTagItem("trainingapi.use_case.kind"));
        Assert.NotEmpty(sql);
        Assert.All(sql, s => Assert.True(IsUnder(s, useCase, trace), $"the SQL span {s.DisplayName} is not under the use case's span"));
        Assert.Contains(sql, s => s.DisplayName.Contains("INSERT", StringComparison.OrdinalIgnoreCase)
                                  || (s.GetTagItem("db.query.text") ?? s.GetTagItem("db.statement"))?.ToString()?.Contains("INSERT", StringComparison.OrdinalIgnoreCase) == true);
        // The request's content (here a title; elsewhere names and e-mails) is in no span's name or tag.
        Assert.DoesNotContain(trace, s => s.DisplayName.Contains(title, StringComparison.Ordinal)
                                          || s.TagObjects.Any(t => t.Value?.ToString()?.Contains(title, StringComparison.Ordinal) == true));
        Assert.NotEqual(Guid.Empty, created.Id);
    }

    [Fact]
    public async Task A_refused_command_marks_its_span_as_an_error_with_the_exception_type_only()
    {
        var traceId = ActivityTraceId.CreateRandom();
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/programmes") { Content = HttpExtensions.JsonBody("""{"title":""}""") }
            .WithHeader("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01");

        await (await api.ClientAs(Roles.ProgrammeTeam).SendAsync(request)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        var trace = await SpansOfAsync(traceId, s => s.Source.Name == "Microsoft.AspNetCore");

        var useCase = Assert.Single(trace, s => s.Source.Name == "TrainingApi");
        Assert.Equal((ActivityStatusCode.Error, "ValidationException"), (useCase.Status, useCase.GetTagItem("error.type")));
        Assert.Empty(useCase.Events);
    }

    [Fact]
    public async Task Health_probes_leave_no_trace()
    {
        var traceId = ActivityTraceId.CreateRandom();
        var probe = new HttpRequestMessage(HttpMethod.Get, "/health/live").WithHeader("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01");
        var client = api.CreateClient(); // the host, and with it the tracer provider's own listener, exists before ours
        var probeEnded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        // The request's own activity is created (the tracer provider samples it) and stopped whether or not it is exported.
        // Listeners are told of a stop in the order they were added, so by the time this one hears of it, the tracer
        // provider has already exported the span or dropped it: from then on, absence is final.
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Microsoft.AspNetCore",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.PropagationData,
            ActivityStopped = activity =>
            {
                if (activity.TraceId == traceId && activity.Parent is null)
                {
                    probeEnded.TrySetResult();
                }
            },
        };
        ActivitySource.AddActivityListener(listener);

        (await client.SendAsync(probe)).EnsureSuccessStatusCode();
        await Eventually.SignalledAsync("the probe's request activity to stop", probeEnded.Task);

        Assert.DoesNotContain(Snapshot(), s => s.TraceId == traceId);
    }

    private static bool IsUnder(Activity span, Activity ancestor, IReadOnlyList<Activity> trace)
    {
        var parent = span.ParentSpanId;
        while (parent != default)
        {
            if (parent == ancestor.SpanId)
            {
                return true;
            }

            parent = trace.FirstOrDefault(s => s.SpanId == parent)?.ParentSpanId ?? default;
        }

        return false;
    }

    /// <summary>The trace's spans once the one that ends last (the server's, after the response went out) is exported.</summary>
    private Task<List<Activity>> SpansOfAsync(ActivityTraceId traceId, Func<Activity, bool> last) =>
        Eventually.ValueAsync($"the last span of trace {traceId} to be exported",
            () => Task.FromResult(Snapshot().Where(s => s.TraceId == traceId).ToList()), spans => spans.Any(last), changed: () => api.SpanEnded.Next);

    private List<Activity> Snapshot() => [.. api.Spans];
}
