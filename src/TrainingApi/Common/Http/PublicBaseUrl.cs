namespace TrainingApi.Common.Http;

/// <summary>
/// Where the public reaches this API, for every absolute link the API writes (the Atom feed, and anything else that must
/// name a full address). It comes from configuration — <c>PublicBaseUrl</c>, e.g. <c>https://materialy.ore.edu.pl</c> or
/// <c>https://example.org/szkolenia-api</c> behind a proxy that adds a path — never from the request's <c>Host</c> header,
/// which any client can set (<c>Host: evil.example</c> must not put evil.example into a cached feed). When unset, the first
/// address the server was told to listen on (<c>urls</c> / <c>ASPNETCORE_URLS</c>) is used, a wildcard host read as
/// <c>localhost</c>; that is what the operator configured, and is right for a developer's machine only.
/// </summary>
public sealed class PublicBaseUrl
{
    public const string Key = "PublicBaseUrl";

    private readonly string root;

    public PublicBaseUrl(string root) => this.root = root;

    /// <summary>The base without a trailing slash, e.g. <c>https://example.org/szkolenia-api</c>.</summary>
    public string Root => root;

    public bool IsConfigured { get; private init; }

    /// <summary>The absolute address of an API path such as <c>/api/v1/catalogue/releases</c>.</summary>
    public string For(string path) => root + (path.StartsWith('/') ? path : "/" + path);

    public static PublicBaseUrl FromConfiguration(IConfiguration configuration)
    {
        var configured = configuration[Key];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            if (!Uri.TryCreate(configured.Trim(), UriKind.Absolute, out var uri)
                || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
                || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment) || !string.IsNullOrEmpty(uri.UserInfo))
            {
                throw new InvalidOperationException(
                    $"{Key} must be an absolute http(s) address without query, fragment or credentials, e.g. https://materialy.example.org; it is '{configured}'.");
            }

            return new PublicBaseUrl(uri.GetLeftPart(UriPartial.Path).TrimEnd('/')) { IsConfigured = true };
        }

        var listening = (configuration["urls"] ?? configuration["ASPNETCORE_URLS"] ?? "http://localhost")
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .FirstOrDefault() ?? "http://localhost";
        var host = listening.Replace("://+", "://localhost").Replace("://*", "://localhost")
            .Replace("://0.0.0.0", "://localhost").Replace("://[::]", "://localhost");
        return Uri.TryCreate(host, UriKind.Absolute, out var fallback)
            ? new PublicBaseUrl(fallback.GetLeftPart(UriPartial.Path).TrimEnd('/'))
            : new PublicBaseUrl("http://localhost");
    }
}

public static class PublicBaseUrlSetup
{
    public static IServiceCollection AddPublicBaseUrl(this IServiceCollection services, IConfiguration configuration)
    {
        // Read once at start-up: a wrong value fails the start with a clear message instead of a broken link later.
        services.AddSingleton(PublicBaseUrl.FromConfiguration(configuration));
        return services;
    }
}
