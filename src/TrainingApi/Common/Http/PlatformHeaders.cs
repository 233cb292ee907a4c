using System.Globalization;
using Microsoft.AspNetCore.HttpsPolicy;
using Microsoft.Extensions.Options;

namespace TrainingApi.Common.Http;

/// <summary>
/// The headers every answer carries whatever produced it — an endpoint, a problem, a 304, a file, or the fast lane's copy of one:
/// <c>X-Content-Type-Options: nosniff</c>, <c>Strict-Transport-Security</c> on https when HSTS is on (never to the hosts HSTS
/// excludes, such as localhost), and <c>Content-Language</c> naming the language of the answer's messages unless the endpoint named
/// its content's own. The one place these are written: <see cref="ResponseHeadersMiddleware"/> for the pipeline, the fast lane for
/// answers from memory.
/// </summary>
public sealed class PlatformHeaders
{
    private readonly string? hsts;
    private readonly HashSet<string> hstsExcludedHosts;

    public PlatformHeaders(IConfiguration configuration, IOptions<HstsOptions> hstsOptions)
    {
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

        if (!string.IsNullOrEmpty(headers.ContentLanguage))
        {
            return false;
        }

        headers.ContentLanguage = negotiatedLanguage;
        return true;
    }
}
