using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Metadata;
using TrainingApi.Common.Localization;

namespace TrainingApi.Common.Problems;

/// <summary>
/// Says which route or query value could not be read and what it must be, in the client's words (a UUID, a whole number, a
/// date), never in .NET's (<c>Guid? programmeId</c>, <c>Int32</c>). Two ways in: the request delegates generated at compile time
/// answer a bare 400 for an optional value-type parameter that does not parse (<c>?limit=many</c>), and the status code page then
/// asks <see cref="Describe"/>; every other binding failure arrives as the runtime's <see cref="BadHttpRequestException"/>, whose
/// message <see cref="FromRuntimeMessage"/> rewrites. Error path only: reflection is fine here.
/// </summary>
public static partial class UnreadableParameter
{
    /// <summary>The parameter, and the message for the first route or query value of this request's endpoint that does not parse.</summary>
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
            var declared = parameter.ParameterInfo.ParameterType;
            var type = Nullable.GetUnderlyingType(declared) ?? declared;
            if (!string.IsNullOrEmpty(raw) && !Parses(type, raw))
            {
                return (parameter.Name, MustBe(parameter.Name, type, raw));
            }
        }

        return null;
    }

    /// <summary>The runtime's binding message (<c>Failed to bind parameter "Guid id" from "x".</c>) in the client's words, or null.</summary>
    public static (string Name, Text Message)? FromRuntimeMessage(string message, HttpContext http)
    {
        var failed = FailedToBind().Match(message);
        if (failed.Success)
        {
            var name = failed.Groups["name"].Value;
            return (name, MustBe(name, DeclaredType(http, name), failed.Groups["value"].Value));
        }

        var missing = NotProvided().Match(message);
        if (missing.Success)
        {
            var name = missing.Groups["name"].Value;
            return (name, new Text($"The parameter '{name}' is required.", $"Parametr '{name}' jest wymagany."));
        }

        return null;
    }

    private static Text MustBe(string name, Type? type, string value)
    {
        var (en, pl) = Kind(type);
        return new Text($"The parameter '{name}' must be {en}; '{value}' is not.", $"Parametr '{name}' musi być {pl}; '{value}' nie jest poprawną wartością.");
    }

    private static (string En, string Pl) Kind(Type? type) => type switch
    {
        null => ("a valid value", "poprawną wartością"),
        _ when type == typeof(Guid) => ("a UUID", "identyfikatorem UUID"),
        _ when type == typeof(int) || type == typeof(long) || type == typeof(short) => ("a whole number", "liczbą całkowitą"),
        _ when type == typeof(decimal) || type == typeof(double) || type == typeof(float) => ("a number", "liczbą"),
        _ when type == typeof(bool) => ("true or false", "wartością true albo false"),
        _ when type == typeof(DateOnly) => ("a date (YYYY-MM-DD)", "datą w formacie RRRR-MM-DD"),
        _ when type == typeof(DateTimeOffset) || type == typeof(DateTime) => ("a date and time in ISO 8601 (2025-03-01T10:00:00+01:00)",
            "datą i godziną w formacie ISO 8601 (2025-03-01T10:00:00+01:00)"),
        { IsEnum: true } => ("one of: " + string.Join(", ", EnumNames(type)), "jedną z wartości: " + string.Join(", ", EnumNames(type))),
        _ => ("a valid value", "poprawną wartością"),
    };

    private static IEnumerable<string> EnumNames(Type type) => Enum.GetNames(type).Select(n => JsonNamingPolicy.KebabCaseLower.ConvertName(n));

    private static Type? DeclaredType(HttpContext http, string name)
    {
        var parameter = http.GetEndpoint()?.Metadata.GetOrderedMetadata<IParameterBindingMetadata>()
            .FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
        return parameter is null ? null : Nullable.GetUnderlyingType(parameter.ParameterInfo.ParameterType) ?? parameter.ParameterInfo.ParameterType;
    }

    [GeneratedRegex("""^Failed to bind parameter "(?<type>[^" ]+) (?<name>[^"]+)" from "(?<value>.*)"\.?$""", RegexOptions.Singleline)]
    private static partial Regex FailedToBind();

    [GeneratedRegex("""^Required parameter "(?<type>[^" ]+) (?<name>[^"]+)" was not provided""")]
    private static partial Regex NotProvided();

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
