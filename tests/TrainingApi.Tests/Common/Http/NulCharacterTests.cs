using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Audit;
using TrainingApi.Common.Security;
using TrainingApi.Features.Consultations.Organisations;
using TrainingApi.Features.Consultations.Submissions;
using TrainingApi.Features.Curriculum;
using TrainingApi.Tests.Features.Consultations;
using TrainingApi.Tests.Features.Curriculum;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Common.Http;

/// <summary>
/// PostgreSQL cannot store U+0000, so before it reached a query a NUL made most endpoints answer 500. It is refused at
/// the edge as a 400 problem naming where it was, and nothing is stored.
/// </summary>
public sealed class NulCharacterTests(ConsultationsFactory api) : IClassFixture<ConsultationsFactory>
{
    private const string Nul = "\u0000";

    private readonly HttpClient team = api.ClientAs(Roles.ProgrammeTeam);

    [Fact]
    public async Task In_a_partner_submission_it_names_the_json_path_and_stores_nothing()
    {
        var steps = new ConsultationSteps(api);
        var round = await steps.OpenRoundAsync();
        var zmp = await api.PartnerClientAsync(SeededOrganisations.Zmp);
        var body = new
        {
            externalReference = "ZMP/NUL/1",
            comments = new[] { ConsultationSteps.Comment(), ConsultationSteps.Comment(content: "Ukryty" + Nul + "znak") },
        };

        var response = await zmp.SendAsync(ConsultationSteps.Submission(round.Id, body, "nul-1"));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "malformed-request");
        Assert.Contains("U+0000", Assert.Single(problem.ErrorsFor("$.comments[1].content")), StringComparison.Ordinal);
        await using var db = api.Db();
        Assert.False(await db.Context.Set<Submission>().AnyAsync(s => s.RoundId == round.Id));

        // The key was not used up: the corrected batch goes through with it.
        var corrected = await zmp.SendAsync(ConsultationSteps.Submission(round.Id, new { externalReference = "ZMP/NUL/1", comments = new[] { ConsultationSteps.Comment() } }, "nul-1"));
        Assert.Equal(HttpStatusCode.Created, corrected.StatusCode);
    }

    [Fact]
    public async Task In_a_put_it_names_the_member_and_changes_nothing()
    {
        var created = await new CurriculumSteps(team).ProgrammeAsync("Bez NUL");
        var read = await team.GetAsync($"/api/v1/programmes/{created.Id}");
        var put = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/programmes/{created.Id}")
        {
            Content = HttpExtensions.JsonBody(JsonSerializer.Serialize(new { title = "Z" + Nul + "NUL", summary = "Streszczenie" })),
        };
        put.Headers.IfMatch.Add(read.Headers.ETag!);

        var response = await team.SendAsync(put.WithHeader("Accept-Language", "pl"));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "malformed-request");
        Assert.Contains("U+0000", Assert.Single(problem.ErrorsFor("$.title")), StringComparison.Ordinal);
        Assert.Contains("usuń go", Assert.Single(problem.ErrorsFor("$.title")), StringComparison.Ordinal);
        await using var db = api.Db();
        Assert.Equal("Bez NUL", (await db.Context.Set<Programme>().SingleAsync(p => p.Id == created.Id)).Title);
    }

    [Fact]
    public async Task In_the_public_jst_search_it_names_the_parameter()
    {
        var response = await api.CreateClient().GetAsync("/api/v1/jst?name=%C5%81%C3%B3d%00");

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "malformed-request");
        Assert.Contains("U+0000", Assert.Single(problem.ErrorsFor("name")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_a_list_filter_it_names_the_parameter()
    {
        var response = await team.GetAsync("/api/v1/audit-entries?entityType=Programme&actor=team%00");

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "malformed-request");
        Assert.Single(problem.ErrorsFor("actor"));
    }

    [Fact]
    public async Task In_a_query_parameter_name_it_is_refused_and_named_printably()
    {
        var response = await team.GetAsync("/api/v1/audit-entries?x%00y=1");

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "malformed-request");
        Assert.Single(problem.ErrorsFor("x\\u0000y"));
    }

    [Fact]
    public async Task In_an_api_key_header_it_names_the_header()
    {
        var client = api.CreateClient();
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/consultation-rounds").WithHeader("X-Api-Key", "tak." + Nul + "x.y");

        var response = await client.SendAsync(request);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "malformed-request");
        Assert.Single(problem.ErrorsFor("X-Api-Key"));
    }

    [Fact]
    public async Task A_refused_create_stores_nothing_and_writes_no_audit_record()
    {
        var before = await CountsAsync();

        var response = await team.PostAsync("/api/v1/programmes", HttpExtensions.JsonBody("{\"title\":\"A\\u0000B\"}"));

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "malformed-request");
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task An_escaped_nul_in_an_optional_member_is_refused()
    {
        var response = await team.PostAsync("/api/v1/programmes", HttpExtensions.JsonBody("{\"title\":\"Program\",\"summary\":\"\\u0000\"}"));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "malformed-request");
        Assert.Single(problem.ErrorsFor("$.summary"));
    }

    private async Task<(int Programmes, int AuditEntries)> CountsAsync()
    {
        await using var db = api.Db();
        return (await db.Context.Set<Programme>().CountAsync(), await db.Context.Set<AuditEntry>().CountAsync());
    }
}
