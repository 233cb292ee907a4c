using System.Collections.Concurrent;
using System.Diagnostics;
using FluentValidation;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Trace;
using TrainingApi.Common.Audit;
using TrainingApi.Common.PersonalData;
using TrainingApi.Common.Security;
using TrainingApi.Common.UseCases;
using TrainingApi.Features.SelfAssessment.Rounds;
using TrainingApi.Tests.Features.SelfAssessment;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Common.UseCases;

/// <summary>
/// Background work sends commands through the runner, and they pass the same pipeline as a request's: validated before
/// anything is written, logged and traced under the use case's name, audited as the system in that use case.
/// </summary>
public sealed class BackgroundUseCasesTests(BackgroundUseCasesTests.ObservedFactory api) : IClassFixture<BackgroundUseCasesTests.ObservedFactory>
{
    [Fact]
    public async Task An_invalid_background_command_is_refused_by_validation_and_changes_nothing()
    {
        var (round, _) = await new SelfAssessmentSteps(api).StartAsync();
        var tomorrow = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(1);

        var refused = await Assert.ThrowsAsync<ValidationException>(() =>
            api.Services.GetRequiredService<UseCaseRunner>().SendAsync(Actor.System, new EraseExpiredPersonalData.Command(tomorrow), CancellationToken.None));

        Assert.Contains(refused.Errors, e => string.Equals(e.PropertyName, nameof(EraseExpiredPersonalData.Command.EraseAfter), StringComparison.OrdinalIgnoreCase));
        Assert.Contains(api.UseCaseLines(), l => l.UseCase == nameof(EraseExpiredPersonalData) && l.Message.EndsWith("with ValidationException", StringComparison.Ordinal));
        await using var db = api.Db();
        Assert.False(await db.Context.Set<AuditEntry>().AnyAsync(e => e.Action == nameof(EraseExpiredPersonalData)));
        Assert.Equal("Samoocena testowa", await db.Context.Set<AssessmentRound>().Where(r => r.Id == round.Id).Select(r => r.Title).SingleAsync());
    }

    [Fact]
    public async Task A_background_command_is_logged_traced_and_audited_as_the_system_in_its_use_case()
    {
        var (round, _) = await new SelfAssessmentSteps(api).StartAsync();
        await using (var db = api.Db())
        {
            await db.Context.Set<AssessmentRound>().Where(r => r.Id == round.Id).ExecuteUpdateAsync(u => u.SetProperty(r => r.Deadline, DateTimeOffset.UtcNow.AddSeconds(-1)));
        }

        var traceId = ActivityTraceId.CreateRandom().ToHexString();
        var closed = await api.Services.GetRequiredService<UseCaseRunner>()
            .SendAsync(Actor.System, new CloseSelfAssessmentsAtDeadline.Command(), CancellationToken.None, traceId);

        Assert.True(closed);
        const string name = nameof(CloseSelfAssessmentsAtDeadline);
        // The same line, by the same behaviour, as the request's command that started the round.
        var lines = api.UseCaseLines();
        var request = lines.First(l => l.UseCase == nameof(StartRound));
        var line = Assert.Single(lines, l => l.UseCase == name);
        Assert.All([request, line], l => Assert.Matches($"^{l.UseCase} handled in [0-9.,]+ ms$", l.Message));
        Assert.Equal((LogLevel.Information, LogLevel.Information), (request.Level, line.Level));

        // The runner's root span in the trace it was given, the use case's span (the one a request's command has) under it.
        var spans = api.Spans.Where(s => s.TraceId.ToHexString() == traceId && s.Source.Name == "TrainingApi").ToList();
        var useCase = Assert.Single(spans, s => s.GetTagItem("trainingapi.use_case") is not null);
        Assert.Equal((name, name, "command"), (useCase.DisplayName, useCase.GetTagItem("trainingapi.use_case"), useCase.GetTagItem("trainingapi.use_case.kind")));
        var root = Assert.Single(spans, s => s.SpanId == useCase.ParentSpanId);
        Assert.Equal(name, root.DisplayName);

        await using (var db = api.Db())
        {
            var audited = await db.Context.Set<AuditEntry>().Where(e => e.EntityId == round.Id.ToString() && e.Action == name).ToListAsync();
            Assert.NotEmpty(audited);
            Assert.All(audited, e => Assert.Equal((Caller.System.Subject, traceId), (e.ActorSubject, e.TraceId)));
        }
    }

    [Fact]
    public async Task A_background_poll_that_found_nothing_writes_no_line_to_the_log()
    {
        int Lines() => api.UseCaseLines().Count(l => l.UseCase == nameof(CloseSelfAssessmentsAtDeadline));
        var before = Lines();

        // Nothing is past its deadline here (the other test closes its own round), so the sweep finds nothing: logged at
        // Trace, which no configuration shows by default, rather than a line per tick of every instance.
        var closed = await api.Services.GetRequiredService<UseCaseRunner>()
            .SendAsync(Actor.System, new CloseSelfAssessmentsAtDeadline.Command(), CancellationToken.None);

        Assert.Null(closed);
        Assert.Equal(before, Lines());
        Assert.True(api.Services.GetRequiredService<ILogger<TrainingApi.Common.Mediator.LoggingBehavior<CloseSelfAssessmentsAtDeadline.Command, bool?>>>()
            .IsEnabled(LogLevel.Information), "the use-case log is on, so the absence of a line is the behaviour's choice");
    }

    public sealed class ObservedFactory : ApiFactory
    {
        public ConcurrentQueue<Activity> Spans { get; } = new();

        private readonly ConcurrentQueue<UseCaseLine> logged = new();

        /// <summary>The lines the mediator's logging behaviour wrote, with the use case they name.</summary>
        public List<UseCaseLine> UseCaseLines() => [.. logged];

        // Tracing on; the deadline sweep out of the way, so only the test closes rounds.
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Telemetry:Tracing"] = "true",
            ["SelfAssessment:DeadlineSweepSeconds"] = "86400",
        };

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureLogging(logging => logging.AddProvider(new UseCaseLineProvider(logged)));
        }

        protected override void ConfigureServices(IServiceCollection services) =>
            services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddProcessor(new Collector(Spans)));
    }

    public sealed record UseCaseLine(string UseCase, LogLevel Level, string Message);

    private sealed class Collector(ConcurrentQueue<Activity> spans) : BaseProcessor<Activity>
    {
        public override void OnEnd(Activity data) => spans.Enqueue(data);
    }

    private sealed class UseCaseLineProvider(ConcurrentQueue<UseCaseLine> lines) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) =>
            categoryName.StartsWith("TrainingApi.Common.Mediator.LoggingBehavior", StringComparison.Ordinal) ? new Logger(lines) : Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

        public void Dispose()
        {
        }

        private sealed class Logger(ConcurrentQueue<UseCaseLine> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var useCase = state is IReadOnlyList<KeyValuePair<string, object?>> values
                    ? values.FirstOrDefault(v => v.Key == "UseCase").Value?.ToString() ?? ""
                    : "";
                lines.Enqueue(new UseCaseLine(useCase, logLevel, formatter(state, exception)));
            }
        }
    }
}
