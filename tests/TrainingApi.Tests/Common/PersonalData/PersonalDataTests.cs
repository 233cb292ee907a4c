using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TrainingApi.Common.Idempotency;
using TrainingApi.Common.PersonalData;
using TrainingApi.Common.Security;
using TrainingApi.Features.PilotEnrollment.Applications;
using TrainingApi.Tests.Features.PilotEnrollment;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Common.PersonalData;

/// <summary>ExportMyPersonalData, ExportPersonData and ErasePerson: RODO access and erasure of the pilot's participants.</summary>
public sealed class PersonalDataTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly HttpClient team = api.ClientAs(Roles.ProgrammeTeam);

    [Fact]
    public async Task A_coordinator_downloads_the_data_held_on_the_applications_it_submitted()
    {
        var recruitment = await EnrollmentSteps.OpenAsync(api);
        var coordinator = api.ClientAs(Roles.JstCoordinator, teryt: "0201011", subject: "koordynator.boleslawiec");
        (await coordinator.PostJsonAsync($"/api/v1/recruitments/{recruitment.Id}/applications", EnrollmentSteps.Body(participants: 2))).EnsureSuccessStatusCode();

        var response = await coordinator.GetAsync("/api/v1/me/personal-data");

        var export = await response.ShouldBeAsync<PersonalDataExport>(HttpStatusCode.OK);
        Assert.Equal("koordynator.boleslawiec", export.Subject);
        Assert.Equal(2, export.Held.Count(h => (h.Area, h.Record) == ("pilot-enrollment", "participant")));
        Assert.Single(export.Held, h => (h.Area, h.Record) == ("pilot-enrollment", "application"));
        Assert.Contains("attachment", response.Content.Headers.ContentDisposition?.ToString() ?? response.Headers.GetValues("Content-Disposition").First(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_team_exports_and_then_erases_a_participant_and_the_counts_stay()
    {
        var recruitment = await EnrollmentSteps.OpenAsync(api);
        var applied = await (await team.PostJsonAsync($"/api/v1/recruitments/{recruitment.Id}/applications", new
        {
            teryt = "0201022", rodoClauseVersion = EnrollmentSteps.Rodo,
            participants = new[]
            {
                new { name = "Jan Kowalski", position = "sekretarz gminy", email = "Jan.Kowalski@gmina.example.pl", phone = "+48 75 000 00 00" },
                new { name = "Anna Nowak", position = "skarbnik", email = "anna.nowak@gmina.example.pl", phone = "+48 75 000 00 01" },
            },
            questionnaire = new { schoolsRun = 5, hasDigitalStrategy = false },
        })).ShouldBeAsync<ApplicationView>(HttpStatusCode.Created);

        var export = await (await team.PostJsonAsync("/api/v1/personal-data/exports", new { email = "jan.kowalski@gmina.example.pl" })).ShouldBeAsync<PersonalDataExport>(HttpStatusCode.OK);
        await using (var before = api.Db())
        {
            // The export shows the value of every property marked [PersonalData], as stored.
            var kowalski = await before.Context.Set<Participant>().AsNoTracking().SingleAsync(p => p.ApplicationId == applied.Id && p.Name == "Jan Kowalski");
            var marked = typeof(Participant).GetProperties().Where(p => p.IsDefined(typeof(TrainingApi.Common.Audit.PersonalDataAttribute), true)).ToList();
            Assert.NotEmpty(marked);
            Assert.All(marked, p => Assert.Contains(p.GetValue(kowalski)?.ToString(), Assert.Single(export.Held).Data.Values));
        }

        var erased = await (await team.PostJsonAsync("/api/v1/personal-data/erasures", new { email = "JAN.KOWALSKI@gmina.example.pl" })).ShouldBeAsync<ErasePerson.Result>(HttpStatusCode.OK);
        var again = await (await team.PostJsonAsync("/api/v1/personal-data/erasures", new { email = "jan.kowalski@gmina.example.pl" })).ShouldBeAsync<ErasePerson.Result>(HttpStatusCode.OK);

        var held = Assert.Single(export.Held);
        Assert.Equal(("pilot-enrollment", "participant", "Jan Kowalski", applied.Id.ToString()), (held.Area, held.Record, held.Data["name"], held.Data["applicationId"]));
        Assert.Equal((1, 0), (erased.RecordsErased, again.RecordsErased));
        var after = await (await team.GetAsync($"/api/v1/applications/{applied.Id}")).ShouldBeAsync<ApplicationView>(HttpStatusCode.OK);
        Assert.Equal(2, after.Participants.Count);
        Assert.DoesNotContain(after.Participants, p => p.Email.Contains("kowalski", StringComparison.OrdinalIgnoreCase) || p.Name.Contains("Kowalski", StringComparison.Ordinal));
        Assert.Contains(after.Participants, p => p.Name == "Anna Nowak");
        await using var db = api.Db();
        var gone = await db.Context.Set<Participant>().SingleAsync(p => p.ErasedAt != null && p.ApplicationId == applied.Id);
        Assert.Equal((Participant.ErasedMarker, null), (gone.Name, gone.Phone));
    }

    [Fact]
    public async Task After_erasure_a_replay_of_the_request_that_named_her_answers_without_her_data_and_none_is_stored()
    {
        var recruitment = await EnrollmentSteps.OpenAsync(api);
        var coordinator = api.ClientAs(Roles.JstCoordinator, teryt: EnrollmentSteps.Gminas(1, skip: 90)[0], subject: "koordynator.replay");
        var key = Guid.NewGuid().ToString();
        HttpRequestMessage Apply() => new HttpRequestMessage(HttpMethod.Post, $"/api/v1/recruitments/{recruitment.Id}/applications")
        {
            Content = HttpExtensions.JsonBody(JsonSerializer.Serialize(new
            {
                rodoClauseVersion = EnrollmentSteps.Rodo,
                participants = new[]
                {
                    new { name = "Zofia Wiśniewska", position = "dyrektor wydziału", email = "Zofia.Wisniewska@gmina.example.pl", phone = "+48 75 111 22 33" },
                    new { name = "Piotr Zając", position = "informatyk", email = "piotr.zajac@gmina.example.pl", phone = "+48 75 444 55 66" },
                },
                questionnaire = new { schoolsRun = 7, hasDigitalStrategy = true },
            }, HttpExtensions.Json)),
        }.WithHeader("Idempotency-Key", key);
        var created = await (await coordinator.SendAsync(Apply())).ShouldBeAsync<ApplicationView>(HttpStatusCode.Created);
        (await team.PostJsonAsync("/api/v1/personal-data/erasures", new { email = "zofia.wisniewska@gmina.example.pl" })).EnsureSuccessStatusCode();

        var replay = await coordinator.SendAsync(Apply());

        var raw = await replay.Content.ReadAsStringAsync();
        Assert.True(replay.StatusCode == HttpStatusCode.Created, $"{(int)replay.StatusCode}: {raw}");
        Assert.Equal("true", replay.Headers.GetValues("Idempotent-Replayed").Single());
        AssertNothingOfHers(raw);
        var replayed = JsonSerializer.Deserialize<ApplicationView>(raw, HttpExtensions.Json)!;
        Assert.Equal(created.Id, replayed.Id);
        Assert.Equal(new[] { ErasedPersonalData.Marker, "Piotr Zając" }.Order(StringComparer.Ordinal), replayed.Participants.Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Null(replayed.Participants.Single(p => p.Name == ErasedPersonalData.Marker).Phone);
        Assert.Contains(replayed.Participants, p => p.Email == "piotr.zajac@gmina.example.pl");
        await using var db = api.Db();
        var box = api.Services.GetRequiredService<SecretBox>();
        var stored = await db.Context.Set<IdempotencyRecord>().Where(r => r.Body != null).ToListAsync();
        Assert.Contains(stored, r => box.OpenText(r.Body!).Contains(created.Id.ToString(), StringComparison.Ordinal));
        Assert.All(stored, r => AssertNothingOfHers(box.OpenText(r.Body!)));
    }

    /// <summary>On the raw text (whatever JSON escapes) and on its decoded strings.</summary>
    private static void AssertNothingOfHers(string json)
    {
        var decoded = JsonNode.Parse(json)!.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        foreach (var text in new[] { json, decoded })
        {
            foreach (var hers in new[] { "Zofia", "Wiśniewska", "wisniewska", "111 22 33" })
            {
                Assert.DoesNotContain(hers, text, StringComparison.OrdinalIgnoreCase);
            }
        }
    }

    [Fact]
    public async Task Bad_requests_and_other_roles_are_refused()
    {
        await (await team.PostJsonAsync("/api/v1/personal-data/erasures", new { email = "nie-adres" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        await (await api.ClientAs(Roles.JstCoordinator).PostJsonAsync("/api/v1/personal-data/erasures", new { email = "a@b.pl" })).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await api.ClientAs(Roles.Expert).PostJsonAsync("/api/v1/personal-data/exports", new { email = "a@b.pl" })).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }
}

/// <summary>The retention setting erases everyone's personal data once its date has passed.</summary>
public sealed class PersonalDataRetentionTests(PersonalDataRetentionTests.ExpiredRetentionFactory api) : IClassFixture<PersonalDataRetentionTests.ExpiredRetentionFactory>
{
    [Fact]
    public async Task Past_the_retention_date_all_participants_are_erased_and_counts_stay()
    {
        var recruitment = await EnrollmentSteps.OpenAsync(api);
        foreach (var teryt in EnrollmentSteps.Gminas(3, skip: 50))
        {
            (await EnrollmentSteps.ApplyAsync(api, recruitment.Id, teryt, participants: 2)).EnsureSuccessStatusCode();
        }

        var retention = api.Services.GetServices<IHostedService>().OfType<PersonalDataRetention>().Single();
        var erased = await retention.PurgeAsync(CancellationToken.None);

        Assert.Equal(6, erased);
        await using var db = api.Db();
        Assert.Equal(6, await db.Context.Set<Participant>().CountAsync(p => p.Name == Participant.ErasedMarker && p.Email == Participant.ErasedMarker));
        Assert.Equal(0, await retention.PurgeAsync(CancellationToken.None));
    }

    public class ExpiredRetentionFactory : ApiFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["PersonalData:EraseAfter"] = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-1)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        };
    }
}
