using System.IO.Compression;
using System.Net;
using TrainingApi.Common.Security;
using TrainingApi.Features.Consultations.Organisations;
using TrainingApi.Tests.Features.Consultations;
using TrainingApi.Tests.Features.MaterialsHandover;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Common.Http;

/// <summary>Text answers are compressed with Brotli or gzip as asked; ZIP files, byte ranges and answers to POSTs are not.</summary>
public sealed class CompressionTests(ConsultationsFactory api) : IClassFixture<ConsultationsFactory>
{
    private readonly HttpClient team = api.ClientAs(Roles.ProgrammeTeam);

    private async Task<(HttpResponseMessage Response, byte[] Body)> GetAsync(string url, string? acceptEncoding)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (acceptEncoding is not null)
        {
            request.Headers.Add("Accept-Encoding", acceptEncoding);
        }

        var response = await team.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, $"{url}: {response.StatusCode}");
        return (response, await response.Content.ReadAsByteArrayAsync());
    }

    private static byte[] Decompress(string encoding, byte[] body)
    {
        using var input = new MemoryStream(body);
        using Stream decoder = encoding == "br" ? new BrotliStream(input, CompressionMode.Decompress) : new GZipStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        decoder.CopyTo(output);
        return output.ToArray();
    }

    private async Task AssertCompressedAsync(string url, string mediaType)
    {
        var (plain, plainBody) = await GetAsync(url, null);
        Assert.Empty(plain.Content.Headers.ContentEncoding);
        Assert.Equal(mediaType, plain.Content.Headers.ContentType!.MediaType);

        foreach (var encoding in new[] { "br", "gzip" })
        {
            var (compressed, body) = await GetAsync(url, encoding);

            Assert.Equal([encoding], compressed.Content.Headers.ContentEncoding);
            Assert.Contains("Accept-Encoding", compressed.Headers.Vary);
            Assert.Equal(plainBody, Decompress(encoding, body));
        }
    }

    [Fact]
    public async Task A_json_list_is_sent_as_brotli_or_gzip_as_asked()
    {
        var steps = new ConsultationSteps(api);
        await steps.OpenRoundAsync();

        await AssertCompressedAsync("/api/v1/consultation-rounds", "application/json");
    }

    [Fact]
    public async Task The_consultation_report_csv_is_compressed_too()
    {
        var steps = new ConsultationSteps(api);
        var round = await steps.OpenRoundAsync();
        await steps.TeamSubmitsAsync(round.Id, SeededOrganisations.Zpp, ConsultationSteps.Comments(30));

        await AssertCompressedAsync($"/api/v1/consultation-rounds/{round.Id}/report?format=csv", "text/csv");
    }

    [Fact]
    public async Task A_byte_range_of_the_csv_is_sent_uncompressed()
    {
        var steps = new ConsultationSteps(api);
        var round = await steps.OpenRoundAsync();
        await steps.TeamSubmitsAsync(round.Id, SeededOrganisations.Zpp, ConsultationSteps.Comments(5));
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/consultation-rounds/{round.Id}/report?format=csv");
        request.Headers.Range = new System.Net.Http.Headers.RangeHeaderValue(0, 99);
        request.Headers.Add("Accept-Encoding", "br, gzip");

        var response = await team.SendAsync(request);

        Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
        Assert.Empty(response.Content.Headers.ContentEncoding);
        Assert.Equal(100, (await response.Content.ReadAsByteArrayAsync()).Length);
    }

    [Fact]
    public async Task A_release_zip_is_sent_as_it_is()
    {
        var steps = new HandoverSteps(api);
        var (version, _, _) = await steps.TestedVersionAsync(modules: 1, units: 1);
        var release = await steps.DraftAsync(version.Id);
        var url = $"/api/v1/releases/{release.Id}/files/zip";

        var (plain, plainBody) = await GetAsync(url, null);
        var (asked, body) = await GetAsync(url, "br, gzip");

        Assert.Equal("application/zip", plain.Content.Headers.ContentType!.MediaType);
        Assert.Empty(asked.Content.Headers.ContentEncoding);
        Assert.Equal(plainBody, body);
    }

    [Fact]
    public async Task An_answer_to_a_post_is_not_compressed()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/organisations/{SeededOrganisations.Zmp}/api-keys")
        {
            Content = HttpExtensions.JsonBody("""{"name":"compression check"}"""),
        };
        request.Headers.Add("Accept-Encoding", "br, gzip");

        var response = await team.SendAsync(request);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Empty(response.Content.Headers.ContentEncoding);
    }
}
