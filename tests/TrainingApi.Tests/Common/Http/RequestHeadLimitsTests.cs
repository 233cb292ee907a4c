using System.Net;
using System.Net.Sockets;
using System.Text;
using TrainingApi.Common.Security;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Common.Http;

/// <summary>
/// An overlong URL (414) or oversized headers (431) are refused as problems like every other error, over a real
/// Kestrel socket: Kestrel's own limits, which answer with an empty body before any middleware, sit at twice the
/// application's (8 KiB URL, 32 KiB and 100 headers by default).
/// </summary>
public sealed class RequestHeadLimitsTests(KestrelApiFactory api) : IClassFixture<KestrelApiFactory>
{
    private readonly HttpClient anonymous = api.CreateClient();

    [Fact]
    public async Task A_url_just_under_the_limit_is_served()
    {
        var response = await anonymous.GetAsync("/api/v1/jst?code=1465&x=" + new string('a', 8000));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task An_overlong_url_is_a_414_problem()
    {
        var response = await anonymous.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/v1/jst?name=" + new string('a', 9000))
            .WithHeader("Accept-Language", "pl"));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.RequestUriTooLong, "uri-too-long");
        Assert.Equal("Adres URL żądania jest zbyt długi.", problem.GetProperty("title").GetString());
        Assert.Equal(["nosniff"], response.Headers.GetValues("X-Content-Type-Options"));
        Assert.False(response.Headers.Contains("Server"));
    }

    [Fact]
    public async Task An_overlong_url_of_a_protected_resource_is_refused_before_authentication()
    {
        var response = await anonymous.GetAsync("/api/v1/programmes?x=" + new string('a', 12_000));

        await response.ShouldBeProblemAsync(HttpStatusCode.RequestUriTooLong, "uri-too-long");
    }

    [Fact]
    public async Task Oversized_headers_are_a_431_problem()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/jst?code=1465");
        for (var i = 0; i < 5; i++)
        {
            request.Headers.Add($"X-Padding-{i}", new string('a', 8000));
        }

        var response = await anonymous.SendAsync(request);

        await response.ShouldBeProblemAsync(HttpStatusCode.RequestHeaderFieldsTooLarge, "headers-too-large");
    }

    [Fact]
    public async Task Too_many_headers_are_a_431_problem()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/jst?code=1465");
        for (var i = 0; i < 120; i++)
        {
            request.Headers.Add($"X-Many-{i}", "1");
        }

        var response = await anonymous.SendAsync(request);

        await response.ShouldBeProblemAsync(HttpStatusCode.RequestHeaderFieldsTooLarge, "headers-too-large");
    }

    [Fact]
    public async Task A_big_but_allowed_bearer_token_is_served()
    {
        var client = api.ClientAs(Roles.ProgrammeTeam);
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/programmes").WithHeader("X-Padding", new string('a', 20_000));

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Far_over_the_limit_or_unparseable_kestrel_still_answers_by_itself_with_an_empty_body()
    {
        // Documented in docs/contract.md: Kestrel refuses these before the application sees the request.
        var overlong = await anonymous.GetAsync("/api/v1/jst?name=" + new string('a', 20_000));
        var nulInPath = await RawAsync("GET /api/v1/versions/00000000-0000-0000-0000-000000000001/sections/a%00b HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

        Assert.Equal(HttpStatusCode.RequestUriTooLong, overlong.StatusCode);
        Assert.Equal(0, overlong.Content.Headers.ContentLength);
        Assert.StartsWith("HTTP/1.1 400 Bad Request\r\n", nulInPath, StringComparison.Ordinal);
        Assert.Contains("Content-Length: 0\r\n", nulInPath, StringComparison.Ordinal);
    }

    private async Task<string> RawAsync(string request)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(anonymous.BaseAddress!.Host, anonymous.BaseAddress.Port);
        var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return await reader.ReadToEndAsync();
    }
}
