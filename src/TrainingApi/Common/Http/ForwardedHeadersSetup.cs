using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace TrainingApi.Common.Http;

/// <summary>
/// Which proxies may tell the API the client's address and scheme (<c>X-Forwarded-For</c>, <c>X-Forwarded-Proto</c>).
/// Off unless configured: a header any client can send is believed only from the proxies and networks named here,
/// e.g. <c>ForwardedHeaders__KnownProxies__0=10.0.0.5</c> or <c>ForwardedHeaders__KnownNetworks__0=10.42.0.0/16</c>.
/// </summary>
public sealed class ForwardedHeadersSettings
{
    public const string Section = "ForwardedHeaders";

    /// <summary>Addresses of the proxies in front of the API (nginx, the ingress controller).</summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Networks in CIDR form whose every address is a trusted proxy (a Kubernetes pod network).</summary>
    public string[] KnownNetworks { get; set; } = [];

    /// <summary>How many proxies in a row to believe (a load balancer in front of nginx makes two).</summary>
    public int ForwardLimit { get; set; } = 1;
}

/// <summary>
/// The forwarded-headers middleware, set up from <see cref="ForwardedHeadersSettings"/>. The host is not taken from
/// <c>X-Forwarded-Host</c>: absolute links come from <see cref="PublicBaseUrl"/>, never from what a request says.
/// </summary>
public static class ForwardedHeadersSetup
{
    public static IServiceCollection AddApiForwardedHeaders(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = configuration.GetSection(ForwardedHeadersSettings.Section).Get<ForwardedHeadersSettings>() ?? new ForwardedHeadersSettings();
        services.AddSingleton(settings);
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.ForwardLimit = settings.ForwardLimit;
            // Only what is configured: ASP.NET Core's default trusts loopback, which a sidecar on the pod could abuse.
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var proxy in settings.KnownProxies)
            {
                o.KnownProxies.Add(IPAddress.TryParse(proxy.Trim(), out var address) ? address
                    : throw new InvalidOperationException($"{ForwardedHeadersSettings.Section}:KnownProxies holds '{proxy}', which is not an IP address."));
            }

            foreach (var network in settings.KnownNetworks)
            {
                o.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(network.Trim(), out var parsed) ? parsed
                    : throw new InvalidOperationException($"{ForwardedHeadersSettings.Section}:KnownNetworks holds '{network}', which is not a network in CIDR form (10.42.0.0/16)."));
            }
        });
        return services;
    }

    /// <summary>First in the pipeline, so logs, HTTPS redirection and the per-address limiter see the client's address.</summary>
    public static WebApplication UseApiForwardedHeaders(this WebApplication app)
    {
        var settings = app.Services.GetRequiredService<ForwardedHeadersSettings>();
        if (settings.KnownProxies.Length > 0 || settings.KnownNetworks.Length > 0)
        {
            app.UseForwardedHeaders();
        }

        return app;
    }
}
