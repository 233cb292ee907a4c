using System.IO.Compression;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using TrainingApi.Common.Http.PublicReads;
using TrainingApi.Tests.Features.MaterialsHandover;
using TrainingApi.Tests.Features.MaterialsHandover.Catalogue;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Common.Http;

/// <summary>
/// The fast lane answers anonymous reads from memory exactly as the full pipeline answered them the first time: same status,
/// body, validators and headers, compressed or not, in either language; 304 by tag; HEAD without a body. Anything it does not
/// handle (a byte range, a browser's Origin, credentials) still gets the full pipeline's answer.
/// </summary>
public sealed class PublicFastLaneTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static readonly string[] Compared =
        ["ETag", "Last-Modified", "Cache-Control", "Content-Type", "Content-Language", "X-Content-Type-Options", "Vary", "Content-Encoding",
         "Content-Disposition", "Accept-Ranges"];

    private readonly HttpClient anyone = api.CreateClient();
    private PublicResponseCache Cache => api.Services.GetRequiredService<PublicResponseCache>();

    private async Task<(string Url, Guid ReleaseId)> PublishedAsync()
    {
        var steps = new HandoverSteps(api);
        var (version, _, _) = await steps.TestedVersionAsync(modules: 1, units: 1);
        var release = await steps.DraftAsync(version.Id, "1.0.0");
        await CatalogueMemory.PublishAndSettleAsync(api, steps, release.Id);
        return ($"/api/v1/catalogue/releases/latest?programmeId={version.ProgrammeId}", release.Id);
    }

    private async Task<(HttpResponseMessage Response, byte[] Body)> SendAsync(HttpMethod method, string url, string? encoding, string? language)
    {
        var request = new HttpRequestMessage(method, url);
        if (encoding is not null)
        {
            request.Headers.Add("Accept-Encoding", encoding);
        }

        if (language is not null)
        {
            request.Headers.Add("Accept-Language", language);
        }

        var response = await anyone.SendAsync(request);
        var body = await response.Content.ReadAsByteArrayAsync();
        return (response, response.Content.Headers.ContentEncoding.FirstOrDefault() is { } coding ? Decompress(coding, body) : body);
    }

    private static byte[] Decompress(string encoding, byte[] body)
    {
        using var input = new MemoryStream(body);
        using Stream decoder = encoding == "br" ? new BrotliStream(input, CompressionMode.Decompress) : new GZipStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        decoder.CopyTo(output);
        return output.ToArray();
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values) ? string.Join(", ", values) : null;

    /// <summary>The first read fills the cache through the full pipeline; the same read again is answered from memory, identically.</summary>
    private async Task AssertSameFromMemoryAsync(string url, string? encoding, string? language, HttpMethod? method = null)
    {
        var first = await SendAsync(HttpMethod.Get, url, encoding, language);
        Assert.Equal(HttpStatusCode.OK, first.Response.StatusCode);
        Assert.True(Cache.TryGet(url, out _), $"{url} was not kept in memory.");

        var again = await SendAsync(method ?? HttpMethod.Get, url, encoding, language);

        Assert.Equal(first.Response.StatusCode, again.Response.StatusCode);
        Assert.Equal(method == HttpMethod.Head ? [] : first.Body, again.Body);
        foreach (var name in Compared)
        {
            Assert.True(Header(first.Response, name) == Header(again.Response, name),
                $"{url} {name}: '{Header(first.Response, name)}' from the pipeline, '{Header(again.Response, name)}' from memory");
        }
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("br", "pl")]
    [InlineData("gzip, deflate, br;q=0.5", "pl-PL,pl;q=0.9,en;q=0.8")]
    [InlineData("gzip", "de, en;q=0.5")]
    public async Task Latest_a_release_its_files_and_the_feed_are_answered_from_memory_as_the_pipeline_answered_them(string? encoding, string? language)
    {
        var (latest, releaseId) = await PublishedAsync();

        await AssertSameFromMemoryAsync(latest, encoding, language);
        await AssertSameFromMemoryAsync($"/api/v1/catalogue/releases/{releaseId}", encoding, language);
        await AssertSameFromMemoryAsync($"/api/v1/catalogue/releases/{releaseId}/files/zip", encoding, language);
        await AssertSameFromMemoryAsync($"/api/v1/catalogue/releases/{releaseId}/files/json", encoding, language);
        await AssertSameFromMemoryAsync("/api/v1/catalogue/releases.atom", encoding, language);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("br, gzip", "pl")]
    public async Task The_register_search_and_liveness_are_answered_from_memory_as_the_pipeline_answered_them(string? encoding, string? language)
    {
        await AssertSameFromMemoryAsync($"/api/v1/jst?name=lod&limit=5&encoding={Uri.EscapeDataString(encoding ?? "")}", encoding, language);
        await AssertSameFromMemoryAsync("/health/live", encoding, language);
    }

    [Fact]
    public async Task A_head_from_memory_has_the_headers_and_no_body()
    {
        var (_, releaseId) = await PublishedAsync();

        await AssertSameFromMemoryAsync($"/api/v1/catalogue/releases/{releaseId}/files/zip", null, null, HttpMethod.Head);
    }

    [Fact]
    public async Task A_head_for_an_endpoint_that_answers_only_get_gets_the_pipelines_refusal_not_the_kept_answer()
    {
        const string url = "/api/v1/jst?name=krak";
        await anyone.GetAsync(url);
        Assert.True(Cache.TryGet(url, out _));

        var head = await anyone.SendAsync(new HttpRequestMessage(HttpMethod.Head, url));
        var headNotKept = await anyone.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/api/v1/jst?name=krako"));

        Assert.False(head.IsSuccessStatusCode);
        Assert.Equal(headNotKept.StatusCode, head.StatusCode);
    }

    [Fact]
    public async Task A_range_or_a_cross_origin_request_gets_the_full_pipelines_answer()
    {
        var (latest, releaseId) = await PublishedAsync();
        var zip = $"/api/v1/catalogue/releases/{releaseId}/files/zip";
        await anyone.GetAsync(zip);
        await anyone.GetAsync(latest);
        Assert.True(Cache.TryGet(zip, out _));

        var range = new HttpRequestMessage(HttpMethod.Get, zip);
        range.Headers.Range = new System.Net.Http.Headers.RangeHeaderValue(0, 9);
        var partial = await anyone.SendAsync(range);
        var withOrigin = new HttpRequestMessage(HttpMethod.Get, latest).WithHeader("Origin", "https://evil.example");
        var crossOrigin = await anyone.SendAsync(withOrigin);

        Assert.Equal(HttpStatusCode.PartialContent, partial.StatusCode);
        Assert.Equal(10, (await partial.Content.ReadAsByteArrayAsync()).Length);
        Assert.Equal(HttpStatusCode.OK, crossOrigin.StatusCode);
        // No origin is configured, so the full pipeline's CORS sends no Access-Control-Allow-Origin.
        Assert.False(crossOrigin.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task A_304_from_memory_carries_the_validators()
    {
        var (latest, _) = await PublishedAsync();

        var tag = await ConditionalGets.AssertAnswers304Async(anyone, latest);

        Assert.True(Cache.TryGet(latest, out var kept));
        Assert.Equal(tag, kept.ETag);
    }
}
