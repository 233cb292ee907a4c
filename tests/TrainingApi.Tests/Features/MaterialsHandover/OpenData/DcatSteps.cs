using System.Net;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Features.MaterialsHandover.OpenData;

/// <summary>Reads the DCAT description as a harvester does, and the graph as triples parsed by the registry's parsers.</summary>
public static partial class DcatSteps
{
    public const string Dcat = "http://www.w3.org/ns/dcat#";
    public const string Dct = "http://purl.org/dc/terms/";
    public const string Hydra = "http://www.w3.org/ns/hydra/core#";
    public const string Spdx = "http://spdx.org/rdf/terms#";

    public sealed record Triple(string Subject, string Predicate, string Value);

    public static async Task<HttpResponseMessage> GetAsync(HttpClient client, string url, string? accept, string? ifNoneMatch = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        if (ifNoneMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        }

        return await client.SendAsync(request);
    }

    public static async Task<byte[]> TurtleAsync(HttpClient client, string url)
    {
        var response = await GetAsync(client, url, "text/turtle");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/turtle", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsByteArrayAsync();
    }

    /// <summary>The graph at the URL (Turtle) as N-Triples lines and as triples (IRIs without brackets; literals as written).</summary>
    public static async Task<(IReadOnlySet<string> Lines, IReadOnlyList<Triple> Triples)> GraphAsync(HttpClient client, string url)
    {
        var lines = await DcatCheck.ParseAsync("turtle", await TurtleAsync(client, url));
        return (lines, [.. lines.Select(Parse)]);
    }

    public static Triple Parse(string line)
    {
        var match = NTriple().Match(line);
        Assert.True(match.Success, line);
        var value = match.Groups[3].Value;
        return new Triple(match.Groups[1].Value, match.Groups[2].Value, value.StartsWith('<') ? value[1..^1] : value);
    }

    public static IEnumerable<string> Objects(IEnumerable<Triple> triples, string subject, string predicate) =>
        triples.Where(t => t.Subject == subject && t.Predicate == predicate).Select(t => t.Value);

    /// <summary>An absolute link of the API (under the configured public base) as the test server's relative path.</summary>
    public static string Relative(string absolute)
    {
        Assert.StartsWith(ApiFactory.PublicBase + "/", absolute, StringComparison.Ordinal);
        return absolute[ApiFactory.PublicBase.Length..];
    }

    public static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    [GeneratedRegex("^<([^>]*)> <([^>]*)> (.*) \\.$")]
    private static partial Regex NTriple();
}
