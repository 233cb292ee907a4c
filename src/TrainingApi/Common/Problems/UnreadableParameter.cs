using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Metadata;
using TrainingApi.Common.Http;
using TrainingApi.Common.Localization;

namespace TrainingApi.Common.Problems;

/// <summary>
/// Says which route, query or header value, or which place in a JSON body, could not be read and what it must be, wholly in
/// the client's language and words (a UUID, a whole number, a date), never in .NET's (<c>Guid? programmeId</c>, <c>Int32</c>)
/// and never quoting the runtime's English. Two ways in: the request delegates generated at compile time answer a bare 400 for
/// an optional value-type parameter that does not parse (<c>?limit=many</c>), and the status code page then asks
/// <see cref="Describe"/>; every other binding failure arrives as the runtime's <see cref="BadHttpRequestException"/>, whose
/// message <see cref="FromRuntimeMessage"/> and whose <see cref="JsonException"/> <see cref="FromJson"/> rewrite.
/// Error path only: reflection is fine here.
/// </summary>
public static partial class UnreadableParameter
{
    /// <summary>The parameter as the client names it, and the message for the first route or query value of this request's endpoint that does not parse.</summary>
    public static (string Name, Text Message)? Describe(HttpContext http)
    {
        if (http.GetEndpoint() is not { } endpoint)
        {
            return null;
        }

        foreach (var parameter in endpoint.Metadata.GetOrderedMetadata<IParameterBindingMetadata>())
        {
            if (!parameter.HasTryParse)
            {
                continue;
            }

            var raw = http.Request.RouteValues.TryGetValue(parameter.Name, out var routeValue)
                ? Convert.ToString(routeValue, CultureInfo.InvariantCulture)
                : (string?)http.Request.Query[parameter.Name];
            var type = ValueType(parameter.ParameterInfo.ParameterType);
            if (!string.IsNullOrEmpty(raw) && !Parses(type, raw))
            {
                return (parameter.Name, MustBe(parameter.Name, type, IsQuery(http, parameter.Name)));
            }
        }

        return null;
    }

    /// <summary>
    /// The runtime's binding message (<c>Failed to bind parameter "Guid id" from "x".</c>, <c>Required parameter … was not
    /// provided from header.</c>) as the parameter's wire name and a message in the client's words, or null.
    /// </summary>
    public static (string Name, Text Message)? FromRuntimeMessage(string message, HttpContext http)
    {
        var failed = FailedToBind().Match(message);
        if (failed.Success)
        {
            var (name, type, source) = Declared(http, failed.Groups["name"].Value);
            return (name, MustBe(name, type, source == Source.Query));
        }

        var missing = NotProvided().Match(message);
        if (missing.Success)
        {
            var (name, _, source) = Declared(http, missing.Groups["name"].Value);
            return source switch
            {
                Source.Header => (name, new Text($"The header \"{name}\" is required.", $"Nagłówek \"{name}\" jest wymagany.")),
                Source.Body => ("$", BodyRequired),
                _ => (name, new Text($"The parameter \"{name}\" is required.", $"Parametr \"{name}\" jest wymagany.")),
            };
        }

        if (message.StartsWith("Implicit body inferred", StringComparison.Ordinal))
        {
            return ("$", BodyRequired);
        }

        return null;
    }

    /// <summary>What to send instead of a body of a media type the endpoint does not read: the types it declares, else JSON.</summary>
    public static Text UnsupportedMediaType(HttpContext http)
    {
        var types = EndpointOf(http)?.Metadata.GetMetadata<IAcceptsMetadata>()?.ContentTypes is { Count: > 0 } declared
            ? string.Join(", ", declared)
            : "application/json";
        return new Text($"Send the body as {types}.", $"Wyślij treść jako {types}.");
    }

    private static readonly Text BodyRequired = new("The request body is required: send it as JSON.", "Treść żądania jest wymagana: wyślij ją jako JSON.");

