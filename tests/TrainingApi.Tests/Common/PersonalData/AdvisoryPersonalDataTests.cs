using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TrainingApi.Common.Idempotency;
using TrainingApi.Common.PersonalData;
using TrainingApi.Common.Security;
using TrainingApi.Features.Advisory.Advisors;
using TrainingApi.Features.Advisory.Engagements;
using TrainingApi.Features.Advisory.Sessions;
using TrainingApi.Tests.Features.Advisory;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Common.PersonalData;

/// <summary>The RODO use cases cover what Advisory holds: advisors (by subject or e-mail), and session attendees at the retention date.</summary>
public sealed class AdvisoryPersonalDataTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly AdvisorySteps steps = new(api);

    [Fact]
    public async Task An_advisor_downloads_their_own_advisor_record()
    {
        var advisor = await RegisterAsync("anna.doradczyni", "anna.doradczyni@doradcy.example.pl");

        var export = await (await api.ClientAs(Roles.Advisor, subject: advisor.Subject).GetAsync("/api/v1/me/personal-data"))
            .ShouldBeAsync<PersonalDataExport>(HttpStatusCode.OK);

        var held = Assert.Single(export.Held);
        Assert.Equal(("advisory", "advisor", advisor.Id), (held.Area, held.Record, held.Id));
        Assert.Equal(("Anna Doradczyni", "anna.doradczyni@doradcy.example.pl"), (held.Data["name"], held.Data["email"]));
    }

    [Fact]
    public async Task The_team_exports_and_erases_an_advisor_by_e_mail_and_the_engagement_stays()
    {
        var (recruitment, jst) = await steps.PilotAsync(1, skip: 600);
        var advisor = await RegisterAsync("jan.doradca", "Jan.Doradca@doradcy.example.pl");
        var engagement = await (await steps.AssignAsync(recruitment.Id, jst[0], advisor.Id)).ShouldBeAsync<EngagementView>(HttpStatusCode.Created);

        var export = await (await steps.Team.PostJsonAsync("/api/v1/personal-data/exports", new { email = "jan.doradca@doradcy.example.pl" }))
            .ShouldBeAsync<PersonalDataExport>(HttpStatusCode.OK);
        var erased = await (await steps.Team.PostJsonAsync("/api/v1/personal-data/erasures", new { email = "jan.doradca@doradcy.example.pl" }))
            .ShouldBeAsync<ErasePerson.Result>(HttpStatusCode.OK);

        Assert.Equal(advisor.Id, Assert.Single(export.Held).Id);
        Assert.Equal(new ErasePerson.Result(1), erased);
        await using var db = api.Db();
        var stored = await db.Context.Set<Advisor>().SingleAsync(a => a.Id == advisor.Id);
        Assert.Equal((ErasedPersonalData.Marker, ErasedPersonalData.Marker, "jan.doradca"), (stored.Name, stored.Email, stored.Subject));
        (await api.ClientAs(Roles.Advisor, subject: "jan.doradca").GetAsync($"/api/v1/engagements/{engagement.Id}")).EnsureSuccessStatusCode();
        var again = await (await steps.Team.PostJsonAsync("/api/v1/personal-data/erasures", new { email = "jan.doradca@doradcy.example.pl" }))
            .ShouldBeAsync<ErasePerson.Result>(HttpStatusCode.OK);
        Assert.Equal(new ErasePerson.Result(0), again);
    }

    [Fact]
    public async Task Erasing_someone_else_leaves_advisors_alone()
    {
        var advisor = await RegisterAsync("ola.doradczyni", "ola@doradcy.example.pl");

        var erased = await (await steps.Team.PostJsonAsync("/api/v1/personal-data/erasures", new { email = "ola@doradcy.example.plx" }))
            .ShouldBeAsync<ErasePerson.Result>(HttpStatusCode.OK);

        Assert.Equal(0, erased.RecordsErased);
        await using var db = api.Db();
        Assert.Equal("ola@doradcy.example.pl", (await db.Context.Set<Advisor>().SingleAsync(a => a.Id == advisor.Id)).Email);
    }

    [Fact]
    public async Task After_erasure_a_replayed_registration_shows_the_advisor_as_erased()
    {
        var key = Guid.NewGuid().ToString();
        HttpRequestMessage Register() => new HttpRequestMessage(HttpMethod.Post, "/api/v1/advisors")
        {
            Content = HttpExtensions.JsonBody(JsonSerializer.Serialize(new
            {
                subject = "doradca.replay", name = "Marta Powtórna", email = "marta.powtorna@doradcy.example.pl", specialisations = new[] { "cyberbezpieczenstwo" }, capacity = 2,
            }, HttpExtensions.Json)),
        }.WithHeader("Idempotency-Key", key);
        var advisor = await (await steps.Team.SendAsync(Register())).ShouldBeAsync<AdvisorView>(HttpStatusCode.Created);
        (await steps.Team.PostJsonAsync("/api/v1/personal-data/erasures", new { email = "marta.powtorna@doradcy.example.pl" })).EnsureSuccessStatusCode();

        var replay = await steps.Team.SendAsync(Register());

        var raw = await replay.Content.ReadAsStringAsync();
        Assert.DoesNotContain("Marta", raw, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("powtorna@", raw, StringComparison.OrdinalIgnoreCase);
        var replayed = await replay.ShouldBeAsync<AdvisorView>(HttpStatusCode.Created);
        Assert.Equal((advisor.Id, "doradca.replay", ErasedPersonalData.Marker, ErasedPersonalData.Marker), (replayed.Id, replayed.Subject, replayed.Name, replayed.Email));
    }

    private async Task<AdvisorView> RegisterAsync(string subject, string email) =>
        await (await steps.Team.PostJsonAsync("/api/v1/advisors", new
        {
            subject, name = string.Join(' ', subject.Split('.').Select(w => char.ToUpperInvariant(w[0]) + w[1..])), email,
            specialisations = new[] { "cyberbezpieczenstwo" }, capacity = 3,
        })).ShouldBeAsync<AdvisorView>(HttpStatusCode.Created);
}

