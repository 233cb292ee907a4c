using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TrainingApi.Common.Audit;
using TrainingApi.Common.Http;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.PersonalData;
using TrainingApi.Common.Security;
using TrainingApi.Features.Advisory.Advisors;
using TrainingApi.Features.Advisory.Sessions;
using TrainingApi.Features.PilotEnrollment.Applications;
using TrainingApi.Tests.Features.Advisory;
using TrainingApi.Tests.Features.PilotEnrollment;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Common.PersonalData;

/// <summary>Erasure on request goes through every holder's tracked entities, so the audit log records each erased record, without its values.</summary>
public sealed class ErasureAuditTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private const string Changed = "(personal data changed)";

    [Fact]
    public async Task Erasing_a_person_audits_every_record_of_every_area_in_one_use_case_with_the_values_redacted()
    {
        var team = api.ClientAs(Roles.ProgrammeTeam, subject: "anna.kowalska");
        var recruitment = await EnrollmentSteps.OpenAsync(api);
        const string email = "Marta.Wisniewska@gmina.example.pl";
        (await team.PostJsonAsync($"/api/v1/recruitments/{recruitment.Id}/applications", new
        {
            teryt = EnrollmentSteps.Gminas(1, skip: 700)[0], rodoClauseVersion = EnrollmentSteps.Rodo,
            participants = new[] { new { name = "Marta Wiśniewska", position = "sekretarz gminy", email, phone = "+48 75 000 00 07" } },
            questionnaire = new { schoolsRun = 4, hasDigitalStrategy = false },
        })).EnsureSuccessStatusCode();
        (await team.PostJsonAsync("/api/v1/advisors", new
        {
            subject = "marta.wisniewska", name = "Marta Wiśniewska", email, specialisations = new[] { "cyberbezpieczenstwo" }, capacity = 3,
        })).EnsureSuccessStatusCode();
        var held = (await (await team.PostJsonAsync("/api/v1/personal-data/exports", new { email })).ShouldBeAsync<PersonalDataExport>(HttpStatusCode.OK)).Held;

        var erased = await (await team.PostJsonAsync("/api/v1/personal-data/erasures", new { email })).ShouldBeAsync<ErasePerson.Result>(HttpStatusCode.OK);

        Assert.Equal(new ErasePerson.Result(2), erased);
        var entries = await PersonalDataAudit.EntriesAsync(team, nameof(ErasePerson));
        Assert.Equal(held.Select(h => h.Id.ToString()).Order(), entries.Select(e => e.EntityId).Order());
        Assert.All(entries, e => Assert.Equal(("updated", new AuditActor("anna.kowalska", Roles.ProgrammeTeam, null, null)), (e.Operation, e.Actor)));
        Assert.Single(entries.Select(e => e.TraceId).Distinct());
        var participant = Assert.Single(entries, e => e.EntityType == nameof(Participant));
        Assert.Equal((Changed, Changed, Changed), (participant.Changes.Str("name"), participant.Changes.Str("email"), participant.Changes.Str("phone")));
        Assert.Equal(JsonValueKind.Null, participant.Changes.GetProperty("erasedAt").GetProperty("from").ValueKind);
        var advisor = Assert.Single(entries, e => e.EntityType == nameof(Advisor));
        Assert.Equal((Changed, Changed), (advisor.Changes.Str("name"), advisor.Changes.Str("email")));
        PersonalDataAudit.AssertNoneMentions(entries, "Wiśniewska", "wisniewska", "+48 75 000 00 07");
    }
}

