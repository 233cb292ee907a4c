using System.Net;
using System.Net.Http.Headers;
using TrainingApi.Common.Security;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Common.Http;

/// <summary>Headers every response carries, whatever produced it.</summary>
public sealed class ResponseHeadersTests(KestrelApiFactory api) : IClassFixture<KestrelApiFactory>
{
    private const string Feed = "/api/v1/catalogue/releases.atom";

    private readonly HttpClient anonymous = api.CreateClient();

    [Fact]
    public void The_client_crosses_a_real_kestrel_socket()
    {
        Assert.Equal("127.0.0.1", anonymous.BaseAddress?.Host);
        Assert.NotEqual(80, anonymous.BaseAddress?.Port);
    }

    [Fact]
    public async Task A_json_200_says_nosniff_and_has_no_server_banner()
    {
        var response = await anonymous.GetAsync("/api/v1/jst?code=1465");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertNoSniff(response);
        Assert.Empty(response.Headers.Server);
        Assert.False(response.Headers.Contains("Server"));
    }

    [Fact]
    public async Task A_404_problem_says_nosniff_and_has_no_server_banner()
    {
        var response = await api.ClientAs(Roles.ProgrammeTeam).GetAsync("/api/v1/no-such-thing");

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        AssertNoSniff(response);
        Assert.False(response.Headers.Contains("Server"));
    }

    [Fact]
    public async Task A_problem_from_the_exception_handler_keeps_both_headers()
    {
        // The exception handler clears the headers set before a throw; a malformed JSON body goes through it.
        var response = await api.ClientAs(Roles.ProgrammeTeam)
            .SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/v1/programmes") { Content = HttpExtensions.JsonBody("{") }
                .WithHeader("Accept-Language", "pl"));

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "malformed-request");
        AssertNoSniff(response);
        Assert.Equal(["pl"], response.Content.Headers.ContentLanguage);
    }

    [Fact]
    public async Task A_file_and_its_304_say_nosniff()
    {
        var file = await anonymous.GetAsync(Feed);
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal("application/atom+xml", file.Content.Headers.ContentType?.MediaType);
        AssertNoSniff(file);

        var again = new HttpRequestMessage(HttpMethod.Get, Feed);
        again.Headers.IfNoneMatch.Add(file.Headers.ETag!);
        var notModified = await anonymous.SendAsync(again);

        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        AssertNoSniff(notModified);
        Assert.False(notModified.Headers.Contains("Server"));
    }

    [Theory]
    [InlineData(null, "en")]
    [InlineData("en-GB", "en")]
    [InlineData("pl", "pl")]
    [InlineData("pl-PL,pl;q=0.9,en;q=0.5", "pl")]
    [InlineData("de", "en")]
    public async Task Content_language_names_the_language_of_the_messages(string? acceptLanguage, string expected)
    {
        var success = await SendAsync("/api/v1/jst?code=1465", acceptLanguage);
        var problem = await SendAsync("/api/v1/jst?code=abc", acceptLanguage);

        Assert.Equal(HttpStatusCode.OK, success.StatusCode);
        Assert.Equal([expected], success.Content.Headers.ContentLanguage);
        var body = await problem.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        Assert.Equal([expected], problem.Content.Headers.ContentLanguage);
        Assert.Equal(expected == "pl" ? "Co najmniej jedno pole ma niepoprawną wartość." : "One or more fields are invalid.",
            body.GetProperty("title").GetString());
    }

    private Task<HttpResponseMessage> SendAsync(string url, string? acceptLanguage)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        return anonymous.SendAsync(acceptLanguage is null ? request : request.WithHeader("Accept-Language", acceptLanguage));
    }

    private static void AssertNoSniff(HttpResponseMessage response) =>
        Assert.Equal(["nosniff"], response.Headers.GetValues("X-Content-Type-Options"));
}
