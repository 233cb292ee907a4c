using System.Net;
using TrainingApi.Common.Http;
using TrainingApi.Common.Security;
using TrainingApi.Features.Consultations.Organisations;
using TrainingApi.Features.Curriculum.Versions;
using TrainingApi.Tests.Infrastructure;
using static TrainingApi.Features.MaterialsHandover.SectionHistory.GetSectionHistory;

namespace TrainingApi.Tests.Features.Curriculum.Versions;

/// <summary>
/// A version set aside before it was ever published (superseded as a draft, or after review without going to consultation)
/// stays with its authors in every read, whatever its status says now; one that was published stays public when superseded.
/// </summary>
public sealed class UnpublishedDraftVisibilityTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly CurriculumSteps team = new(api.ClientAs(Roles.ProgrammeTeam));

    /// <summary>0.9 superseded as a draft, 1.0 made from it consulted then superseded, 1.1 reviewed then superseded, 2.0 in consultation.</summary>
    private async Task<(Guid Programme, VersionView V09, VersionView V10, VersionView V11, VersionView V20)> LineageAsync()
    {
        var programme = await team.ProgrammeAsync("Program z odłożonymi wersjami");
        var v09 = await team.VersionAsync(programme.Id, "0.9");
        await team.SectionAsync(v09.Id, "modul-1", markdown: "Pierwszy szkic, tylko dla autorów.");
        var v10 = await team.VersionAsync(programme.Id, "1.0", v09.Id);
        await team.MoveAlongAsync(v09.Id, VersionStatus.Superseded);
        await team.MoveAlongAsync(v10.Id, VersionStatus.InReview, VersionStatus.Accessible, VersionStatus.InConsultation);
        var v11 = await team.VersionAsync(programme.Id, "1.1", v10.Id);
        await team.MoveAlongAsync(v11.Id, VersionStatus.InReview, VersionStatus.Accessible, VersionStatus.Superseded);
        var v20 = await team.VersionAsync(programme.Id, "2.0", v10.Id);
        await team.MoveAlongAsync(v20.Id, VersionStatus.InReview, VersionStatus.Accessible, VersionStatus.InConsultation);
        await team.MoveAlongAsync(v10.Id, VersionStatus.Superseded);
        return (programme.Id, v09, v10, v11, v20);
    }

    public static TheoryData<string> Outsiders => [Roles.Ministry, Roles.JstCoordinator, Roles.Partner];

    [Theory]
    [MemberData(nameof(Outsiders))]
    public async Task A_draft_never_published_is_a_404_in_every_read_and_absent_from_lists(string role)
    {
        var (programme, v09, v10, v11, v20) = await LineageAsync();
        var client = role == Roles.Partner ? await api.PartnerClientAsync(SeededOrganisations.Zmp) : api.ClientAs(role, teryt: role == Roles.JstCoordinator ? "1061" : null);

        foreach (var hidden in new[] { v09.Id, v11.Id })
        {
            foreach (var read in new[]
                     {
                         $"/api/v1/versions/{hidden}", $"/api/v1/versions/{hidden}/sections", $"/api/v1/versions/{hidden}/sections/modul-1",
                         $"/api/v1/versions/{hidden}/transitions", $"/api/v1/programmes/{programme}/diff?from={hidden}&to={v20.Id}",
                         $"/api/v1/programmes/{programme}/diff?from={v10.Id}&to={hidden}",
                     })
            {
                var response = await client.GetAsync(read);
                Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{role} GET {read}: {(int)response.StatusCode}");
                await response.ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
            }
        }

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/versions/{v10.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/versions/{v10.Id}/sections/modul-1")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/programmes/{programme}/diff?from={v10.Id}&to={v20.Id}")).StatusCode);
        var listed = await (await client.GetAsync($"/api/v1/programmes/{programme}/versions")).ShouldBeAsync<Page<ListVersions.VersionSummary>>(HttpStatusCode.OK);
        Assert.Equal(["1.0", "2.0"], listed.Items.Select(v => v.Label).Order(StringComparer.Ordinal));
        var superseded = await (await client.GetAsync($"/api/v1/programmes/{programme}/versions?status=superseded")).ShouldBeAsync<Page<ListVersions.VersionSummary>>(HttpStatusCode.OK);
        Assert.Equal(["1.0"], superseded.Items.Select(v => v.Label));
    }

    [Fact]
    public async Task The_section_history_shows_anyone_and_the_ministry_only_what_was_published()
    {
        var (programme, _, _, _, _) = await LineageAsync();

        foreach (var client in new[] { api.CreateClient(), api.ClientAs(Roles.Ministry) })
        {
            var history = await (await client.GetAsync($"/api/v1/programmes/{programme}/sections/modul-1/history")).ShouldBeAsync<SectionHistoryView>(HttpStatusCode.OK);
            var texts = history.Entries.Where(e => e.Kind == HistoryEntryKind.VersionText).Select(e => e.Text!).ToList();
            Assert.Equal([("1.0", (string?)null), ("2.0", "1.0")], texts.Select(t => (t.Label, t.PreviousLabel)));
            Assert.DoesNotContain(history.Entries, e => e.VersionLabel is "0.9" or "1.1");
        }
    }

    [Theory]
    [InlineData(Roles.ProgrammeTeam)]
    [InlineData(Roles.Expert)]
    [InlineData(Roles.Advisor)]
    public async Task The_team_authors_and_advisors_still_see_them(string role)
    {
        var (programme, v09, _, v11, _) = await LineageAsync();
        var client = api.ClientAs(role);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/versions/{v09.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/versions/{v11.Id}/sections/modul-1")).StatusCode);
        var listed = await (await client.GetAsync($"/api/v1/programmes/{programme}/versions")).ShouldBeAsync<Page<ListVersions.VersionSummary>>(HttpStatusCode.OK);
        Assert.Equal(["0.9", "1.0", "1.1", "2.0"], listed.Items.Select(v => v.Label).Order(StringComparer.Ordinal));
        var history = await (await client.GetAsync($"/api/v1/programmes/{programme}/sections/modul-1/history")).ShouldBeAsync<SectionHistoryView>(HttpStatusCode.OK);
        Assert.Equal(["0.9", "1.0", "1.1", "2.0"], history.Entries.Where(e => e.Kind == HistoryEntryKind.VersionText).Select(e => e.VersionLabel));
    }
}
