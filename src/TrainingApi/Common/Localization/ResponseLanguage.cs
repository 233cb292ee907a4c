using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace TrainingApi.Common.Localization;

/// <summary>
/// The language request localization would pick from Accept-Language (pl or en), for answers sent before it runs: the first
/// three languages by quality, each falling back to its parent (pl-PL is pl), the first supported one winning, else en —
/// what <see cref="Microsoft.AspNetCore.Localization.AcceptLanguageHeaderRequestCultureProvider"/> and the middleware do.
/// </summary>
public static class ResponseLanguage
{
    public static string Of(HttpRequest request)
    {
        var header = request.Headers.AcceptLanguage;
        if (StringValues.IsNullOrEmpty(header) || !StringWithQualityHeaderValue.TryParseList(header, out var languages))
        {
            return "en";
        }

        foreach (var language in languages.OrderByDescending(l => l.Quality ?? 1).Take(3))
        {
            var name = language.Value;
            if (IsOrUnder(name, "pl"))
            {
                return "pl";
            }

            if (IsOrUnder(name, "en"))
            {
                return "en";
            }
        }

        return "en";
    }

    private static bool IsOrUnder(StringSegment name, string language) =>
        name.Equals(language, StringComparison.OrdinalIgnoreCase)
        || (name.Length > language.Length && name.StartsWith(language, StringComparison.OrdinalIgnoreCase) && name[language.Length] == '-');
}
