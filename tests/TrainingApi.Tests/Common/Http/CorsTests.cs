using System.Net;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Common.Http;

public sealed class CorsFactory : ApiFactory
{
    public const string AllowedOrigin = "https://portal.example.org";

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Cors:AllowedOrigins:0"] = AllowedOrigin,
        ["Cors:AllowedOrigins:1"] = "https://other.example.org",
    };
}

/// <summary>Browsers on the configured origins may call the API; preflights are answered before authentication; others get no CORS header.</summary>
public sealed class CorsTests(CorsFactory api) : IClassFixture<CorsFactory>
{
    private const string Refused = "https://evil.example.com";
    private const string Feed = "/api/v1/catalogue/releases.atom";

    private readonly HttpClient anonymous = api.CreateClient();

    private static HttpRequestMessage Preflight(string url, string origin, string method = "GET", string? headers = "authorization,if-none-match")
    {
        var request = new HttpRequestMessage(HttpMethod.Options, url)
            .WithHeader("Origin", origin)
            .WithHeader("Access-Control-Request-Method", method);
        return headers is null ? request : request.WithHeader("Access-Control-Request-Headers", headers);
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : "";

    [Theory]
    [InlineData(Feed, "GET")]
    [InlineData("/api/v1/programmes", "POST")]
    [InlineData("/api/v1/audit-entries", "GET")]
    public async Task A_preflight_from_an_allowed_origin_is_answered_without_credentials(string url, string method)
    {
        var response = await anonymous.SendAsync(Preflight(url, CorsFactory.AllowedOrigin, method, "authorization,content-type,if-match,idempotency-key,x-api-key,accept-language"));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(CorsFactory.AllowedOrigin, Header(response, "Access-Control-Allow-Origin"));
        var methods = Header(response, "Access-Control-Allow-Methods").Split(',');
        Assert.Contains(method, methods);
        Assert.Subset(new HashSet<string>(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]), methods.ToHashSet());
        var allowedHeaders = Header(response, "Access-Control-Allow-Headers").ToLowerInvariant().Split(',');
        Assert.Subset(allowedHeaders.ToHashSet(), new HashSet<string>(["authorization", "content-type", "if-match", "idempotency-key", "x-api-key", "accept-language"]));
        Assert.Equal("600", Header(response, "Access-Control-Max-Age"));
        Assert.False(response.Headers.Contains("Access-Control-Allow-Credentials"));
    }

    [Fact]
    public async Task A_preflight_from_a_refused_origin_gets_no_allow_origin()
    {
        var response = await anonymous.SendAsync(Preflight(Feed, Refused));

        Assert.NotEqual(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.False(response.Headers.Contains("Access-Control-Allow-Methods"));
    }

    [Fact]
    public async Task A_preflight_asking_for_an_unlisted_header_is_not_granted_it()
    {
        var response = await anonymous.SendAsync(Preflight(Feed, CorsFactory.AllowedOrigin, "GET", "x-secret-thing"));

        Assert.DoesNotContain("x-secret-thing", Header(response, "Access-Control-Allow-Headers"), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task An_actual_request_from_an_allowed_origin_exposes_the_api_headers()
    {
        var response = await anonymous.SendAsync(new HttpRequestMessage(HttpMethod.Get, Feed).WithHeader("Origin", CorsFactory.AllowedOrigin));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(CorsFactory.AllowedOrigin, Header(response, "Access-Control-Allow-Origin"));
        var exposed = Header(response, "Access-Control-Expose-Headers").ToLowerInvariant().Split(',').ToHashSet();
        Assert.Subset(exposed, new HashSet<string>(["location", "etag", "last-modified", "retry-after", "idempotent-replayed", "content-disposition", "content-language"]));
        Assert.Contains("Origin", response.Headers.Vary);
        Assert.NotNull(response.Headers.ETag);
    }

    [Fact]
    public async Task An_unauthenticated_actual_request_from_an_allowed_origin_can_read_its_401()
    {
        var response = await anonymous.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/v1/audit-entries").WithHeader("Origin", CorsFactory.AllowedOrigin));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(CorsFactory.AllowedOrigin, Header(response, "Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task An_actual_request_from_a_refused_origin_gets_no_cors_headers()
    {
        var response = await anonymous.SendAsync(new HttpRequestMessage(HttpMethod.Get, Feed).WithHeader("Origin", Refused));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.False(response.Headers.Contains("Access-Control-Expose-Headers"));
    }

    /// <summary>
    /// The answer depends on Origin, so every answer says so — also one to a request without Origin, kept and replayed from
    /// memory or not — or a shared cache could give an allowed origin a copy without Access-Control-Allow-Origin.
    /// </summary>
    [Theory]
    [InlineData("/api/v1/jst?name=lod")]
    [InlineData("/health/live")]
    [InlineData("/api/v1/programmes")]
    public async Task Every_answer_varies_by_origin(string url)
    {
        var first = await anonymous.GetAsync(url);
        var again = await anonymous.GetAsync(url);
        var cors = await anonymous.SendAsync(new HttpRequestMessage(HttpMethod.Get, url).WithHeader("Origin", CorsFactory.AllowedOrigin));

        foreach (var response in new[] { first, again, cors })
        {
            Assert.Contains("Origin", response.Headers.Vary);
            Assert.Single(response.Headers.Vary, v => v == "Origin");
        }
    }
}

/// <summary>With no <c>Cors:AllowedOrigins</c> (the default) no response carries a CORS header.</summary>
public sealed class CorsOffByDefaultTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task No_origin_is_allowed_and_no_cors_header_is_sent()
    {
        var client = api.CreateClient();
        var preflight = await client.SendAsync(new HttpRequestMessage(HttpMethod.Options, "/api/v1/catalogue/releases.atom")
            .WithHeader("Origin", CorsFactory.AllowedOrigin).WithHeader("Access-Control-Request-Method", "GET"));
        var actual = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/v1/catalogue/releases.atom").WithHeader("Origin", CorsFactory.AllowedOrigin));

        Assert.DoesNotContain(preflight.Headers, h => h.Key.StartsWith("Access-Control-", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(actual.Headers, h => h.Key.StartsWith("Access-Control-", StringComparison.OrdinalIgnoreCase));
    }
}
