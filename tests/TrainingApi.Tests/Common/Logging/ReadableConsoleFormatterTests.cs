using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using TrainingApi.Common.Logging;

namespace TrainingApi.Tests.Common.Logging;

/// <summary>The Development console: one short line per request and per use case, the host's chatter left out, JSON by default elsewhere.</summary>
public sealed class ReadableConsoleFormatterTests
{
    [Fact]
    public void A_request_is_one_line_of_method_path_status_and_time()
    {
        var line = Write("Microsoft.AspNetCore.HttpLogging.HttpLoggingMiddleware", LogLevel.Information,
            ("Method", "POST"), ("Path", "/api/v1/programmes"), ("StatusCode", 201), ("Duration", 14.23));

        Assert.Equal("POST /api/v1/programmes 201 14.2 ms" + Environment.NewLine, line);
    }

    [Theory]
    [InlineData(null, "  CreateProgramme ok 9.8 ms")]
    [InlineData("ProblemException", "  CreateProgramme refused 9.8 ms")]
    [InlineData("NpgsqlException", "  CreateProgramme failed (NpgsqlException) 9.8 ms")]
    public void A_use_case_is_one_line_of_name_outcome_and_time(string? exceptionType, string expected)
    {
        var category = "TrainingApi.Common.Mediator.LoggingBehavior<CreateProgramme+Command, Versioned<ProgrammeView>>";
        var line = exceptionType is null
            ? Write(category, LogLevel.Information, ("UseCase", "CreateProgramme"), ("ElapsedMs", 9.77))
            : Write(category, LogLevel.Information, ("UseCase", "CreateProgramme"), ("ElapsedMs", 9.77), ("ExceptionType", exceptionType));

        Assert.Equal(expected + Environment.NewLine, line);
    }

    [Fact]
    public void Of_the_hosts_start_only_the_address_is_written()
    {
        Assert.Equal("", Write("Microsoft.Hosting.Lifetime", LogLevel.Information, ("{OriginalFormat}", "Hosting environment: {EnvName}")));
        Assert.StartsWith("info Lifetime: Now listening on",
            Write("Microsoft.Hosting.Lifetime", LogLevel.Information, ("{OriginalFormat}", "Now listening on: {address}")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "json")]
    [InlineData("text", "text")]
    public void The_console_is_json_unless_configured_otherwise(string? configured, string expected)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        if (configured is not null)
        {
            builder.Configuration.AddInMemoryCollection([new(ConsoleLogSetup.FormatKey, configured)]);
        }

        builder.AddApiConsoleLog();
        using var services = builder.Services.BuildServiceProvider();

        Assert.Equal(expected, services.GetRequiredService<IOptions<ConsoleLoggerOptions>>().Value.FormatterName);
    }

    private static string Write(string category, LogLevel level, params (string Key, object? Value)[] fields)
    {
        var options = new ReadableConsoleFormatterOptions { ColorBehavior = LoggerColorBehavior.Disabled, TimestampFormat = null };
        using var formatter = new ReadableConsoleFormatter(new StaticMonitor(options));
        var state = fields.Select(f => new KeyValuePair<string, object?>(f.Key, f.Value)).ToList();
        var entry = new LogEntry<IReadOnlyList<KeyValuePair<string, object?>>>(level, category, new EventId(0), state, null,
            (s, _) => s.FirstOrDefault(f => f.Key == "{OriginalFormat}").Value?.ToString()?.Replace("{address}", "http://localhost:5080") ?? "");
        using var writer = new StringWriter();
        formatter.Write(entry, null, writer);
        return writer.ToString();
    }

    private sealed class StaticMonitor(ReadableConsoleFormatterOptions value) : IOptionsMonitor<ReadableConsoleFormatterOptions>
    {
        public ReadableConsoleFormatterOptions CurrentValue => value;

        public ReadableConsoleFormatterOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<ReadableConsoleFormatterOptions, string?> listener) => null;
    }
}
