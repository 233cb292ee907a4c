using System.IO.Compression;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using TrainingApi.Common.Http.PublicReads;
using TrainingApi.Tests.Features.MaterialsHandover;
using TrainingApi.Tests.Features.MaterialsHandover.Catalogue;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Common.Http;

/// <summary>
/// The fast lane replays what the full pipeline sent the first time: same status, body and every header (but Date and how the length
/// is framed), compressed or not, in either language; 304 by tag with the headers the pipeline's 304 carries; HEAD as GET without a
/// body. It never answers what the pipeline would refuse (request-head limits), never picks a coding the client refused, and keeps
/// only requests whose query names what the endpoint reads, within a bounded budget.
/// </summary>
public sealed class PublicFastLaneTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    /// <summary>Written per exchange (Date) or framing the body (a compressed pipeline answer is chunked, the kept one has a length).</summary>
    private static readonly HashSet<string> NotCompared = new(StringComparer.OrdinalIgnoreCase) { "Date", "Content-Length", "Transfer-Encoding" };

    private readonly HttpClient anyone = api.CreateClient();
    private PublicResponseCache Cache => api.Services.GetRequiredService<PublicResponseCache>();

    private async Task<(string Latest, Guid ReleaseId)> PublishedAsync()
    {
        var steps = new HandoverSteps(api);
        var (version, _, _) = await steps.TestedVersionAsync(modules: 1, units: 1);
        var release = await steps.DraftAsync(version.Id, "1.0.0");
        await CatalogueMemory.PublishAndSettleAsync(api, steps, release.Id);
        return ($"/api/v1/catalogue/releases/latest?programmeId={version.ProgrammeId}", release.Id);
    }

    private async Task<Answer> SendAsync(HttpMethod method, string url, string? encoding = null, string? language = null, string? ifNoneMatch = null)
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

        if (ifNoneMatch is not null)
        {
            request.Headers.Add("If-None-Match", ifNoneMatch);
        }

        var response = await anyone.SendAsync(request);
        var body = await response.Content.ReadAsByteArrayAsync();
        var headers = response.Headers.Concat(response.Content.Headers)
            .ToDictionary(h => h.Key, h => string.Join(", ", h.Value), StringComparer.OrdinalIgnoreCase);
        return new Answer(response.StatusCode, headers, headers.TryGetValue("Content-Encoding", out var coding) ? Decompress(coding, body) : body);
    }

    private sealed record Answer(HttpStatusCode Status, Dictionary<string, string> Headers, byte[] Body)
    {
        public string? this[string name] => Headers.GetValueOrDefault(name);
    }

    private static byte[] Decompress(string encoding, byte[] body)
    {
        using var input = new MemoryStream(body);
        using Stream decoder = encoding == "br" ? new BrotliStream(input, CompressionMode.Decompress) : new GZipStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        decoder.CopyTo(output);
        return output.ToArray();
    }

    /// <summary>Every header of one answer is in the other with the same value, and no other (but those <see cref="NotCompared"/>).</summary>
    private static void AssertSameHeaders(Answer expected, Answer actual, string what)
    {
        var names = expected.Headers.Keys.Concat(actual.Headers.Keys).Where(n => !NotCompared.Contains(n)).Distinct(StringComparer.OrdinalIgnoreCase);
        foreach (var name in names)
        {
            Assert.True(expected[name] == actual[name], $"{what} {name}: '{expected[name]}' then '{actual[name]}'");
        }
    }

    /// <summary>The first read goes down the pipeline and is kept; the same read again is answered from memory, identically.</summary>
    private async Task AssertSameFromMemoryAsync(string url, string? encoding, string? language)
    {
        Assert.False(Cache.TryGet(CacheKey.OfUrl(url), PublicResponseCache.VariantOf(encoding), out _), $"{url} was kept before the test read it.");
        var first = await SendAsync(HttpMethod.Get, url, encoding, language);
        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.True(Cache.TryGet(CacheKey.OfUrl(url), PublicResponseCache.VariantOf(encoding), out _), $"{url} was not kept in memory.");

        var again = await SendAsync(HttpMethod.Get, url, encoding, language);

        Assert.Equal(first.Status, again.Status);
        Assert.Equal(first.Body, again.Body);
        AssertSameHeaders(first, again, url);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("br", "pl")]
    [InlineData("gzip, deflate, br;q=0.5", "pl-PL,pl;q=0.9,en;q=0.8")]
    [InlineData("gzip", "de, en;q=0.5")]
    public async Task The_catalogue_is_answered_from_memory_with_every_header_the_pipeline_sent(string? encoding, string? language)
    {
        var (latest, releaseId) = await PublishedAsync();

        await AssertSameFromMemoryAsync(latest, encoding, language);
        await AssertSameFromMemoryAsync($"/api/v1/catalogue/releases/{releaseId}", encoding, language);
        await AssertSameFromMemoryAsync("/api/v1/catalogue/releases?limit=5", encoding, language);
        await AssertSameFromMemoryAsync($"/api/v1/catalogue/releases/{releaseId}/files/zip", encoding, language);
        await AssertSameFromMemoryAsync($"/api/v1/catalogue/releases/{releaseId}/files/json", encoding, language);
        await AssertSameFromMemoryAsync($"/api/v1/catalogue/releases/{releaseId}/pages/index.html", encoding, language);
        await AssertSameFromMemoryAsync("/api/v1/catalogue/releases.atom", encoding, language);
    }

    [Theory]
    [InlineData(null, null, 5)]
    [InlineData("br, gzip", "pl", 6)]
    [InlineData("identity", "en", 7)]
    public async Task The_register_search_and_liveness_are_answered_from_memory_with_every_header_the_pipeline_sent(string? encoding, string? language, int limit)
    {
        await AssertSameFromMemoryAsync($"/api/v1/jst?name=lod&limit={limit}", encoding, language);
        if (!Cache.TryGet(CacheKey.OfUrl("/health/live"), PublicResponseCache.VariantOf(encoding), out _))
        {
            await AssertSameFromMemoryAsync("/health/live", encoding, language);
        }
    }

    [Theory]
    [InlineData("br;q=0, *", "gzip")]
    [InlineData("br;q=0, gzip;q=0, *", null)]
    [InlineData("*;q=0.5, br;q=0.4", "gzip")]
    [InlineData("identity", null)]
    [InlineData("gzip;q=0.5, br;q=0.5", "br")]
    public async Task A_coding_the_client_refused_is_never_sent_from_the_pipeline_or_from_memory(string acceptEncoding, string? expected)
    {
        var (latest, _) = await PublishedAsync();

        var fromPipeline = await SendAsync(HttpMethod.Get, latest, acceptEncoding);
        var fromMemory = await SendAsync(HttpMethod.Get, latest, acceptEncoding);

        Assert.Equal(expected, fromPipeline["Content-Encoding"]);
        Assert.Equal(expected, fromMemory["Content-Encoding"]);
        Assert.Equal("Accept-Encoding", fromPipeline["Vary"]);
        Assert.Equal("Accept-Encoding", fromMemory["Vary"]);
    }

    [Fact]
    public async Task A_304_carries_the_vary_of_its_200_from_the_pipeline_and_from_memory_alike()
    {
        var (latest, releaseId) = await PublishedAsync();
        foreach (var url in new[] { latest, "/api/v1/catalogue/releases.atom", $"/api/v1/catalogue/releases/{releaseId}/files/zip" })
        {
            var tag = (await SendAsync(HttpMethod.Get, url, "br"))["ETag"];
            // A conditional read of a variant not yet kept goes down the pipeline (and is not kept: it has no body).
            var fromPipeline = await SendAsync(HttpMethod.Get, url, "gzip", ifNoneMatch: tag);
            await SendAsync(HttpMethod.Get, url, "gzip");
            var fromMemory = await SendAsync(HttpMethod.Get, url, "gzip", ifNoneMatch: tag);

            Assert.Equal(HttpStatusCode.NotModified, fromPipeline.Status);
            Assert.Equal(HttpStatusCode.NotModified, fromMemory.Status);
            AssertSameHeaders(fromPipeline, fromMemory, url + " 304");
            Assert.Equal(tag, fromMemory["ETag"]);
            // JSON and Atom are compressed, so their 304 varies by Accept-Encoding as their 200 does; a ZIP never is.
            Assert.Equal(url.EndsWith("/zip", StringComparison.Ordinal) ? null : "Accept-Encoding", fromMemory["Vary"]);
        }
    }

    [Fact]
    public async Task A_head_is_the_get_without_its_body_from_the_pipeline_and_from_memory()
    {
        var (_, releaseId) = await PublishedAsync();
        foreach (var url in new[] { "/api/v1/catalogue/releases.atom", $"/api/v1/catalogue/releases/{releaseId}/files/zip" })
        {
            var headFromPipeline = await SendAsync(HttpMethod.Head, url, "gzip");
            var getFromPipeline = await SendAsync(HttpMethod.Get, url, "gzip");
            var getFromMemory = await SendAsync(HttpMethod.Get, url, "gzip");
            var headFromMemory = await SendAsync(HttpMethod.Head, url, "gzip");

            Assert.Equal(HttpStatusCode.OK, headFromPipeline.Status);
            Assert.Empty(headFromPipeline.Body);
            Assert.Empty(headFromMemory.Body);
            AssertSameHeaders(getFromPipeline, headFromPipeline, url + " HEAD from the pipeline");
            AssertSameHeaders(getFromMemory, headFromMemory, url + " HEAD from memory");
            Assert.Equal(getFromMemory["Content-Length"], headFromMemory["Content-Length"]);
        }
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
    public async Task Request_head_limits_refuse_a_kept_url_as_they_refuse_any_other()
    {
        var (latest, _) = await PublishedAsync();
        await anyone.GetAsync(latest);
        Assert.True(Cache.TryGet(latest, out _));

        var manyHeaders = new HttpRequestMessage(HttpMethod.Get, latest);
        for (var i = 0; i < 150; i++)
        {
            manyHeaders.Headers.Add($"X-Filler-{i}", "x");
        }

        var bigCookie = new HttpRequestMessage(HttpMethod.Get, latest).WithHeader("Cookie", "session=" + new string('c', 40 * 1024));
        var bigHeader = new HttpRequestMessage(HttpMethod.Get, latest).WithHeader("X-Filler", new string('h', 40 * 1024));

        await (await anyone.SendAsync(manyHeaders)).ShouldBeProblemAsync(HttpStatusCode.RequestHeaderFieldsTooLarge, "headers-too-large");
        await (await anyone.SendAsync(bigCookie)).ShouldBeProblemAsync(HttpStatusCode.RequestHeaderFieldsTooLarge, "headers-too-large");
        await (await anyone.SendAsync(bigHeader)).ShouldBeProblemAsync(HttpStatusCode.RequestHeaderFieldsTooLarge, "headers-too-large");
        // A small cookie is no reason to leave the fast lane: the API does not read cookies.
        var smallCookie = await anyone.SendAsync(new HttpRequestMessage(HttpMethod.Get, latest).WithHeader("Cookie", "consent=yes"));
        Assert.Equal(HttpStatusCode.OK, smallCookie.StatusCode);
    }

    [Fact]
    public async Task Parameters_in_another_order_or_case_share_one_entry_and_made_up_ones_are_never_kept()
    {
        var before = Cache.Usage("register");
        var first = await SendAsync(HttpMethod.Get, "/api/v1/jst?name=gdy&limit=3");
        var reordered = await SendAsync(HttpMethod.Get, "/api/v1/jst?LIMIT=3&Name=gdy");
        for (var i = 0; i < 300; i++)
        {
            var made = await anyone.GetAsync($"/api/v1/jst?name=gdy&p{i}={new string('z', 2000)}");
            Assert.Equal(HttpStatusCode.OK, made.StatusCode);
        }

        var twice = await anyone.GetAsync("/api/v1/jst?name=gdy&name=gdy");
        var after = Cache.Usage("register");

        Assert.Equal(first.Body, reordered.Body);
        AssertSameHeaders(first, reordered, "reordered");
        Assert.True(Cache.TryGet("/api/v1/jst?limit=3&name=gdy", out _));
        Assert.Equal(HttpStatusCode.OK, twice.StatusCode);
        // One new entry: the two spellings of one request.
        Assert.Equal(before.Entries + 1, after.Entries);
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
