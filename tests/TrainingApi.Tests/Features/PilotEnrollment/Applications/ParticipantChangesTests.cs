using System.Net;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Audit;
using TrainingApi.Common.Security;
using TrainingApi.Features.PilotEnrollment.Applications;
using TrainingApi.Features.PilotEnrollment.Pilot;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Features.PilotEnrollment.Applications;

/// <summary>AddParticipant, ReplaceParticipant and RemoveParticipant: until the pilot starts, within the limit, audited without personal data.</summary>
public sealed class ParticipantChangesTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static object Person(string email) => new { name = "Anna Wiśniewska", position = "naczelniczka wydziału", email, phone = (string?)null };

    [Fact]
    public async Task A_coordinator_replaces_a_participant_after_the_elections()
    {
        var (application, coordinator) = await ApplyAsync(skip: 0, participants: 2, maxParticipants: 3);
        var leaving = application.Participants[0];

        var replaced = await (await coordinator.PutJsonAsync($"/api/v1/applications/{application.Id}/participants/{leaving.Id}", Person("anna.wisniewska@urzad.example.pl")))
            .ShouldBeAsync<ApplicationView>(HttpStatusCode.OK);

        Assert.Equal(2, replaced.Participants.Count);
        Assert.DoesNotContain(replaced.Participants, p => p.Id == leaving.Id);
        Assert.Contains(replaced.Participants, p => p.Email == "anna.wisniewska@urzad.example.pl");
        await using var db = api.Db();
        Assert.False(await db.Context.Set<Participant>().AnyAsync(p => p.Id == leaving.Id));
        var audit = await db.Context.Set<AuditEntry>().Where(a => a.EntityType == nameof(Participant) && a.Action == "ReplaceParticipant").ToListAsync();
        Assert.Equal(["created", "deleted"], audit.Select(a => a.Operation).Order());
        Assert.All(audit, a => Assert.DoesNotContain("wisniewska", a.Changes, StringComparison.OrdinalIgnoreCase));
        Assert.All(audit, a => Assert.DoesNotContain("Wiśniewska", a.Changes, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_participant_is_added_within_the_limit_and_removed_but_never_the_last()
    {
        var (application, coordinator) = await ApplyAsync(skip: 10, participants: 1, maxParticipants: 2);

        var added = await (await coordinator.PostJsonAsync($"/api/v1/applications/{application.Id}/participants", Person("druga@urzad.example.pl")))
            .ShouldBeAsync<ApplicationView>(HttpStatusCode.OK);
        var overLimit = await coordinator.PostJsonAsync($"/api/v1/applications/{application.Id}/participants", Person("trzecia@urzad.example.pl"));
        var removed = await (await coordinator.DeleteAsync($"/api/v1/applications/{application.Id}/participants/{application.Participants[0].Id}"))
            .ShouldBeAsync<ApplicationView>(HttpStatusCode.OK);
        var last = await coordinator.DeleteAsync($"/api/v1/applications/{application.Id}/participants/{removed.Participants[0].Id}");

        Assert.Equal(2, added.Participants.Count);
        Assert.Equal("participant-limit-reached", (await overLimit.ShouldBeProblemAsync(HttpStatusCode.Conflict, "conflict")).GetProperty("code").GetString());
        Assert.Equal(["druga@urzad.example.pl"], removed.Participants.Select(p => p.Email));
        Assert.Equal("last-participant", (await last.ShouldBeProblemAsync(HttpStatusCode.Conflict, "conflict")).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Concurrent_additions_never_pass_the_limit()
    {
        var (application, coordinator) = await ApplyAsync(skip: 20, participants: 1, maxParticipants: 3);

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
            coordinator.PostJsonAsync($"/api/v1/applications/{application.Id}/participants", Person($"osoba-rownolegla{i}@urzad.example.pl"))));

        Assert.Equal(2, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.Equal(4, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        await using var db = api.Db();
        Assert.Equal(3, await db.Context.Set<Participant>().CountAsync(p => p.ApplicationId == application.Id));
    }

    [Fact]
    public async Task Another_jsts_application_a_duplicate_email_and_bad_data_are_refused()
    {
        var (application, coordinator) = await ApplyAsync(skip: 30, participants: 1, maxParticipants: 3);

        var stranger = await api.ClientAs(Roles.JstCoordinator, teryt: "1061").PostJsonAsync($"/api/v1/applications/{application.Id}/participants", Person("obca@urzad.example.pl"));
        var duplicate = await coordinator.PostJsonAsync($"/api/v1/applications/{application.Id}/participants", Person(application.Participants[0].Email.ToUpperInvariant()));
        var badEmail = await coordinator.PostJsonAsync($"/api/v1/applications/{application.Id}/participants", Person("to-nie-email"));
        var unknownPerson = await coordinator.PutJsonAsync($"/api/v1/applications/{application.Id}/participants/{Guid.NewGuid()}", Person("nowa@urzad.example.pl"));

        await stranger.ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        await duplicate.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        await badEmail.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        await unknownPerson.ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        await using var db = api.Db();
        Assert.Equal(1, await db.Context.Set<Participant>().CountAsync(p => p.ApplicationId == application.Id));
    }

    [Fact]
    public async Task Once_the_cohorts_first_session_has_started_participants_no_longer_change()
    {
        var (_, cohort, applications) = await PilotSteps.CohortAsync(api, jst: 1, participantsEach: 2, skip: 40);
        (await api.ClientAs(Roles.ProgrammeTeam).PostJsonAsync($"/api/v1/cohorts/{cohort.Id}/sessions", new
        {
            moduleAnchor = "modul-1", startsAt = DateTimeOffset.UtcNow.AddHours(-1), durationMinutes = 240, mode = "workshop", trainer = "dr Anna Nowak",
        })).EnsureSuccessStatusCode();
        var coordinator = api.ClientAs(Roles.JstCoordinator, teryt: applications[0].JstTeryt);

        var replace = await coordinator.PutJsonAsync($"/api/v1/applications/{applications[0].Id}/participants/{applications[0].Participants[0].Id}", Person("nowa@urzad.example.pl"));
        var remove = await coordinator.DeleteAsync($"/api/v1/applications/{applications[0].Id}/participants/{applications[0].Participants[0].Id}");

        Assert.Equal("pilot-started", (await replace.ShouldBeProblemAsync(HttpStatusCode.Conflict, "conflict")).GetProperty("code").GetString());
        Assert.Equal("pilot-started", (await remove.ShouldBeProblemAsync(HttpStatusCode.Conflict, "conflict")).GetProperty("code").GetString());
    }

    private async Task<(ApplicationView Application, HttpClient Coordinator)> ApplyAsync(int skip, int participants, int maxParticipants)
    {
        var recruitment = await EnrollmentSteps.OpenAsync(api, maxParticipants: maxParticipants);
        var teryt = EnrollmentSteps.Gminas(1, skip)[0];
        var application = await (await EnrollmentSteps.ApplyAsync(api, recruitment.Id, teryt, participants)).ShouldBeAsync<ApplicationView>(HttpStatusCode.Created);
        return (application, api.ClientAs(Roles.JstCoordinator, teryt: teryt));
    }
}