    /// <summary>
    /// Where in the body, and what was wrong there, for System.Text.Json's exception, whose own message names .NET types: text
    /// that is not JSON at all, or a value of the wrong type (<c>The body's "$.hours" (line 1) must be a number …</c>), its type
    /// found by following the path through the endpoint's request type.
    /// </summary>
    public static Text FromJson(JsonException json, string path, HttpContext http)
    {
        var line = (json.LineNumber ?? 0) + 1;
        var position = (json.BytePositionInLine ?? 0) + 1;
        if (json.InnerException?.GetType().Name == "JsonReaderException")
        {
            return new Text($"The body is not valid JSON at line {line}, position {position} (\"{path}\").",
                $"Treść żądania nie jest poprawnym JSON-em w wierszu {line}, pozycja {position} (\"{path}\").");
        }

        if (json.Message.Contains("does not exist in Europe/Warsaw", StringComparison.Ordinal))
        {
            return new Text($"The body's \"{path}\" is a time that does not exist in Europe/Warsaw (the clocks skip that hour); give an offset or another time.",
                $"\"{path}\" w treści żądania to godzina, której nie ma w strefie Europe/Warsaw (zegary ją przeskakują); podaj przesunięcie albo inną godzinę.");
        }

        var type = TypeAt(EndpointOf(http)?.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType, path)
                   ?? (NotConverted().Match(json.Message) is { Success: true } converted ? TypeNamed(converted.Groups["type"].Value) : null);
        var (en, pl) = Kind(type);
        // Line only: the reader reports the position after the value, which would point past it.
        return new Text($"The body's \"{path}\" (line {line}) must be {en}.", $"\"{path}\" w treści żądania (wiersz {line}) musi być {pl}.");
    }

    /// <summary>The type a JSON path (<c>$.items[0].disposition</c>) reaches in a request type, or null where it cannot be followed.</summary>
    private static Type? TypeAt(Type? type, string path)
    {
        foreach (Match step in PathStep().Matches(path))
        {
            if (type is null)
            {
                return null;
            }

            type = ValueType(type);
            if (step.Groups["index"].Success)
            {
                type = type.IsArray ? type.GetElementType()
                    : type.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];
            }
            else
            {
                var name = step.Groups["member"].Success ? step.Groups["member"].Value : step.Groups["quoted"].Value;
                type = type.GetProperty(name, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase)?.PropertyType;
            }
        }

