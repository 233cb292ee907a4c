using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Primitives;
using TrainingApi.Common.Localization;
using TrainingApi.Common.Problems;

namespace TrainingApi.Common.Http;

/// <summary>
/// PostgreSQL cannot store U+0000 in text (22021) nor in jsonb (22P05), so a NUL reaching a query is a 500. It is
/// refused once, at the edge, as a 400 naming where it was: in a JSON body by <see cref="NulRefusingStringConverter"/>,
/// in a query parameter, route value or header by <see cref="NulCharacterMiddleware"/>.
/// </summary>
public static class NulCharacters
{
    public static readonly Text Message = new(
        "The value contains the NUL character (U+0000), which this API does not accept; remove it.",
        "Wartość zawiera znak NUL (U+0000), którego to API nie przyjmuje; usuń go.");

    public static bool In(string? value) => value is not null && value.Contains('\0', StringComparison.Ordinal);

    public static bool In(StringValues values)
    {
        foreach (var value in values)
        {
            if (In(value))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The query parameter or header that carries a NUL (RFC 9110 §5.5 forbids it in a field value; Kestrel refuses it already,
    /// other hosts may not), or null. The fast lane asks too, and leaves such a request to <see cref="NulCharacterMiddleware"/>.
    /// </summary>
    public static string? FieldIn(HttpRequest request)
    {
        if (request.QueryString.HasValue)
        {
            foreach (var (name, values) in request.Query)
            {
                if (In(name) || In(values))
                {
                    return name;
                }
            }
        }

        foreach (var (name, values) in request.Headers)
        {
            if (In(values))
            {
                return name;
            }
        }

        return null;
    }

    /// <summary>A name fit for the <c>errors</c> map and a log even when the name itself carried the NUL.</summary>
    public static string Printable(string name) => name.Replace("\0", "\\u0000", StringComparison.Ordinal);

    public static ProblemException Refused(string field) => new(ProblemKind.MalformedRequest,
        new($"The request could not be read at '{Printable(field)}'.", $"Nie można odczytać żądania w miejscu '{Printable(field)}'."),
        new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { [Printable(field)] = [Message.ToString()] } });
}

/// <summary>Thrown while reading a JSON body; System.Text.Json adds the path, the problem handler names it in <c>errors</c>.</summary>
public sealed class NulCharacterJsonException() : JsonException(NulCharacters.Message.En);

/// <summary>Every string of a JSON body, values and dictionary keys alike, goes through here.</summary>
public sealed class NulRefusingStringConverter : JsonConverter<string>
{
    public override bool HandleNull => false;

    // GetString refuses a number or an object exactly as the built-in converter does.
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => Checked(reader.GetString());

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);

    public override string ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Checked(reader.GetString())!;

    public override void WriteAsPropertyName(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WritePropertyName(value);

    private static string? Checked(string? value) => NulCharacters.In(value) ? throw new NulCharacterJsonException() : value;
}

/// <summary>
/// Refuses a NUL in a decoded query parameter (name or value), route value or request header, before authentication
/// and the endpoint. Runs after routing so that a route value is named by its parameter.
/// </summary>
public sealed class NulCharacterMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext http)
    {
        var request = http.Request;
        // Kestrel and TestServer refuse %00 in the path themselves; another host may not.
        foreach (var (name, value) in request.RouteValues)
        {
            if (value is string text && NulCharacters.In(text))
            {
                throw NulCharacters.Refused(name);
            }
        }

        return NulCharacters.FieldIn(request) is { } field ? throw NulCharacters.Refused(field) : next(http);
    }
}
