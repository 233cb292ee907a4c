using System.Net;
using System.Net.Http.Headers;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Features.MaterialsHandover.Releases;

/// <summary>A release's export answers what its contract says: ETag and 304, byte ranges (206) and 416 past the end.</summary>
public sealed class GetReleaseFileTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly HandoverSteps steps = new(api);

    [Fact]
    public async Task The_export_answers_304_for_its_tag_and_206_or_416_for_a_range()
    {
        var (version, _, _) = await steps.TestedVersionAsync(modules: 1, units: 1);
        var draft = await steps.DraftAsync(version.Id, "1.0.0");
        var url = $"/api/v1/releases/{draft.Id}/files/zip";

        await ConditionalGets.AssertAnswers304Async(steps.Team, url);
        var whole = await steps.Team.GetByteArrayAsync(url);
        var part = new HttpRequestMessage(HttpMethod.Get, url) { Headers = { Range = new RangeHeaderValue(0, 99) } };
        var pastTheEnd = new HttpRequestMessage(HttpMethod.Get, url) { Headers = { Range = new RangeHeaderValue(whole.Length + 10, null) } };
        var partial = await steps.Team.SendAsync(part);
        var refused = await steps.Team.SendAsync(pastTheEnd);

        Assert.Equal(HttpStatusCode.PartialContent, partial.StatusCode);
        Assert.Equal(whole[..100], await partial.Content.ReadAsByteArrayAsync());
        Assert.Equal($"bytes 0-99/{whole.Length}", partial.Content.Headers.ContentRange!.ToString());
        Assert.NotNull(partial.Content.Headers.ContentDisposition);
        Assert.Equal(HttpStatusCode.RequestedRangeNotSatisfiable, refused.StatusCode);
        Assert.Equal($"bytes */{whole.Length}", refused.Content.Headers.ContentRange!.ToString());
    }

    [Fact]
    public async Task A_release_file_names_the_release_language_whatever_language_the_messages_were_asked_in()
    {
        var (version, _, _) = await steps.TestedVersionAsync(modules: 1, units: 1);
        var draft = await steps.DraftAsync(version.Id, "1.0.0");

        foreach (var url in new[] { $"/api/v1/releases/{draft.Id}/files/zip", $"/api/v1/releases/{draft.Id}/files/json" })
        {
            var request = new HttpRequestMessage(HttpMethod.Get, url) { Headers = { AcceptLanguage = { new StringWithQualityHeaderValue("en") } } };
            var response = await steps.Team.SendAsync(request);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(["pl"], response.Content.Headers.ContentLanguage);
        }

        // A refusal is a message: it follows Accept-Language.
        var missing = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/releases/{Guid.NewGuid()}/files/zip") { Headers = { AcceptLanguage = { new StringWithQualityHeaderValue("en") } } };
        Assert.Equal(["en"], (await steps.Team.SendAsync(missing)).Content.Headers.ContentLanguage);
    }
}