        return type is null ? null : ValueType(type);
    }

    private static Text MustBe(string name, Type? type, bool inQuery)
    {
        if (type is { IsArray: true })
        {
            var (elementEn, elementPl) = Kind(type.GetElementType());
            return new Text($"Each \"{name}\" value must be {elementEn}.", $"Każda wartość \"{name}\" musi być {elementPl}.");
        }

        var (en, pl) = Kind(type);
        var range = Range(name, type, inQuery) is var (min, max) ? $" {min}–{max}" : "";
        return new Text($"\"{name}\" must be {en}{range}.", $"\"{name}\" musi być {pl}{range}.");
    }

    /// <summary>
    /// The range the contract declares for the value: every list's <c>limit</c> is 1 to <see cref="KeysetCursor.MaxLimit"/>
    /// (Common/OpenApi/PageLimitParameterFilter). Other ranges are the validators' and come in their 400.
    /// </summary>
    private static (int Min, int Max)? Range(string name, Type? type, bool inQuery) =>
        inQuery && name == "limit" && type == typeof(int) ? (1, KeysetCursor.MaxLimit) : null;

    private static (string En, string Pl) Kind(Type? type) => type switch
    {
        null => ("a valid value", "poprawną wartością"),
        _ when type == typeof(Guid) => ("a UUID", "identyfikatorem UUID"),
        _ when type == typeof(int) || type == typeof(long) || type == typeof(short) || type == typeof(uint) || type == typeof(byte) =>
            ("a whole number", "liczbą całkowitą"),
        _ when type == typeof(decimal) || type == typeof(double) || type == typeof(float) =>
            ("a number, with a dot before any decimals", "liczbą, z kropką przed częścią ułamkową"),
        _ when type == typeof(bool) => ("true or false", "wartością true albo false"),
        _ when type == typeof(DateOnly) => ("a date (YYYY-MM-DD)", "datą w formacie RRRR-MM-DD"),
        _ when type == typeof(DateTimeOffset) || type == typeof(DateTime) => ("a date and time in ISO 8601 (2025-03-01T10:00:00+01:00)",
            "datą i godziną w formacie ISO 8601 (2025-03-01T10:00:00+01:00)"),
        _ when type == typeof(string) => ("text", "tekstem"),
        { IsEnum: true } => ("one of: " + string.Join(", ", EnumNames(type)), "jedną z wartości: " + string.Join(", ", EnumNames(type))),
        { IsArray: true } => ("a list (a JSON array)", "listą (tablicą JSON)"),
        { IsGenericType: true } when type.GetInterfaces().Append(type).Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>)) =>
            ("a list (a JSON array)", "listą (tablicą JSON)"),
        { IsClass: true } => ("an object", "obiektem"),
        _ => ("a valid value", "poprawną wartością"),
    };

    private static IEnumerable<string> EnumNames(Type type) => Enum.GetNames(type).Select(n => JsonNamingPolicy.KebabCaseLower.ConvertName(n));

    private enum Source { Query, Route, Header, Body, Other }

    /// <summary>The parameter's name on the wire (<c>[FromHeader(Name = "If-Match")]</c>), its value type and where it is read from.</summary>
    private static (string Name, Type? Type, Source Source) Declared(HttpContext http, string parameterName)
    {
        var parameter = EndpointOf(http)?.Metadata.GetOrderedMetadata<IParameterBindingMetadata>()
            .FirstOrDefault(p => string.Equals(p.ParameterInfo.Name, parameterName, StringComparison.Ordinal)
                                 || string.Equals(p.Name, parameterName, StringComparison.OrdinalIgnoreCase))
            ?.ParameterInfo;
        if (parameter is null)
        {
            return (parameterName, null, Source.Other);
        }

        var attributes = parameter.GetCustomAttributes(inherit: true);
        var (wire, source) = attributes.OfType<IFromHeaderMetadata>().FirstOrDefault() is { } header ? (header.Name, Source.Header)
            : attributes.OfType<IFromQueryMetadata>().FirstOrDefault() is { } query ? (query.Name, Source.Query)
            : attributes.OfType<IFromRouteMetadata>().FirstOrDefault() is { } route ? (route.Name, Source.Route)
            : attributes.OfType<IFromBodyMetadata>().Any() ? (null, Source.Body)
            : (null, RouteValuesOf(http).ContainsKey(parameter.Name!) ? Source.Route : Source.Query);
        return (wire ?? parameter.Name!, ValueType(parameter.ParameterType), source);
    }

    /// <summary>
    /// The endpoint that failed to bind: the exception handler runs after the request's endpoint and route values were cleared,
    /// and finds them on its feature.
    /// </summary>
    private static Endpoint? EndpointOf(HttpContext http) => http.GetEndpoint() ?? http.Features.Get<IExceptionHandlerFeature>()?.Endpoint;

    private static RouteValueDictionary RouteValuesOf(HttpContext http) =>
        http.Features.Get<IExceptionHandlerFeature>()?.RouteValues ?? http.Request.RouteValues;

    private static bool IsQuery(HttpContext http, string name) => !http.Request.RouteValues.ContainsKey(name);

    private static Type ValueType(Type declared) => Nullable.GetUnderlyingType(declared) ?? declared;

    /// <summary>A type as System.Text.Json's message prints it (<c>System.Nullable`1[System.Decimal]</c>, <c>TrainingApi.…+Kind</c>).</summary>
    private static Type? TypeNamed(string name)
    {
        var nullable = NullableName().Match(name);
        if (nullable.Success)
        {
            name = nullable.Groups["inner"].Value;
        }

        if (ListName().Match(name) is { Success: true })
        {
            return typeof(List<object>);
        }

        if (name.EndsWith("[]", StringComparison.Ordinal))
        {
            return typeof(object[]);
        }

        return Type.GetType(name, throwOnError: false)
               ?? AppDomain.CurrentDomain.GetAssemblies().Select(a => a.GetType(name, throwOnError: false)).FirstOrDefault(t => t is not null);
    }

    [GeneratedRegex("""^Failed to bind parameter "(?<type>[^"]+) (?<name>[^" ]+)" from "(?<value>.*)"\.?$""", RegexOptions.Singleline)]
    private static partial Regex FailedToBind();

    [GeneratedRegex("""^Required parameter "(?<type>[^"]+) (?<name>[^" ]+)" was not provided""")]
    private static partial Regex NotProvided();

    [GeneratedRegex("""could not be converted to (?<type>[^ ]+?)\.? Path:""")]
    private static partial Regex NotConverted();

    [GeneratedRegex("""\.(?<member>[^.\[]+)|\[(?<index>\d+)\]|\['(?<quoted>[^']+)'\]""")]
    private static partial Regex PathStep();

    [GeneratedRegex("""^System\.Nullable`1\[(?<inner>.+)\]$""")]
    private static partial Regex NullableName();

    [GeneratedRegex("""`1\[.+\]$""")]
    private static partial Regex ListName();

    private static bool Parses(Type type, string raw)
    {
        if (type == typeof(string))
        {
            return true;
        }

        if (type.IsEnum)
        {
            return Enum.TryParse(type, raw, out _);
        }

        // IParsable<T> (int, Guid, DateTimeOffset, DateOnly, bool ...) or a plain static TryParse(string, out T).
        var withProvider = type.GetMethod("TryParse", BindingFlags.Public | BindingFlags.Static,
            [typeof(string), typeof(IFormatProvider), type.MakeByRefType()]);
        if (withProvider is not null)
        {
            return (bool)withProvider.Invoke(null, [raw, CultureInfo.InvariantCulture, null])!;
        }

        var plain = type.GetMethod("TryParse", BindingFlags.Public | BindingFlags.Static, [typeof(string), type.MakeByRefType()]);
        return plain is null || (bool)plain.Invoke(null, [raw, null])!;
    }
}
