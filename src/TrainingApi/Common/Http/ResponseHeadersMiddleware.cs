using Microsoft.AspNetCore.Localization;

namespace TrainingApi.Common.Http;

/// <summary>
/// Headers every response carries, success or problem, 304 or file: <c>X-Content-Type-Options: nosniff</c>, and
/// <c>Content-Language</c> naming the language of the response's messages (unless the endpoint named its content's language). Set when the response starts, because
/// the exception handler clears the headers set before a throw.
/// </summary>
public sealed class ResponseHeadersMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext http)
    {
        http.Response.OnStarting(static state =>
        {
            var context = (HttpContext)state;
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            // An endpoint that serves content in a language of its own (a feed, a published page) has said so already.
            if (string.IsNullOrEmpty(headers.ContentLanguage))
            {
                headers.ContentLanguage = Language(context);
            }
            return Task.CompletedTask;
        }, http);
        return next(http);
    }

    /// <summary>The language request localization picked from Accept-Language (pl or en; en when it did not run).</summary>
    private static string Language(HttpContext http) =>
        http.Features.Get<IRequestCultureFeature>()?.RequestCulture.UICulture.TwoLetterISOLanguageName == "pl" ? "pl" : "en";
}
