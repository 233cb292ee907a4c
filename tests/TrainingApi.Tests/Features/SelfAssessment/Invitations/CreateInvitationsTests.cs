using System.Net;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Features.SelfAssessment.Invitations;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Features.SelfAssessment.Invitations;

public sealed class CreateInvitationsTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly SelfAssessmentSteps steps = new(api);

    [Fact]
    public async Task Links_for_many_roles_at_once_are_shown_once_and_never_stored()
    {
        var (round, coordinator) = await steps.StartAsync();

        var response = await coordinator.PostJsonAsync($"/api/v1/self-assessments/{round.Id}/invitations", new
        {
            invitees = Enumerable.Repeat(new { role = "school-head" }, 12).Append(new { role = "education-department" }),
        });

        var created = await response.ShouldBeAsync<CreateInvitations.CreatedInvitations>(HttpStatusCode.Created);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.Equal(13, created.Invitations.Select(i => i.Token).Distinct().Count());
        Assert.All(created.Invitations, i => Assert.True(i.ExpiresAt <= round.Deadline));
        var listed = await (await coordinator.GetAsync(response.Headers.Location!.OriginalString)).ShouldBeAsync<TrainingApi.Common.Http.Page<InvitationView>>(HttpStatusCode.OK);
        Assert.Equal(13, listed.Items.Count);
        Assert.All(listed.Items, i => Assert.Equal(InvitationStatus.Invited, i.Status));
    }

    [Fact]
    public async Task Names_are_refused_in_an_anonymous_round_and_required_in_a_named_one_and_nothing_is_stored()
    {
        var (anonymous, coordinator) = await steps.StartAsync();
        var (named, namedCoordinator) = await steps.StartAsync(named: true);

        var withName = await (await coordinator.PostJsonAsync($"/api/v1/self-assessments/{anonymous.Id}/invitations",
            new { invitees = new[] { new { role = "it", name = "Jan Kowalski" } } })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        var withoutName = await (await namedCoordinator.PostJsonAsync($"/api/v1/self-assessments/{named.Id}/invitations",
            new { invitees = new object[] { new { role = "it", name = "Jan Kowalski" }, new { role = "it" } } })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        var tooMany = await (await coordinator.PostJsonAsync($"/api/v1/self-assessments/{anonymous.Id}/invitations",
            new { invitees = Enumerable.Repeat(new { role = "it" }, 201) })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        var badRole = await coordinator.PostAsync($"/api/v1/self-assessments/{anonymous.Id}/invitations", HttpExtensions.JsonBody("""{"invitees":[{"role":"mayor"}]}"""));
        var none = await (await coordinator.PostJsonAsync($"/api/v1/self-assessments/{anonymous.Id}/invitations", new { invitees = Array.Empty<object>() }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");

        Assert.NotEmpty(withName.ErrorsFor("invitees[0].name"));
        Assert.NotEmpty(withoutName.ErrorsFor("invitees[1].name"));
        Assert.NotEmpty(tooMany.ErrorsFor("invitees"));
        Assert.Equal(HttpStatusCode.BadRequest, badRole.StatusCode);
        Assert.NotEmpty(none.ErrorsFor("invitees"));
        await using var db = api.Db();
        Assert.False(await db.Context.Set<Invitation>().AnyAsync(i => i.RoundId == anonymous.Id || i.RoundId == named.Id));
    }

    [Fact]
    public async Task Inviting_into_a_closed_round_or_another_JST_s_round_is_refused()
    {
        var (closed, coordinator) = await steps.ClosedRoundAsync(null, ("it", SelfAssessmentSteps.Answers(3)));
        var (open, _) = await steps.StartAsync();

        var intoClosed = await (await coordinator.PostJsonAsync($"/api/v1/self-assessments/{closed.Id}/invitations", new { invitees = new[] { new { role = "it" } } }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "conflict");
        var intoOther = await coordinator.PostJsonAsync($"/api/v1/self-assessments/{open.Id}/invitations", new { invitees = new[] { new { role = "it" } } });

        Assert.Equal("round-closed", intoClosed.GetProperty("code").GetString());
        await intoOther.ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
    }
}