/// <summary>Past the retention date, advisors and the attendees of advisory sessions are erased with the participants.</summary>
public sealed class AdvisoryPersonalDataRetentionTests(PersonalDataRetentionTests.ExpiredRetentionFactory api)
    : IClassFixture<PersonalDataRetentionTests.ExpiredRetentionFactory>
{
    [Fact]
    public async Task Advisors_and_session_attendees_are_erased_and_the_number_of_attendees_stays()
    {
        var steps = new AdvisorySteps(api);
        var (engagement, advisor, _) = await steps.EngagementAsync(skip: 640);
        await AdvisorySteps.ToSupportAsync(advisor, engagement.Id);
        (await advisor.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"/api/v1/engagements/{engagement.Id}/sessions")
        {
            Content = HttpExtensions.JsonBody(JsonSerializer.Serialize(new
            {
                heldOn = "2024-09-12", hours = 2, mode = "in-person", attendees = new[] { "Ewa Zielińska, naczelniczka", "Jan Nowak, informatyk" },
                topics = new[] { "kopie zapasowe" }, notes = "Notatka.", followUps = Array.Empty<string>(),
            }, HttpExtensions.Json)),
        }.WithHeader("Idempotency-Key", Guid.NewGuid().ToString()))).EnsureSuccessStatusCode();

        var retention = api.Services.GetServices<IHostedService>().OfType<PersonalDataRetention>().Single();
        var erased = await retention.PurgeAsync(CancellationToken.None);

        await using var db = api.Db();
        var session = await db.Context.Set<AdvisorySession>().SingleAsync(s => s.EngagementId == engagement.Id);
        Assert.Equal([ErasedPersonalData.Marker, ErasedPersonalData.Marker], session.Attendees);
        Assert.All(await db.Context.Set<Advisor>().ToListAsync(), a => Assert.True(a.IsErased));
        Assert.True(erased >= 3, $"{erased} records erased: the participant, the advisor and the session at least");
        Assert.Equal(0, await retention.PurgeAsync(CancellationToken.None));
        var box = api.Services.GetRequiredService<SecretBox>();
        var answers = (await db.Context.Set<IdempotencyRecord>().Where(r => r.Body != null).ToListAsync()).Select(r => box.OpenText(r.Body!)).ToList();
        Assert.Contains(answers, a => a.Contains("kopie zapasowe", StringComparison.Ordinal));
        Assert.All(answers, a => Assert.DoesNotContain("Zieli", a, StringComparison.Ordinal));
        Assert.All(answers, a => Assert.DoesNotContain("Jan Nowak", a, StringComparison.Ordinal));
    }
}
