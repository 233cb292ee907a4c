using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Audit;
using TrainingApi.Common.Http;
using TrainingApi.Common.Security;
using TrainingApi.Features.Consultations.Meetings;
using TrainingApi.Features.Consultations.Organisations;
using TrainingApi.Features.Consultations.Registrations;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Features.Consultations.Registrations;

/// <summary>Sign-up for a consultation meeting (after Decidim's meetings): places up to the capacity, whatever the race.</summary>
public sealed class RegisterForMeetingTests(ConsultationsFactory api) : IClassFixture<ConsultationsFactory>
{
    private readonly ConsultationSteps steps = new(api);

    public static HttpRequestMessage Register(Guid meetingId, params object[] representatives) => Register(meetingId, null, representatives);

    public static HttpRequestMessage Register(Guid meetingId, Guid? organisationId, params object[] representatives) =>
        new HttpRequestMessage(HttpMethod.Post, $"/api/v1/consultation-meetings/{meetingId}/registrations")
        {
            Content = HttpExtensions.JsonBody(JsonSerializer.Serialize(new { organisationId, representatives }, HttpExtensions.Json)),
        }.WithHeader("Idempotency-Key", Guid.NewGuid().ToString());

    private static object Person(int i) => new { name = $"Osoba {i}", email = $"osoba{i}@example.pl", phone = (string?)null, position = "radny" };

