using Microsoft.Extensions.Logging.Console;

namespace TrainingApi.Common.Logging;

public static class ConsoleLogSetup
{
    /// <summary>The configuration key that picks the console format: <c>json</c> (the default), <c>text</c>, <c>simple</c> or <c>systemd</c>.</summary>
    public const string FormatKey = "Logging:Console:FormatterName";

    /// <summary>
    /// Structured JSON lines on stdout, the hosting layer putting TraceId/SpanId in each entry's scope; or, where
    /// <see cref="FormatKey"/> says <c>text</c> (appsettings.Development.json), <see cref="ReadableConsoleFormatter"/>'s lines for a person.
    /// </summary>
    public static WebApplicationBuilder AddApiConsoleLog(this WebApplicationBuilder builder)
    {
        // Read here rather than left to the options binding: the format set below would otherwise override the configured one.
        var format = builder.Configuration[FormatKey] is { Length: > 0 } configured ? configured : ConsoleFormatterNames.Json;
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(o => o.FormatterName = format);
        builder.Logging.AddConsoleFormatter<ReadableConsoleFormatter, ReadableConsoleFormatterOptions>(o => o.TimestampFormat ??= "HH:mm:ss ");
        builder.Services.Configure<JsonConsoleFormatterOptions>(o =>
        {
            o.IncludeScopes = true;
            o.UseUtcTimestamp = true;
            o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
        });
        return builder;
    }
}
