namespace TrainingApi.Common.Http;

public sealed class HttpsOptions
{
    public const string Section = "Https";

    /// <summary>Redirect plain http requests to https (307). Off by default: behind a TLS-terminating proxy it needs forwarded headers.</summary>
    public bool Redirect { get; set; }

    /// <summary>The https port to redirect to; unset, ASP.NET Core takes it from ASPNETCORE_HTTPS_PORTS or the server's https address.</summary>
    public int? Port { get; set; }

    /// <summary>Send Strict-Transport-Security on https responses (never to localhost).</summary>
    public bool Hsts { get; set; }

    public int HstsMaxAgeDays { get; set; } = 365;
}

/// <summary>HTTPS redirection and HSTS, for a production host that terminates TLS itself or sits behind a proxy that forwards the scheme.</summary>
public static class HttpsSetup
{
    public static IServiceCollection AddApiHttps(this IServiceCollection services, IConfiguration configuration)
    {
        var https = configuration.GetSection(HttpsOptions.Section).Get<HttpsOptions>() ?? new HttpsOptions();
        services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(https.HstsMaxAgeDays));
        services.AddSingleton<PlatformHeaders>();
        if (https.Port is { } port)
        {
            services.AddHttpsRedirection(o => o.HttpsPort = port);
        }

        return services;
    }

    public static WebApplication UseApiHttps(this WebApplication app)
    {
        // HSTS is written with the other headers every answer carries (PlatformHeaders), so error answers carry it too.
        var https = app.Configuration.GetSection(HttpsOptions.Section).Get<HttpsOptions>() ?? new HttpsOptions();
        if (https.Redirect)
        {
            app.UseHttpsRedirection();
        }

        return app;
    }
}
