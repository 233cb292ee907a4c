using System.Globalization;
using Microsoft.AspNetCore.HttpsPolicy;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace TrainingApi.Common.Http;

/// <summary>
/// The headers every answer carries whatever produced it — an endpoint, a problem, a 304, a file, or the fast lane's copy of one:
/// <c>X-Content-Type-Options: nosniff</c>, <c>Strict-Transport-Security</c> on https when HSTS is on (never to the hosts HSTS
/// excludes, such as localhost), and <c>Content-Language</c> naming the language of the answer's messages unless the endpoint named
/// its content's own; and <c>Vary: Origin</c> when CORS allows named origins. The one place these are written: <see cref="ResponseHeadersMiddleware"/> for the pipeline, the fast lane for
/// answers from memory.
/// </summary>
public sealed class PlatformHeaders
{
    private readonly string? hsts;
    private readonly HashSet<string> hstsExcludedHosts;

    /// <summary>
    /// Whether CORS answers depend on the request's Origin (named origins, not <c>*</c>): then every answer says
    /// <c>Vary: Origin</c>, also one to a request without Origin, or a shared cache could hand a same-origin copy (no
    /// Access-Control-Allow-Origin) to a browser on an allowed origin, or one origin's copy to another.
    /// </summary>
    private readonly bool varyByOrigin;

    public PlatformHeaders(IConfiguration configuration, IOptions<HstsOptions> hstsOptions)
    {
        var origins = configuration.GetSection(CorsSetup.Section).Get<string[]>() ?? [];
        varyByOrigin = origins.Length > 0 && !origins.Contains("*");
        var options = hstsOptions.Value;
        hstsExcludedHosts = new HashSet<string>(options.ExcludedHosts, StringComparer.OrdinalIgnoreCase);
        if (configuration.GetSection(HttpsOptions.Section).Get<HttpsOptions>()?.Hsts == true)
        {
            hsts = "max-age=" + ((long)options.MaxAge.TotalSeconds).ToString(CultureInfo.InvariantCulture)
                   + (options.IncludeSubDomains ? "; includeSubDomains" : "") + (options.Preload ? "; preload" : "");
        }
    }

    /// <summary>Writes them; true when Content-Language was set here (the negotiated one), false when the endpoint had set its own.</summary>
    public bool Apply(HttpContext http, string negotiatedLanguage)
    {
        var headers = http.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        if (hsts is not null && http.Request.IsHttps && !hstsExcludedHosts.Contains(http.Request.Host.Host))
        {
            headers.StrictTransportSecurity = hsts;
        }

        if (varyByOrigin && !headers.Vary.Any(v => v is not null && v.Contains(HeaderNames.Origin, StringComparison.OrdinalIgnoreCase)))
        {
            headers.Vary = StringValues.Concat(headers.Vary, HeaderNames.Origin);
        }

        if (!string.IsNullOrEmpty(headers.ContentLanguage))
        {
            return false;
        }

        headers.ContentLanguage = negotiatedLanguage;
        return true;
    }
}
