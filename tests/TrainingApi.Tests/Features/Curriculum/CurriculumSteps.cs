using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using TrainingApi.Features.Curriculum;
using TrainingApi.Features.Curriculum.LegalActs;
using TrainingApi.Features.Curriculum.Sections;
using TrainingApi.Features.Curriculum.Versions;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Features.Curriculum;

/// <summary>The calls the curriculum tests make to set the scene, over HTTP like everything else.</summary>
public sealed class CurriculumSteps(HttpClient client)
{
    /// <summary>
    /// A programme; with the default title each gets a slug of its own, because a slug is never reused and many tests of one class
    /// (one database) make a programme.
    /// </summary>
    public async Task<ProgrammeView> ProgrammeAsync(string title = DefaultTitle) =>
        await (await (title == DefaultTitle
                ? client.PostJsonAsync("/api/v1/programmes", new { title, slug = $"program-testowy-{Interlocked.Increment(ref programmes)}" })
                : client.PostJsonAsync("/api/v1/programmes", new { title })))
            .ShouldBeAsync<ProgrammeView>(HttpStatusCode.Created);

    private const string DefaultTitle = "Program testowy";

    private static int programmes;

    public async Task<VersionView> VersionAsync(Guid programmeId, string label = "0.9", Guid? basedOn = null) =>
        await (await client.PostJsonAsync($"/api/v1/programmes/{programmeId}/versions", new { label, basedOnVersionId = basedOn }))
            .ShouldBeAsync<VersionView>(HttpStatusCode.Created);

    public async Task<VersionView> DraftAsync() => await VersionAsync((await ProgrammeAsync()).Id);

    public Task<HttpResponseMessage> AddAsync(Guid versionId, object section) => client.PostJsonAsync($"/api/v1/versions/{versionId}/sections", section);

    public async Task<SectionView> SectionAsync(Guid versionId, string anchor, string kind = "module", string? parent = null, string? markdown = null,
        decimal? hours = null, string title = "Sekcja", string[]? legalActs = null, int? position = null, object? outcomes = null) =>
        await (await AddAsync(versionId, new
        {
            anchor, parentAnchor = parent, kind, title, position, hours, legalActs, learningOutcomes = outcomes,
            markdown = markdown ?? $"Treść sekcji {anchor}. Opisuje zadania JST w prosty sposób.",
        })).ShouldBeAsync<SectionView>(HttpStatusCode.Created);

    public async Task<HttpResponseMessage> MoveAsync(Guid versionId, VersionStatus to, string reason = "Zgodnie z harmonogramem projektu.") =>
        await client.PostJsonAsync($"/api/v1/versions/{versionId}/transitions", new { to = Name(to), reason });

    public async Task MoveAlongAsync(Guid versionId, params VersionStatus[] statuses)
    {
        foreach (var status in statuses)
        {
            var response = await MoveAsync(versionId, status);
            Assert.True(response.IsSuccessStatusCode, $"Moving to {status}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    public async Task<LegalActView> ActAsync(string citation, string title = "Ustawa testowa") =>
        await (await client.PostJsonAsync("/api/v1/legal-acts", new { citation, title, publishedOn = "2023-01-10" })).ShouldBeAsync<LegalActView>(HttpStatusCode.Created);

    public async Task<(SectionView Section, EntityTagHeaderValue ETag)> ReadSectionAsync(Guid versionId, string anchor)
    {
        var response = await client.GetAsync($"/api/v1/versions/{versionId}/sections/{anchor}");
        return (await response.ShouldBeAsync<SectionView>(HttpStatusCode.OK), response.Headers.ETag!);
    }

    public Task<HttpResponseMessage> PutSectionAsync(Guid versionId, string anchor, object body, EntityTagHeaderValue? etag)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/versions/{versionId}/sections/{anchor}")
        {
            Content = HttpExtensions.JsonBody(JsonSerializer.Serialize(body, HttpExtensions.Json)),
        };
        if (etag is not null)
        {
            request.Headers.IfMatch.Add(etag);
        }

        return client.SendAsync(request);
    }

    public static string Name(VersionStatus status) => JsonNamingPolicy.KebabCaseLower.ConvertName(status.ToString());
}