/// <summary>Retention erases what every holder keeps in one run of the system's, audited like an erasure on request.</summary>
public sealed class RetentionAuditTests(PersonalDataRetentionTests.ExpiredRetentionFactory api) : IClassFixture<PersonalDataRetentionTests.ExpiredRetentionFactory>
{
    [Fact]
    public async Task One_run_erases_every_holder_and_audits_each_record_with_the_values_redacted()
    {
        var steps = new AdvisorySteps(api);
        var (engagement, advisor, _) = await steps.EngagementAsync(skip: 720);
        await AdvisorySteps.ToSupportAsync(advisor, engagement.Id);
        (await advisor.PostJsonAsync($"/api/v1/engagements/{engagement.Id}/sessions", new
        {
            heldOn = "2024-09-12", hours = 2, mode = "in-person", attendees = new[] { "Ewa Zielińska, naczelniczka" },
            topics = new[] { "kopie zapasowe" }, notes = "Notatka.", followUps = Array.Empty<string>(),
        })).EnsureSuccessStatusCode();
        var recruitment = await EnrollmentSteps.OpenAsync(api);
        foreach (var teryt in EnrollmentSteps.Gminas(2, skip: 730))
        {
            (await EnrollmentSteps.ApplyAsync(api, recruitment.Id, teryt, participants: 2)).EnsureSuccessStatusCode();
        }

        var retention = api.Services.GetServices<IHostedService>().OfType<PersonalDataRetention>().Single();
        var erased = await retention.PurgeAsync(CancellationToken.None);

        // 1 + 2 × 2 participants, the advisor, the session's attendees.
        Assert.Equal(7, erased);
        await using (var db = api.Db())
        {
            Assert.True(await db.Context.Set<Participant>().AllAsync(p => p.ErasedAt != null));
            Assert.True(await db.Context.Set<Advisor>().AllAsync(a => a.Email == ErasedPersonalData.Marker));
            Assert.True((await db.Context.Set<AdvisorySession>().SingleAsync()).AttendeesErased);
        }

        var entries = await PersonalDataAudit.EntriesAsync(api.ClientAs(Roles.ProgrammeTeam), nameof(EraseExpiredPersonalData));
        Assert.Equal(erased, entries.Count);
        Assert.Equal([(nameof(Advisor), 1), (nameof(AdvisorySession), 1), (nameof(Participant), 5)],
            entries.GroupBy(e => e.EntityType).Select(g => (g.Key, g.Count())).Order());
        Assert.All(entries, e => Assert.Equal(("updated", Caller.System.Subject), (e.Operation, e.Actor.Subject)));
        Assert.Single(entries.Select(e => e.TraceId).Distinct());
        Assert.All(entries.Where(e => e.EntityType == nameof(Participant)), e => Assert.Equal(("(personal data changed)", "(personal data changed)"), (e.Changes.Str("name"), e.Changes.Str("phone"))));
        Assert.Equal("(personal data changed)", Assert.Single(entries, e => e.EntityType == nameof(AdvisorySession)).Changes.Str("attendees"));
        PersonalDataAudit.AssertNoneMentions(entries, "Uczestnik", "urzad.example.pl", "Doradca Testowy", "doradca@example.pl", "Zielińska");
        Assert.Equal(0, await retention.PurgeAsync(CancellationToken.None));
        Assert.Equal(erased, (await PersonalDataAudit.EntriesAsync(api.ClientAs(Roles.ProgrammeTeam), nameof(EraseExpiredPersonalData))).Count);
    }
}

/// <summary>All holders erase in the run's one transaction: when one fails, none of the others' erasures is kept.</summary>
public sealed class RetentionAtomicityTests(RetentionAtomicityTests.FailingHolderFactory api) : IClassFixture<RetentionAtomicityTests.FailingHolderFactory>
{
    [Fact]
    public async Task A_failing_holder_leaves_every_holder_s_data_as_it_was()
    {
        var steps = new AdvisorySteps(api);
        await steps.EngagementAsync(skip: 740);

        var retention = api.Services.GetServices<IHostedService>().OfType<PersonalDataRetention>().Single();
        await Assert.ThrowsAsync<InvalidOperationException>(() => retention.PurgeAsync(CancellationToken.None));

        await using var db = api.Db();
        Assert.True(await db.Context.Set<Participant>().AllAsync(p => p.ErasedAt == null && p.Email != ErasedPersonalData.Marker));
        Assert.True(await db.Context.Set<Advisor>().AllAsync(a => a.Email != ErasedPersonalData.Marker));
        Assert.False(await db.Context.Set<AuditEntry>().AnyAsync(e => e.Action == nameof(EraseExpiredPersonalData)));
    }

    public sealed class FailingHolderFactory : PersonalDataRetentionTests.ExpiredRetentionFactory
    {
        // Registered after the slices' holders, so it fails once they have erased.
        protected override void ConfigureServices(IServiceCollection services) => services.AddScoped<IPersonalDataHolder, FailingHolder>();
    }

    private sealed class FailingHolder : IPersonalDataHolder
    {
        public IReadOnlyList<Type> Holds => [];

        public Task<IReadOnlyList<HeldPersonalData>> ExportForSubjectAsync(TrainingDb db, string subject, CancellationToken ct) => Task.FromResult<IReadOnlyList<HeldPersonalData>>([]);

        public Task<IReadOnlyList<HeldPersonalData>> ExportForEmailAsync(TrainingDb db, string email, CancellationToken ct) => Task.FromResult<IReadOnlyList<HeldPersonalData>>([]);

        public Task<int> EraseAsync(TrainingDb db, string email, DateTimeOffset now, CancellationToken ct) => Task.FromResult(0);

        public Task<int> EraseAllAsync(TrainingDb db, DateTimeOffset now, CancellationToken ct) =>
            Task.FromException<int>(new InvalidOperationException("holder failed"));
    }
}

internal static class PersonalDataAudit
{
    public static async Task<IReadOnlyList<AuditEntryView>> EntriesAsync(HttpClient team, string action) =>
        (await (await team.GetAsync($"/api/v1/audit-entries?action={action}&limit={KeysetCursor.MaxLimit}")).ShouldBeAsync<Page<AuditEntryView>>(HttpStatusCode.OK)).Items;

    public static string? Str(this JsonElement changes, string property) => changes.GetProperty(property).GetString();

    public static void AssertNoneMentions(IEnumerable<AuditEntryView> entries, params string[] values) =>
        Assert.All(entries, e => Assert.All(values, v => Assert.DoesNotContain(v, e.Changes.GetRawText(), StringComparison.OrdinalIgnoreCase)));
}