    [Fact]
    public async Task Thirty_organisations_signing_up_at_once_for_ten_places_give_exactly_ten()
    {
        var meeting = await MeetingWithSignUpAsync(capacity: 10);
        var organisations = await Task.WhenAll(Enumerable.Range(1, 30).Select(async i =>
            (await (await steps.Team.PostJsonAsync("/api/v1/organisations", new { name = $"Stowarzyszenie gmin {Guid.NewGuid():N}", kind = "other", isProjectPartner = false }))
                .ShouldBeAsync<OrganisationView>(HttpStatusCode.Created)).Id));
        using var start = new SemaphoreSlim(0);

        var racing = organisations.Select(async (organisationId, i) =>
        {
            await start.WaitAsync();
            return await steps.Team.SendAsync(Register(meeting.Id, organisationId, Person(i)));
        }).ToList();
        start.Release(racing.Count);
        var responses = await Task.WhenAll(racing);

        Assert.Equal(10, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
        {
            var problem = await refused.ShouldBeProblemAsync(HttpStatusCode.Conflict, "conflict");
            Assert.Equal(("meeting-full", 0), (problem.GetProperty("code").GetString(), problem.GetProperty("placesLeft").GetInt32()));
        }

        await using var db = api.Db();
        Assert.Equal(10, await db.Context.Set<MeetingRepresentative>().CountAsync(p => p.MeetingId == meeting.Id));
        var read = await (await steps.Team.GetAsync($"/api/v1/consultation-meetings/{meeting.Id}")).ShouldBeAsync<MeetingView>(HttpStatusCode.OK);
        Assert.Equal(new RegistrationSummary(10, 10, 0), read.Registration);
    }

    [Fact]
    public async Task A_partner_registers_its_people_sees_only_its_own_and_the_team_sees_the_attendance_list()
    {
        var meeting = await MeetingWithSignUpAsync(capacity: 5);
        var zmp = await api.PartnerClientAsync(SeededOrganisations.Zmp);
        var zpp = await api.PartnerClientAsync(SeededOrganisations.Zpp);

        var created = await (await zmp.SendAsync(Register(meeting.Id, Person(1), Person(2)))).ShouldBeAsync<RegistrationView>(HttpStatusCode.Created);
        (await zpp.SendAsync(Register(meeting.Id, Person(3)))).EnsureSuccessStatusCode();
        var tooMany = await zpp.SendAsync(Register(meeting.Id, Person(4), Person(5), Person(6)));
        var again = await zpp.SendAsync(Register(meeting.Id, new { name = "Osoba 1", email = "OSOBA1@example.pl" }));
        var onBehalf = await zmp.SendAsync(Register(meeting.Id, SeededOrganisations.Zpp, Person(7)));

        Assert.Equal((SeededOrganisations.Zmp, 2), (created.OrganisationId, created.Representatives.Count));
        var full = await tooMany.ShouldBeProblemAsync(HttpStatusCode.Conflict, "conflict");
        Assert.Equal(("meeting-full", 2), (full.GetProperty("code").GetString(), full.GetProperty("placesLeft").GetInt32()));
        Assert.Equal("already-registered", (await again.ShouldBeProblemAsync(HttpStatusCode.Conflict, "conflict")).GetProperty("code").GetString());
        Assert.NotEmpty((await onBehalf.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed")).ErrorsFor("organisationId"));
        var own = await (await zmp.GetAsync($"/api/v1/consultation-meetings/{meeting.Id}/registrations")).ShouldBeAsync<Page<RegistrationView>>(HttpStatusCode.OK);
        Assert.Equal([created.Id], own.Items.Select(r => r.Id));
        var all = await (await steps.Team.GetAsync($"/api/v1/consultation-meetings/{meeting.Id}/registrations")).ShouldBeAsync<Page<RegistrationView>>(HttpStatusCode.OK);
        Assert.Equal(["osoba1@example.pl", "osoba2@example.pl", "osoba3@example.pl"], all.Items.SelectMany(r => r.Representatives).Select(p => p.Email).Order());

        // Personal data stays out of the audit: the names and e-mails are recorded as changed, never copied.
        await using var db = api.Db();
        var audit = await db.Context.Set<AuditEntry>().Where(a => a.EntityType == nameof(MeetingRepresentative)).ToListAsync();
        Assert.NotEmpty(audit);
        Assert.All(audit, a => Assert.DoesNotContain("example.pl", a.Changes ?? "", StringComparison.Ordinal));
        Assert.All(audit, a => Assert.DoesNotContain("Osoba", a.Changes ?? "", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Sign_up_is_refused_before_it_opens_after_the_meeting_starts_and_with_bad_fields()
    {
        var round = await steps.OpenRoundAsync();
        var meeting = await ScheduleAsync(round.Id, api.Clock.Now.AddDays(1));
        var zmp = await api.PartnerClientAsync(SeededOrganisations.Zmp);

        var notOpen = await zmp.SendAsync(Register(meeting.Id, Person(1)));
        await OpenAsync(meeting.Id, 3);
        var badEmail = await zmp.SendAsync(Register(meeting.Id, new { name = "X", email = "nie-email" }));
        var twice = await zmp.SendAsync(Register(meeting.Id, Person(1), Person(1)));
        var nullPerson = await zmp.SendAsync(Register(meeting.Id, [null!]));
        var anonymous = await api.CreateClient().SendAsync(Register(meeting.Id, Person(1)));
        api.Clock.Now = meeting.StartsAt.AddMinutes(1);
        var late = await zmp.SendAsync(Register(meeting.Id, Person(2)));
        api.Clock.Now = DateTimeOffset.UtcNow;

        Assert.Equal("registration-not-open", (await notOpen.ShouldBeProblemAsync(HttpStatusCode.Conflict, "conflict")).GetProperty("code").GetString());
        Assert.NotEmpty((await badEmail.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed")).ErrorsFor("representatives[0].email"));
        await twice.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        Assert.Equal(HttpStatusCode.BadRequest, nullPerson.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("meeting-started", (await late.ShouldBeProblemAsync(HttpStatusCode.Conflict, "conflict")).GetProperty("code").GetString());
        await using var db = api.Db();
        Assert.Equal(0, await db.Context.Set<MeetingRepresentative>().CountAsync(p => p.MeetingId == meeting.Id));
    }

    [Fact]
    public async Task The_capacity_never_goes_below_those_registered_and_needs_if_match()
    {
        var meeting = await MeetingWithSignUpAsync(capacity: 3);
        (await steps.Team.SendAsync(Register(meeting.Id, SeededOrganisations.Zpp, Person(1), Person(2)))).EnsureSuccessStatusCode();

        var below = await OpenAsync(meeting.Id, 1);
        var noEtag = await steps.Team.PutAsync($"/api/v1/consultation-meetings/{meeting.Id}/registration", HttpExtensions.JsonBody("""{"capacity":10}"""));
        var partner = await (await api.PartnerClientAsync(SeededOrganisations.Zmp)).PutAsync($"/api/v1/consultation-meetings/{meeting.Id}/registration",
            HttpExtensions.JsonBody("""{"capacity":10}"""));

        var problem = await below.ShouldBeProblemAsync(HttpStatusCode.Conflict, "conflict");
        Assert.Equal(("capacity-below-registered", 2), (problem.GetProperty("code").GetString(), problem.GetProperty("registered").GetInt32()));
        await noEtag.ShouldBeProblemAsync(HttpStatusCode.PreconditionRequired, "precondition-required");
        Assert.Equal(HttpStatusCode.Forbidden, partner.StatusCode);
        var read = await (await steps.Team.GetAsync($"/api/v1/consultation-meetings/{meeting.Id}")).ShouldBeAsync<MeetingView>(HttpStatusCode.OK);
        Assert.Equal(new RegistrationSummary(3, 2, 1), read.Registration);
    }

    [Fact]
    public async Task Representatives_are_in_the_rodo_export_and_erased_by_email_keeping_the_place()
    {
        var meeting = await MeetingWithSignUpAsync(capacity: 5);
        (await steps.Team.SendAsync(Register(meeting.Id, SeededOrganisations.Zpp,
            new { name = "Ewa Zapisana", email = "ewa.zapisana@zpp.example.pl", phone = "+48 601 000 000", position = "dyrektor" }))).EnsureSuccessStatusCode();

        var export = await steps.Team.PostJsonAsync("/api/v1/personal-data/exports", new { email = "EWA.zapisana@zpp.example.pl" });
        var erase = await steps.Team.PostJsonAsync("/api/v1/personal-data/erasures", new { email = "ewa.zapisana@zpp.example.pl" });

        var exported = await export.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Contains("Ewa Zapisana", exported, StringComparison.Ordinal);
        Assert.Contains("meeting-representative", exported, StringComparison.Ordinal);
        Assert.True(erase.IsSuccessStatusCode, await erase.Content.ReadAsStringAsync());
        await using var db = api.Db();
        var person = await db.Context.Set<MeetingRepresentative>().SingleAsync(p => p.MeetingId == meeting.Id);
        Assert.Equal(("[usunięto]", null), (person.Name, person.Phone));
        Assert.NotNull(person.ErasedAt);
        var read = await (await steps.Team.GetAsync($"/api/v1/consultation-meetings/{meeting.Id}")).ShouldBeAsync<MeetingView>(HttpStatusCode.OK);
        Assert.Equal(1, read.Registered);
    }

    private async Task<MeetingView> MeetingWithSignUpAsync(int capacity)
    {
        var round = await steps.OpenRoundAsync();
        var meeting = await ScheduleAsync(round.Id, api.Clock.Now.AddDays(3));
        (await OpenAsync(meeting.Id, capacity)).EnsureSuccessStatusCode();
        return meeting;
    }

    private async Task<MeetingView> ScheduleAsync(Guid roundId, DateTimeOffset startsAt) =>
        await (await steps.Team.PostJsonAsync($"/api/v1/consultation-rounds/{roundId}/meetings", new
        {
            startsAt, durationMinutes = 90, place = "Kraków", organiser = "ORE",
        })).ShouldBeAsync<MeetingView>(HttpStatusCode.Created);

    private async Task<HttpResponseMessage> OpenAsync(Guid meetingId, int capacity)
    {
        var etag = (await steps.Team.GetAsync($"/api/v1/consultation-meetings/{meetingId}")).Headers.ETag!;
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/consultation-meetings/{meetingId}/registration")
        {
            Content = HttpExtensions.JsonBody($$"""{"capacity":{{capacity}}}"""),
        };
        request.Headers.IfMatch.Add(etag);
        return await steps.Team.SendAsync(request);
    }
}
