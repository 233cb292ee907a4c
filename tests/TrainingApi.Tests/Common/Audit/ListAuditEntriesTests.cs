using System.Net;
using TrainingApi.Common.Audit;
using TrainingApi.Common.Http;
using TrainingApi.Common.Security;
using TrainingApi.Features.Consultations.Organisations;
using TrainingApi.Features.Curriculum;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Common.Audit;

public sealed class ListAuditEntriesTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly HttpClient team = api.ClientAs(Roles.ProgrammeTeam, subject: "anna.kowalska");

    [Fact]
    public async Task Creating_and_changing_a_programme_is_recorded_with_actor_action_and_change()
    {
        var expert = api.ClientAs(Roles.Expert, subject: "jan.nowak");
        var created = await expert.PostJsonAsync("/api/v1/programmes", new { title = "Przed audytem" });
        var programme = await created.ShouldBeAsync<ProgrammeView>(HttpStatusCode.Created);
        var put = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/programmes/{programme.Id}") { Content = HttpExtensions.JsonBody("""{"title":"Po audycie"}""") };
        put.Headers.IfMatch.Add(created.Headers.ETag!);
        (await team.SendAsync(put)).EnsureSuccessStatusCode();

        var page = await (await team.GetAsync($"/api/v1/audit-entries?entityType=Programme&entityId={programme.Id}"))
            .ShouldBeAsync<Page<AuditEntryView>>(HttpStatusCode.OK);

        Assert.Collection(page.Items,
            first =>
            {
                Assert.Equal("CreateProgramme", first.Action);
                Assert.Equal("created", first.Operation);
                Assert.Equal(new AuditActor("jan.nowak", Roles.Expert, null, null), first.Actor);
                Assert.Equal("Przed audytem", first.Changes.GetProperty("title").GetString());
            },
            second =>
            {
                Assert.Equal("UpdateProgramme", second.Action);
                Assert.Equal(new AuditActor("anna.kowalska", Roles.ProgrammeTeam, null, null), second.Actor);
                Assert.Equal("Przed audytem", second.Changes.GetProperty("title").GetProperty("from").GetString());
                Assert.Equal("Po audycie", second.Changes.GetProperty("title").GetProperty("to").GetString());
                Assert.False(second.Changes.TryGetProperty("createdAt", out _));
            });
    }

    [Fact]
    public async Task A_partner_action_is_recorded_with_its_organisation_and_a_key_hash_never_appears()
    {
        var issued = await (await team.PostJsonAsync($"/api/v1/organisations/{SeededOrganisations.Zmp}/api-keys", new { name = "audytowany" }))
            .ShouldBeAsync<TrainingApi.Common.Security.ApiKeys.IssuedApiKey>(HttpStatusCode.Created);

        var page = await (await team.GetAsync($"/api/v1/audit-entries?entityType=ApiKey&entityId={issued.Key.Id}"))
            .ShouldBeAsync<Page<AuditEntryView>>(HttpStatusCode.OK);

        var entry = Assert.Single(page.Items);
        Assert.Equal("IssueApiKey", entry.Action);
        Assert.Equal("(binary)", entry.Changes.GetProperty("secretHash").GetString());
        Assert.DoesNotContain(issued.Secret.Split('.')[2], entry.Changes.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_command_leaves_no_audit_entry()
    {
        var before = await CountAsync("actor=refused.expert");

        await api.ClientAs(Roles.Expert, subject: "refused.expert").PostJsonAsync("/api/v1/programmes", new { title = "" });

        Assert.Equal(before, await CountAsync("actor=refused.expert"));
    }

    [Fact]
    public async Task Filters_by_actor_and_action_and_pages_by_cursor()
    {
        var author = api.ClientAs(Roles.Expert, subject: "autor.stronicowania");
        for (var i = 0; i < 3; i++)
        {
            (await author.PostJsonAsync("/api/v1/programmes", new { title = $"Audyt {i}" })).EnsureSuccessStatusCode();
        }

        var first = await (await team.GetAsync("/api/v1/audit-entries?actor=autor.stronicowania&action=CreateProgramme&limit=2"))
            .ShouldBeAsync<Page<AuditEntryView>>(HttpStatusCode.OK);
        var second = await (await team.GetAsync($"/api/v1/audit-entries?actor=autor.stronicowania&action=CreateProgramme&limit=2&cursor={first.NextCursor}"))
            .ShouldBeAsync<Page<AuditEntryView>>(HttpStatusCode.OK);

        Assert.Equal(2, first.Items.Count);
        Assert.Single(second.Items);
        Assert.Null(second.NextCursor);
        Assert.Equal(3, first.Items.Concat(second.Items).Select(e => e.EntityId).Distinct().Count());
    }

    [Fact]
    public async Task A_time_window_ending_before_it_starts_is_a_400_problem()
    {
        var response = await team.GetAsync("/api/v1/audit-entries?from=2024-05-01T00:00:00Z&to=2024-04-01T00:00:00Z");

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
    }

    [Fact]
    public async Task Only_the_programme_team_reads_the_audit_log()
    {
        var response = await api.ClientAs(Roles.Expert).GetAsync("/api/v1/audit-entries");

        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    private async Task<int> CountAsync(string filter) =>
        (await (await team.GetAsync("/api/v1/audit-entries?limit=100&" + filter)).ShouldBeAsync<Page<AuditEntryView>>(HttpStatusCode.OK)).Items.Count;
}
