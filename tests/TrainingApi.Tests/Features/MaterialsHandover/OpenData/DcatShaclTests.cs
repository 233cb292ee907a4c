using TrainingApi.Tests.Infrastructure;
using static TrainingApi.Tests.Features.MaterialsHandover.OpenData.DcatSteps;

namespace TrainingApi.Tests.Features.MaterialsHandover.OpenData;

/// <summary>The SHACL check can fail: a description with a licence or a mandatory property taken out is reported.</summary>
public sealed class DcatShaclTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly HandoverSteps steps = new(api);
    private readonly HttpClient anyone = api.CreateClient();

    [Fact]
    public async Task A_release_without_its_licence_or_its_access_URLs_is_reported_and_the_intact_one_is_not()
    {
        var (version, _, _) = await steps.TestedVersionAsync();
        var release = await steps.PublishAsync((await steps.DraftAsync(version.Id, "1.0.0")).Id);
        var view = await (await anyone.GetAsync($"/api/v1/catalogue/releases/{release.Id}"))
            .ShouldBeAsync<TrainingApi.Features.MaterialsHandover.Catalogue.CatalogueRelease>(System.Net.HttpStatusCode.OK);
        var (lines, _) = await GraphAsync(anyone, $"/api/v1/catalogue/dcat/programmes/{view.ProgrammeSlug}/1.0.0");

        // N-Triples is Turtle: a triple taken out leaves a document the validator still reads.
        static byte[] Without(IEnumerable<string> lines, string predicate) =>
            System.Text.Encoding.UTF8.GetBytes(string.Join("\n", lines.Where(l => !l.Contains($"> <{predicate}> ", StringComparison.Ordinal))) + "\n");
        var intact = await DcatCheck.ValidateAsync(System.Text.Encoding.UTF8.GetBytes(string.Join("\n", lines) + "\n"));
        var noLicence = await DcatCheck.ValidateAsync(Without(lines, Dct + "license"));
        var noAccess = await DcatCheck.ValidateAsync(Without(lines, Dcat + "accessURL"));

        Assert.Equal(0, intact.Violations);
        Assert.DoesNotContain(intact.Results, r => r.Path == Dct + "license");
        Assert.Contains(noLicence.Results, r => r.Path == Dct + "license");
        Assert.True(noAccess.Violations > 0);
        Assert.Contains(noAccess.Results, r => r.Path == Dcat + "accessURL" && r.Severity == "Violation");
    }
}
