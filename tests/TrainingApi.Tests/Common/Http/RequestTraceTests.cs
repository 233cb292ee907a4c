using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Common.Http;

/// <summary>
/// Hosting does not make a trace and a log scope for every request (answers from memory do not pay for them); the full
/// pipeline has both: the caller's traceparent is continued (the problem's traceId is the caller's), and every log entry
/// of the request carries RequestId, RequestPath and the trace's TraceId and SpanId.
/// </summary>
public sealed class RequestTraceTests : IAsyncLifetime
{
    private readonly ScopeCapturingFactory api = new();

    public Task InitializeAsync() => api.InitializeAsync();

    public async Task DisposeAsync() => await api.DisposeAsync();

    [Fact]
    public async Task A_request_continues_the_callers_trace_and_its_log_entries_carry_the_request_scope()
    {
        var traceId = ActivityTraceId.CreateRandom().ToHexString();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/no-such-thing");
        request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom().ToHexString()}-01");

        var response = await api.CreateClient().SendAsync(request);

        // No such endpoint: a 404 problem, with the caller's traceId.
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(traceId, problem.GetProperty("traceId").GetString());
        var accessLine = Assert.Single(api.Logged, e => e.Category.StartsWith("Microsoft.AspNetCore.HttpLogging", StringComparison.Ordinal)
                                                        && e.Scope.GetValueOrDefault("RequestPath") as string == "/api/v1/no-such-thing");
        Assert.Equal(traceId, accessLine.Scope["TraceId"]?.ToString());
        Assert.False(string.IsNullOrEmpty(accessLine.Scope["SpanId"]?.ToString()));
        Assert.False(string.IsNullOrEmpty(accessLine.Scope["RequestId"]?.ToString()));
    }

    [Fact]
    public async Task Without_a_traceparent_each_request_gets_a_trace_of_its_own()
    {
        var client = api.CreateClient();

        var first = JsonDocument.Parse(await (await client.PostAsync("/api/v1/no-such-thing", null)).Content.ReadAsStringAsync()).RootElement;
        var second = JsonDocument.Parse(await (await client.PostAsync("/api/v1/no-such-thing", null)).Content.ReadAsStringAsync()).RootElement;

        var one = first.GetProperty("traceId").GetString();
        Assert.Matches("^[0-9a-f]{32}$", one);
        Assert.NotEqual(one, second.GetProperty("traceId").GetString());
    }

    private sealed record Entry(string Category, IReadOnlyDictionary<string, object?> Scope);

    private sealed class ScopeCapturingFactory : ApiFactory
    {
        public ConcurrentQueue<Entry> Logged { get; } = new();

        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            [WebHostDefaults.EnvironmentKey] = "Production",
            ["Auth:AllowLocalSigningKey"] = "true",
        };

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureLogging(logging => logging.AddProvider(new ScopeCapturingProvider(Logged)));
        }
    }

    /// <summary>Records each entry with the values of every scope around it, as the JSON console logger writes them.</summary>
    private sealed class ScopeCapturingProvider(ConcurrentQueue<Entry> entries) : ILoggerProvider, ISupportExternalScope
    {
        private readonly ConcurrentQueue<Entry> entries = entries;
        private IExternalScopeProvider scopes = new LoggerExternalScopeProvider();

        public void SetScopeProvider(IExternalScopeProvider scopeProvider) => scopes = scopeProvider;

        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, this);

        public void Dispose()
        {
        }

        private sealed class Logger(string category, ScopeCapturingProvider provider) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => provider.scopes.Push(state);

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var values = new Dictionary<string, object?>(StringComparer.Ordinal);
                provider.scopes.ForEachScope(
                    static (scope, into) =>
                    {
                        if (scope is IEnumerable<KeyValuePair<string, object?>> pairs)
                        {
                            foreach (var (key, value) in pairs)
                            {
                                into[key] = value;
                            }
                        }
                    },
                    values);
                provider.entries.Enqueue(new Entry(category, values));
            }
        }
    }
}
