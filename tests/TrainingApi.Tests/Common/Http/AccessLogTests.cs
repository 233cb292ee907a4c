using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Common.Http;

/// <summary>
/// The access log keeps every read at ordinary traffic and at most AccessLog:MaxReadLinesPerSecond read lines in a second of the
/// clock (here 3), whether the pipeline or the fast lane answered; writes are logged whatever the reads did.
/// </summary>
public sealed class AccessLogTests : IAsyncLifetime
{
    private readonly LogCapturingFactory api = new();

    public Task InitializeAsync() => api.InitializeAsync();

    public async Task DisposeAsync() => await api.DisposeAsync();

    [Fact]
    public async Task Reads_are_logged_up_to_the_ceiling_in_a_second_and_again_in_the_next()
    {
        var client = api.CreateClient();

        // The first answer comes through the pipeline (HTTP logging), the rest from memory (the fast lane's own line).
        for (var i = 0; i < 8; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        }

        Assert.Equal(3, api.LinesFor("/health/live"));
        Assert.Contains(api.Logged, e => e.Category.EndsWith("PublicFastLaneMiddleware", StringComparison.Ordinal) && e.Path == "/health/live");

        api.Clock.Now = api.Clock.Now.AddSeconds(1);
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        }

        Assert.Equal(6, api.LinesFor("/health/live"));
    }

    [Fact]
    public async Task Writes_are_logged_when_the_reads_have_used_up_the_second()
    {
        var client = api.CreateClient();
        for (var i = 0; i < 5; i++)
        {
            await client.GetAsync("/health/live");
        }

        for (var i = 0; i < 4; i++)
        {
            // No such endpoint, so 404; a write all the same, and logged.
            Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync("/api/v1/no-such-thing", null)).StatusCode);
        }

        Assert.Equal(3, api.LinesFor("/health/live"));
        Assert.Equal(4, api.LinesFor("/api/v1/no-such-thing"));
    }

    private sealed record Entry(string Category, string? Path);

    private sealed class LogCapturingFactory : ApiFactory
    {
        public ConcurrentQueue<Entry> Logged { get; } = new();

        public FixedClock Clock { get; } = new(new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero));

        public int LinesFor(string path) => Logged.Count(e => e.Path == path
                                                             && (e.Category.StartsWith("Microsoft.AspNetCore.HttpLogging", StringComparison.Ordinal)
                                                                 || e.Category.EndsWith("PublicFastLaneMiddleware", StringComparison.Ordinal)));

        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            [WebHostDefaults.EnvironmentKey] = "Production",
            ["Auth:AllowLocalSigningKey"] = "true",
            ["AccessLog:SampleEvery"] = "1",
            ["AccessLog:MaxReadLinesPerSecond"] = "3",
        };

        protected override void ConfigureServices(IServiceCollection services)
        {
            base.ConfigureServices(services);
            services.AddSingleton<TimeProvider>(Clock);
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureLogging(logging => logging.AddProvider(new CapturingProvider(Logged)));
        }
    }

    /// <summary>Records each entry's category and the Path it names (both access lines carry one).</summary>
    private sealed class CapturingProvider(ConcurrentQueue<Entry> entries) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, entries);

        public void Dispose()
        {
        }

        private sealed class Logger(string category, ConcurrentQueue<Entry> entries) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var path = state is IEnumerable<KeyValuePair<string, object?>> fields
                    ? fields.FirstOrDefault(f => f.Key == "Path").Value?.ToString()
                    : null;
                entries.Enqueue(new Entry(category, path));
            }
        }
    }
}
