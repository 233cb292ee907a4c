using Microsoft.AspNetCore.Localization;
using TrainingApi.Common.Http.PublicReads;

namespace TrainingApi.Common.Http;

/// <summary>
/// Writes <see cref="PlatformHeaders"/> when the response starts — success or problem, 304 or file — because the exception handler
/// clears the headers set before a throw (HSTS set earlier in the pipeline would vanish from every error answer).
/// </summary>
public sealed class ResponseHeadersMiddleware(RequestDelegate next, PlatformHeaders platform)
{
    public Task InvokeAsync(HttpContext http)
    {
        http.Response.OnStarting(static state =>
        {
            var (context, headers) = ((HttpContext, PlatformHeaders))state;
            var negotiated = headers.Apply(context, Language(context));
            // The fast lane keeps a copy of this answer: it must know whether Content-Language follows the client or the content.
            if (context.Features.Get<ResponseCapture>() is { } capture)
            {
                capture.LanguageNegotiated = negotiated;
            }

            return Task.CompletedTask;
        }, (http, platform));
        return next(http);
    }

    /// <summary>The language request localization picked from Accept-Language (pl or en; en when it did not run).</summary>
    private static string Language(HttpContext http) =>
        http.Features.Get<IRequestCultureFeature>()?.RequestCulture.UICulture.TwoLetterISOLanguageName == "pl" ? "pl" : "en";
}
