using System.Net;
using System.Net.Http.Headers;
using TrainingApi.Common.Security;
using TrainingApi.Features.MaterialsHandover.Releases;
using TrainingApi.Tests.Features.MaterialsHandover;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Common.Http;

/// <summary>File downloads answer HEAD (headers, no body, same authorization as GET) and byte ranges (206, 416).</summary>
public sealed class DownloadsTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly HandoverSteps steps = new(api);
    private readonly HttpClient anonymous = api.CreateClient();

    private async Task<ReleaseView> PublishedAsync()
    {
        var (version, _, _) = await steps.TestedVersionAsync(modules: 1, units: 1);
        return await steps.PublishAsync((await steps.DraftAsync(version.Id)).Id);
    }

    private static HttpRequestMessage Ranged(string url, long from, long? to)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Range = new RangeHeaderValue(from, to);
        return request;
    }

    [Fact]
    public async Task Head_on_a_public_catalogue_file_answers_anonymously_with_the_headers_and_no_body()
    {
        var release = await PublishedAsync();
        var url = $"/api/v1/catalogue/releases/{release.Id}/files/zip";
        var get = await anonymous.GetAsync(url);
        var length = (await get.Content.ReadAsByteArrayAsync()).Length;

        var head = await anonymous.SendAsync(new HttpRequestMessage(HttpMethod.Head, url));

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(length, head.Content.Headers.ContentLength);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
        Assert.Equal(get.Headers.ETag, head.Headers.ETag);
        Assert.Equal(get.Content.Headers.LastModified, head.Content.Headers.LastModified);
        Assert.Equal("application/zip", head.Content.Headers.ContentType!.MediaType);
        Assert.Equal(get.Content.Headers.ContentDisposition, head.Content.Headers.ContentDisposition);
        Assert.Equal(["bytes"], head.Headers.AcceptRanges);
    }

    [Fact]
    public async Task Head_on_the_atom_feed_answers_anonymously()
    {
        var head = await anonymous.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/api/v1/catalogue/releases.atom"));

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.True(head.Content.Headers.ContentLength > 0);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Head_on_a_team_only_download_needs_the_same_roles_as_get()
    {
        var release = await PublishedAsync();
        var handover = await (await steps.Team.PostJsonAsync($"/api/v1/releases/{release.Id}/handovers", new { handedOverOn = "2025-01-20" }))
            .ShouldBeAsync<TrainingApi.Features.MaterialsHandover.Handovers.HandoverView>(HttpStatusCode.Created);

        foreach (var url in new[] { $"/api/v1/releases/{release.Id}/files/imscc", handover.PackageUrl })
        {
            var team = await steps.Team.SendAsync(new HttpRequestMessage(HttpMethod.Head, url));
            var nobody = await anonymous.SendAsync(new HttpRequestMessage(HttpMethod.Head, url));
            var coordinator = await api.ClientAs(Roles.JstCoordinator).SendAsync(new HttpRequestMessage(HttpMethod.Head, url));

            Assert.Equal(HttpStatusCode.OK, team.StatusCode);
            Assert.True(team.Content.Headers.ContentLength > 0);
            Assert.Empty(await team.Content.ReadAsByteArrayAsync());
            Assert.Equal(HttpStatusCode.Unauthorized, nobody.StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, coordinator.StatusCode);
        }
    }

    [Fact]
    public async Task A_range_of_the_first_100_bytes_is_a_206_with_exactly_those_bytes()
    {
        var release = await PublishedAsync();
        var url = $"/api/v1/catalogue/releases/{release.Id}/files/zip";
        var whole = await (await anonymous.GetAsync(url)).Content.ReadAsByteArrayAsync();

        var response = await anonymous.SendAsync(Ranged(url, 0, 99));
        var body = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
        Assert.Equal($"bytes 0-99/{whole.Length}", response.Content.Headers.ContentRange!.ToString());
        Assert.Equal(100, body.Length);
        Assert.Equal(whole[..100], body);
        Assert.NotNull(response.Headers.ETag);
    }

    [Fact]
    public async Task A_range_of_a_drafts_preview_works_too()
    {
        var (version, _, _) = await steps.TestedVersionAsync(modules: 1, units: 1);
        var draft = await steps.DraftAsync(version.Id);

        var response = await steps.Team.SendAsync(Ranged($"/api/v1/releases/{draft.Id}/files/json", 10, 19));

        Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
        Assert.Equal(10, (await response.Content.ReadAsByteArrayAsync()).Length);
        Assert.NotNull(response.Headers.ETag);
    }

    [Fact]
    public async Task A_range_beyond_the_end_is_a_416_naming_the_length()
    {
        var release = await PublishedAsync();
        var url = $"/api/v1/catalogue/releases/{release.Id}/files/zip";
        var length = (await (await anonymous.GetAsync(url)).Content.ReadAsByteArrayAsync()).Length;

        var response = await anonymous.SendAsync(Ranged(url, length + 100, null));

        Assert.Equal(HttpStatusCode.RequestedRangeNotSatisfiable, response.StatusCode);
        Assert.Equal($"bytes */{length}", response.Content.Headers.ContentRange!.ToString());
    }

    [Fact]
    public async Task A_range_with_an_if_range_naming_another_version_gets_the_whole_file()
    {
        var release = await PublishedAsync();
        var url = $"/api/v1/catalogue/releases/{release.Id}/files/zip";
        var request = Ranged(url, 0, 99);
        request.Headers.IfRange = new RangeConditionHeaderValue(new EntityTagHeaderValue("\"not-this-one\""));

        var response = await anonymous.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True((await response.Content.ReadAsByteArrayAsync()).Length > 100);
    }
}
