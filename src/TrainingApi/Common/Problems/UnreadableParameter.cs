using System.Globalization;
using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;

namespace TrainingApi.Common.Problems;

/// <summary>
/// Names the parameter a bare 400 from endpoint binding could not read. The request delegates are generated at compile time
/// (EnableRequestDelegateGenerator, for start-up); for an optional value-type parameter that does not parse (<c>?limit=many</c>,
/// <c>?programmeId=x</c>) the generated code sets 400 and stops, without the <see cref="BadHttpRequestException"/> the runtime
/// factory throws for every other binding failure. The status code page then asks this which parameter it was, so the problem
/// still says what to correct. Error path only: reflection is fine here.
/// </summary>
public static class UnreadableParameter
{
    /// <summary>The runtime factory's message for the first route or query value that does not parse, or null.</summary>
    public static string? Describe(HttpContext http)
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
                var name = type == typeof(int) ? "int" : type == typeof(bool) ? "bool" : type.Name;
                return $"Failed to bind parameter \"{name}{(type != declared ? "?" : "")} {parameter.Name}\" from \"{raw}\".";
            }
        }

        return null;
    }

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
