using System.Net;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Common.Http;

/// <summary>
/// X-Forwarded-For counts only from a configured proxy: seen through the per-address limiter (two requests a minute),
/// on a real Kestrel socket, where the connection comes from 127.0.0.1.
/// </summary>
public sealed class ForwardedHeadersTests(ForwardedHeadersTests.TrustedLoopbackFactory trusted, ForwardedHeadersTests.OtherProxyFactory untrusted)
    : IClassFixture<ForwardedHeadersTests.TrustedLoopbackFactory>, IClassFixture<ForwardedHeadersTests.OtherProxyFactory>
{
    public sealed class TrustedLoopbackFactory : KestrelApiFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["RateLimits:AnonymousPerMinute"] = "2", ["ForwardedHeaders:KnownNetworks:0"] = "127.0.0.0/8",
        };
    }

    /// <summary>A proxy is configured, but it is not the one connecting.</summary>
    public sealed class OtherProxyFactory : KestrelApiFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["RateLimits:AnonymousPerMinute"] = "2", ["ForwardedHeaders:KnownProxies:0"] = "10.20.30.40",
        };
    }

    [Fact]
    public async Task Behind_a_trusted_proxy_each_client_address_has_its_own_limit()
    {
        var client = trusted.CreateClient();

        var first = await CatalogueFromAsync(client, "203.0.113.7", 3);
        var second = await CatalogueFromAsync(client, "203.0.113.8", 2);

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], first);
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK], second);
    }

    [Fact]
    public async Task From_anyone_else_the_header_is_ignored_and_all_share_the_connection_address_limit()
    {
        var client = untrusted.CreateClient();

        var first = await CatalogueFromAsync(client, "203.0.113.7", 2);
        var second = await CatalogueFromAsync(client, "203.0.113.8", 1);

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK], first);
        Assert.Equal([HttpStatusCode.TooManyRequests], second);
    }

    private static async Task<List<HttpStatusCode>> CatalogueFromAsync(HttpClient client, string address, int times)
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < times; i++)
        {
            var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/catalogue/releases").WithHeader("X-Forwarded-For", address);
            statuses.Add((await client.SendAsync(request)).StatusCode);
        }

        return statuses;
    }
}
