using System.Net;

namespace TrainingApi.Tests.Infrastructure;

/// <summary>What RFC 9110 asks of a conditional GET, asserted the same way for every endpoint that sends an ETag.</summary>
public static class ConditionalGets
{
    /// <summary>
    /// Reads the URL, then asserts 304 for If-None-Match naming its ETag as sent, as a weak tag, inside a list and as <c>*</c>, with
    /// the ETag again on the 304; 200 for another tag, even with an If-Modified-Since that alone would match (If-None-Match wins).
    /// Returns the ETag as sent.
    /// </summary>
    public static async Task<string> AssertAnswers304Async(HttpClient client, string url)
    {
        var first = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var tag = first.Headers.ETag!.Tag;
        Assert.False(first.Headers.ETag.IsWeak);

        foreach (var ifNoneMatch in new[] { tag, "W/" + tag, $"\"not-this-one\", W/\"nor-this\", {tag}", "*" })
        {
            var conditional = await client.SendAsync(Get(url, ifNoneMatch));
            Assert.True(conditional.StatusCode == HttpStatusCode.NotModified, $"If-None-Match: {ifNoneMatch} gave {(int)conditional.StatusCode}");
            Assert.Equal(tag, conditional.Headers.ETag!.Tag);
            Assert.Empty(await conditional.Content.ReadAsByteArrayAsync());
        }

        var other = Get(url, "\"not-this-one\", W/\"nor-this\"");
        other.Headers.IfModifiedSince = DateTimeOffset.UtcNow.AddYears(1);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(other)).StatusCode);
        return tag;
    }

    /// <summary>GET with If-None-Match naming <paramref name="tag"/>: the status it answers.</summary>
    public static async Task<HttpStatusCode> GetIfNoneMatchAsync(HttpClient client, string url, string tag) =>
        (await client.SendAsync(Get(url, tag))).StatusCode;

    private static HttpRequestMessage Get(string url, string ifNoneMatch) =>
        new HttpRequestMessage(HttpMethod.Get, url).WithHeader("If-None-Match", ifNoneMatch);
}
