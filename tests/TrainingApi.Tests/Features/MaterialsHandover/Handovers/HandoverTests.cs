using System.Net;
using System.Security.Cryptography;
using TrainingApi.Common.Http;
using TrainingApi.Common.Security;
using TrainingApi.Features.MaterialsHandover.Handovers;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Features.MaterialsHandover.Handovers;

/// <summary>Handing a release over to the Ministry, which downloads it, checks its checksum and acknowledges it.</summary>
public sealed class HandoverTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly HandoverSteps steps = new(api);

    [Fact]
    public async Task The_ministry_downloads_the_package_it_was_given_and_acknowledges_it_once()
    {
        var (version, _, _) = await steps.TestedVersionAsync();
        var release = await steps.PublishAsync((await steps.DraftAsync(version.Id)).Id);
        var ministry = api.ClientAs(Roles.Ministry);

        var handover = await (await steps.Team.PostJsonAsync($"/api/v1/releases/{release.Id}/handovers", new { handedOverOn = "2025-01-20" }))
            .ShouldBeAsync<HandoverView>(HttpStatusCode.Created);
        var awaiting = await (await ministry.GetAsync("/api/v1/handovers?acknowledged=false")).ShouldBeAsync<Page<HandoverView>>(HttpStatusCode.OK);
        var package = await (await ministry.GetAsync(handover.PackageUrl)).Content.ReadAsByteArrayAsync();
        var early = await ministry.PostJsonAsync($"/api/v1/handovers/{handover.Id}/acknowledgement", new { caseNumber = "DPPI.4012.1.2025", acknowledgedOn = "2025-01-01" });
        var acknowledged = await (await ministry.PostJsonAsync($"/api/v1/handovers/{handover.Id}/acknowledgement", new { caseNumber = "DPPI.4012.1.2025", acknowledgedOn = "2025-01-27" }))
            .ShouldBeAsync<HandoverView>(HttpStatusCode.OK);
        var twice = await ministry.PostJsonAsync($"/api/v1/handovers/{handover.Id}/acknowledgement", new { caseNumber = "X", acknowledgedOn = "2025-01-28" });

        Assert.Equal(RecordHandover.DefaultPurpose, handover.Purpose);
        Assert.Contains(awaiting.Items, h => h.Id == handover.Id);
        Assert.Equal(handover.PackageSha256, Convert.ToHexStringLower(SHA256.HashData(package)));
        Assert.Equal(release.Files.Single(f => f.Format == "zip").Sha256, handover.PackageSha256);
        Assert.NotEmpty((await early.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed")).ErrorsFor("acknowledgedOn"));
        Assert.Equal("DPPI.4012.1.2025", acknowledged.CaseNumber);
        Assert.Equal("already-acknowledged", (await twice.ShouldBeProblemAsync(HttpStatusCode.Conflict, "conflict")).GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_draft_is_not_handed_over()
    {
        var (version, _, _) = await steps.TestedVersionAsync();
        var draft = await steps.DraftAsync(version.Id);

        var response = await steps.Team.PostJsonAsync($"/api/v1/releases/{draft.Id}/handovers", new { handedOverOn = "2025-01-20" });

        Assert.Equal("release-not-published", (await response.ShouldBeProblemAsync(HttpStatusCode.Conflict, "conflict")).GetProperty("code").GetString());
        await (await api.ClientAs(Roles.Ministry).PostJsonAsync($"/api/v1/handovers/{Guid.NewGuid()}/acknowledgement", new { caseNumber = "X", acknowledgedOn = "2025-01-28" }))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
    }
}
