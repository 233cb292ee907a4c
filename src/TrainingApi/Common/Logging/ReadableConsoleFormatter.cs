using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace TrainingApi.Common.Logging;

/// <summary>Options of the <c>text</c> console format, under <c>Logging:Console:FormatterOptions</c> like the built-in formatters'.</summary>
public sealed class ReadableConsoleFormatterOptions : ConsoleFormatterOptions
{
    /// <summary>
    /// Default: colours when stdout is a terminal (or <c>DOTNET_SYSTEM_CONSOLE_ALLOW_ANSI_COLOR_REDIRECTION</c> says a pipe may
    /// have them) and <c>NO_COLOR</c> is not set; Enabled or Disabled force it.
    /// </summary>
    public LoggerColorBehavior ColorBehavior { get; set; }
}

/// <summary>
/// The console as a person reads it while developing (<c>Logging:Console:FormatterName=text</c>, the Development default):
/// one short line per request (<c>POST /api/v1/programmes 201 14 ms</c>) and per use case (<c>CreateProgramme ok 9.8 ms</c>),
/// other entries as <c>level category: message</c>, no scopes. The built-in simple formatter would print the HTTP log's
/// multi-line message and a category before every line. Machines read the JSON format, the default everywhere else.
/// </summary>
public sealed class ReadableConsoleFormatter : ConsoleFormatter, IDisposable
{
    public const string FormatterName = "text";

    private const string HttpLogCategory = "Microsoft.AspNetCore.HttpLogging.HttpLoggingMiddleware";
    private const string FastLaneCategory = "TrainingApi.Common.Http.PublicReads.PublicFastLaneMiddleware";
    private const string UseCaseCategory = "TrainingApi.Common.Mediator.LoggingBehavior";
    private const string LifetimeCategory = "Microsoft.Hosting.Lifetime";

    private const string Reset = "\e[0m";
    private const string Dim = "\e[2m";
    private const string Red = "\e[31m";
    private const string Green = "\e[32m";
    private const string Yellow = "\e[33m";
    private const string Cyan = "\e[36m";
    private const string Magenta = "\e[35m";

    private readonly IDisposable? reload;
    private ReadableConsoleFormatterOptions options;

    public ReadableConsoleFormatter(IOptionsMonitor<ReadableConsoleFormatterOptions> monitor) : base(FormatterName)
    {
        options = monitor.CurrentValue;
        reload = monitor.OnChange(o => options = o);
    }

    public void Dispose() => reload?.Dispose();

    public override void Write<TState>(in LogEntry<TState> entry, IExternalScopeProvider? scopeProvider, TextWriter writer)
    {
        var fields = entry.State as IReadOnlyList<KeyValuePair<string, object?>>;
        var color = UseColor(options.ColorBehavior);
        var line = entry.Category switch
        {
            HttpLogCategory or FastLaneCategory when RequestLine(fields, entry.Category == FastLaneCategory, color) is { } request => request,
            _ when entry.Category.StartsWith(UseCaseCategory, StringComparison.Ordinal) && UseCaseLine(fields, color) is { } useCase => useCase,
            // Of the host's start-up chatter only the address is worth a line; stopping and errors still show.
            LifetimeCategory when entry.LogLevel == LogLevel.Information && !IsListeningOn(fields) => null,
            _ => OtherLine(entry, color),
        };
        if (line is null)
        {
            return;
        }

        if (!string.IsNullOrEmpty(options.TimestampFormat))
        {
            var now = options.UseUtcTimestamp ? DateTimeOffset.UtcNow : DateTimeOffset.Now;
            writer.Write(Paint(now.ToString(options.TimestampFormat, CultureInfo.InvariantCulture), Dim, color));
        }

        writer.Write(line);
        writer.Write(Environment.NewLine);
        if (entry.Exception is { } exception)
        {
            // The one place a line may run long: a failure is read in full, indented under its entry.
            writer.Write("      ");
            writer.Write(exception.ToString().Replace(Environment.NewLine, Environment.NewLine + "      ", StringComparison.Ordinal));
            writer.Write(Environment.NewLine);
        }
    }

