using System.Net;
using TrainingApi.Common.Security;
using TrainingApi.Features.MaterialsHandover.Handovers;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Features.MaterialsHandover.Handovers;

/// <summary>Downloading a handed-over package: its ETag is the SHA-256 the handover records, and If-None-Match answers 304.</summary>
public sealed class DownloadHandoverPackageTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly HandoverSteps steps = new(api);

    [Fact]
    public async Task The_package_answers_304_to_the_ministry_that_already_holds_it()
    {
        var (version, _, _) = await steps.TestedVersionAsync(modules: 1, units: 1);
        var release = await steps.PublishAsync((await steps.DraftAsync(version.Id)).Id);
        var handover = await (await steps.Team.PostJsonAsync($"/api/v1/releases/{release.Id}/handovers", new { handedOverOn = "2025-01-20" }))
            .ShouldBeAsync<HandoverView>(HttpStatusCode.Created);

        var tag = await ConditionalGets.AssertAnswers304Async(api.ClientAs(Roles.Ministry), handover.PackageUrl);

        Assert.Equal($"\"{handover.PackageSha256}\"", tag);
    }
}
