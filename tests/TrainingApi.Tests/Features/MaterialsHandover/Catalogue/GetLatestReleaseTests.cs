using System.Net;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Features.MaterialsHandover.Catalogue;

/// <summary>The latest release of a programme, public and cacheable: ETag, Last-Modified and 304 by either, If-None-Match first.</summary>
public sealed class GetLatestReleaseTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly HandoverSteps steps = new(api);
    private readonly HttpClient anyone = api.CreateClient();

    [Fact]
    public async Task The_latest_release_answers_304_by_tag_or_date_until_a_newer_one_is_published()
    {
        var (version, _, _) = await steps.TestedVersionAsync(modules: 1, units: 1);
        await steps.PublishAsync((await steps.DraftAsync(version.Id, "1.0.0")).Id);
        var url = $"/api/v1/catalogue/releases/latest?programmeId={version.ProgrammeId}";

        var tag = await ConditionalGets.AssertAnswers304Async(anyone, url);
        var first = await anyone.GetAsync(url);
        var byDate = new HttpRequestMessage(HttpMethod.Get, url);
        byDate.Headers.IfModifiedSince = first.Content.Headers.LastModified;
        var byDateAndOtherTag = new HttpRequestMessage(HttpMethod.Get, url).WithHeader("If-None-Match", "\"older\"");
        byDateAndOtherTag.Headers.IfModifiedSince = first.Content.Headers.LastModified;
        var byDateResponse = await anyone.SendAsync(byDate);

        Assert.NotNull(first.Content.Headers.LastModified);
        Assert.Equal(HttpStatusCode.NotModified, byDateResponse.StatusCode);
        Assert.True(byDateResponse.Headers.CacheControl!.Public);
        Assert.Equal(HttpStatusCode.OK, (await anyone.SendAsync(byDateAndOtherTag)).StatusCode);

        await steps.PublishAsync((await steps.DraftAsync(version.Id, "1.1.0")).Id);
        Assert.Equal(HttpStatusCode.OK, await ConditionalGets.GetIfNoneMatchAsync(anyone, url, tag));
    }
}