    private static string? RequestLine(IReadOnlyList<KeyValuePair<string, object?>>? fields, bool fromMemory, bool color)
    {
        if (Field(fields, "Method") is not { } method || Field(fields, "Path") is not { } path
            || !int.TryParse(Field(fields, "StatusCode")?.ToString(), CultureInfo.InvariantCulture, out var status))
        {
            return null;
        }

        var statusColor = status >= 500 ? Red : status >= 400 ? Yellow : status >= 300 ? Cyan : Green;
        var elapsed = Milliseconds(Field(fields, "Duration"));
        return $"{method} {path} {Paint(status.ToString(CultureInfo.InvariantCulture), statusColor, color)}{elapsed}{(fromMemory ? Paint(" (from memory)", Dim, color) : "")}";
    }

    private static string? UseCaseLine(IReadOnlyList<KeyValuePair<string, object?>>? fields, bool color)
    {
        if (Field(fields, "UseCase") is not { } useCase)
        {
            return null;
        }

        var elapsed = Milliseconds(Field(fields, "ElapsedMs"));
        var outcome = Field(fields, "ExceptionType") switch
        {
            null => Paint("ok", Green, color),
            // A refusal is the API answering a client (4xx); anything else is a failure worth a look.
            "ProblemException" or "ValidationException" => Paint("refused", Yellow, color),
            var other => Paint($"failed ({other})", Red, color),
        };
        return $"  {Paint(useCase.ToString()!, Magenta, color)} {outcome}{elapsed}";
    }

    private static string OtherLine<TState>(in LogEntry<TState> entry, bool color)
    {
        var (tag, tagColor) = entry.LogLevel switch
        {
            LogLevel.Trace => ("trce", Dim),
            LogLevel.Debug => ("dbug", Dim),
            LogLevel.Information => ("info", Green),
            LogLevel.Warning => ("warn", Yellow),
            LogLevel.Error => ("fail", Red),
            _ => ("crit", Red),
        };
        var category = entry.Category[(entry.Category.LastIndexOf('.') + 1)..];
        var message = entry.Formatter(entry.State, entry.Exception)?.Replace(Environment.NewLine, " ", StringComparison.Ordinal);
        return $"{Paint(tag, tagColor, color)} {Paint(category + ":", Dim, color)} {message}";
    }

    private static bool IsListeningOn(IReadOnlyList<KeyValuePair<string, object?>>? fields) =>
        Field(fields, "{OriginalFormat}") is string format && format.StartsWith("Now listening on", StringComparison.Ordinal);

    private static object? Field(IReadOnlyList<KeyValuePair<string, object?>>? fields, string name)
    {
        if (fields is null)
        {
            return null;
        }

        foreach (var (key, value) in fields)
        {
            if (key == name)
            {
                return value;
            }
        }

        return null;
    }

    private static string Milliseconds(object? value) => value switch
    {
        double ms => $" {ms.ToString("0.#", CultureInfo.InvariantCulture)} ms",
        IConvertible other when double.TryParse(other.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture, out var ms) =>
            $" {ms.ToString("0.#", CultureInfo.InvariantCulture)} ms",
        _ => "",
    };

    private static string Paint(string text, string ansi, bool color) => color ? ansi + text + Reset : text;

    private static bool UseColor(LoggerColorBehavior behavior) => behavior switch
    {
        LoggerColorBehavior.Enabled => true,
        LoggerColorBehavior.Disabled => false,
        _ => string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"))
             && (!Console.IsOutputRedirected || Environment.GetEnvironmentVariable("DOTNET_SYSTEM_CONSOLE_ALLOW_ANSI_COLOR_REDIRECTION") is "1" or "true"),
    };
}
