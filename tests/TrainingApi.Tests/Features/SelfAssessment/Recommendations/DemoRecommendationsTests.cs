using Microsoft.Extensions.DependencyInjection;
using TrainingApi.Features.Advisory.Maturity;
using TrainingApi.Features.Curriculum.Sections;
using TrainingApi.Features.SelfAssessment.Recommendations;
using TrainingApi.Tests.Features.Curriculum;

namespace TrainingApi.Tests.Features.SelfAssessment.Recommendations;

/// <summary>The demo's latest published release has something to recommend for every area a JST can be weakest in.</summary>
public sealed class DemoRecommendationsTests(CurriculumDemoDataTests.DemoFactory api) : IClassFixture<CurriculumDemoDataTests.DemoFactory>
{
    [Fact]
    public async Task Every_area_of_the_framework_has_a_tagged_module_and_a_tagged_guideline_in_the_latest_demo_release()
    {
        await using var scope = api.Services.CreateAsyncScope();
        var latest = await scope.ServiceProvider.GetRequiredService<IPublishedMaterials>().LatestAsync(CancellationToken.None);

        Assert.NotNull(latest);
        Assert.Equal("2.1.0", latest.SemanticVersion);
        Assert.All(MaturityFramework.Current.Areas, area =>
        {
            var tagged = latest.Sections.Where(s => s.MaturityAreas.Contains(area.Code)).ToList();
            Assert.True(tagged.Any(s => s.Kind is SectionKind.Module or SectionKind.Unit), $"no module or unit tagged {area.Code}");
            Assert.True(tagged.Any(s => s.Kind == SectionKind.AdvisoryGuideline), $"no guideline tagged {area.Code}");
        });
    }
}
