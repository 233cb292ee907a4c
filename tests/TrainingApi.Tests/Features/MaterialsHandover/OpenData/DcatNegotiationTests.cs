using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using TrainingApi.Tests.Infrastructure;
using static TrainingApi.Tests.Features.MaterialsHandover.OpenData.DcatSteps;

namespace TrainingApi.Tests.Features.MaterialsHandover.OpenData;

/// <summary>The three syntaxes by Accept, 406 for anything else, 404 for unknown names, 304, and a cache that never mixes syntaxes.</summary>
public sealed class DcatNegotiationTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly HandoverSteps steps = new(api);
    private readonly HttpClient anyone = api.CreateClient();

    /// <summary>One programme per database: programmes made by the steps share a title, and a slug is never reused.</summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<ApiFactory, Task<string>> Published = [];

    private Task<string> PublishedSlugAsync() => Published.GetValue(api, _ => PublishAsync());

    private async Task<string> PublishAsync()
    {
        var (version, _, _) = await steps.TestedVersionAsync();
        var release = await steps.PublishAsync((await steps.DraftAsync(version.Id, "1.0.0")).Id);
        var view = await (await anyone.GetAsync($"/api/v1/catalogue/releases/{release.Id}"))
            .ShouldBeAsync<TrainingApi.Features.MaterialsHandover.Catalogue.CatalogueRelease>(HttpStatusCode.OK);
        return view.ProgrammeSlug;
    }

    [Fact]
    public async Task An_unknown_Accept_is_406_naming_the_three_syntaxes_and_unknown_names_are_404()
    {
        var slug = await PublishedSlugAsync();

        var refused = await (await GetAsync(anyone, "/api/v1/catalogue/dcat", "text/csv")).ShouldBeProblemAsync(HttpStatusCode.NotAcceptable, "not-acceptable");
        await (await GetAsync(anyone, "/api/v1/catalogue/dcat/programmes/nie-ma-takiego", null)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await GetAsync(anyone, $"/api/v1/catalogue/dcat/programmes/{slug}/9.9.9", null)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await GetAsync(anyone, "/api/v1/catalogue/dcat?page=99", null)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await GetAsync(anyone, "/api/v1/catalogue/dcat?page=0", null)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");

        Assert.Equal(["text/turtle", "application/ld+json", "application/rdf+xml"],
            refused.GetProperty("offered").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task No_Accept_and_any_type_get_Turtle_and_each_syntax_has_its_own_tag_and_304()
    {
        var slug = await PublishedSlugAsync();
        var url = $"/api/v1/catalogue/dcat/programmes/{slug}/1.0.0";

        var plain = await GetAsync(anyone, url, null);
        var any = await GetAsync(anyone, url, "*/*");
        var jsonLd = await GetAsync(anyone, url, "application/ld+json");
        var again = await GetAsync(anyone, url, "application/ld+json", jsonLd.Headers.ETag!.ToString());

        Assert.Equal(("text/turtle", "text/turtle", "application/ld+json"),
            (plain.Content.Headers.ContentType?.MediaType, any.Content.Headers.ContentType?.MediaType, jsonLd.Content.Headers.ContentType?.MediaType));
        Assert.NotEqual(plain.Headers.ETag, jsonLd.Headers.ETag);
        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        Assert.Contains("Accept", plain.Headers.Vary);
        Assert.NotNull(plain.Content.Headers.LastModified);
        Assert.Equal("public, max-age=300", plain.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task The_cache_never_answers_one_syntax_to_a_client_asking_for_another()
    {
        var slug = await PublishedSlugAsync();
        var url = $"/api/v1/catalogue/dcat/programmes/{slug}";
        var cache = api.Services.GetRequiredService<TrainingApi.Common.Http.PublicReads.PublicResponseCache>();

        await GetAsync(anyone, url, "text/turtle");
        await GetAsync(anyone, url, "text/turtle");
        var kept = cache.TryGet(TrainingApi.Common.Http.PublicReads.CacheKey.OfUrl(url) + "\ntext/turtle", 0, out _);
        var jsonLd = await GetAsync(anyone, url, "application/ld+json");
        var rdfXml = await GetAsync(anyone, url, "application/rdf+xml");
        var turtle = await GetAsync(anyone, url, "text/turtle");

        Assert.True(kept);
        Assert.Equal("application/ld+json", jsonLd.Content.Headers.ContentType?.MediaType);
        using (var document = JsonDocument.Parse(await jsonLd.Content.ReadAsStringAsync()))
        {
            Assert.True(document.RootElement.TryGetProperty("@graph", out _));
        }

        Assert.Equal("application/rdf+xml", rdfXml.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("<?xml", (await rdfXml.Content.ReadAsStringAsync()).TrimStart('\uFEFF'), StringComparison.Ordinal);
        Assert.Equal("text/turtle", turtle.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("@prefix", await turtle.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
