using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Idempotency;
using TrainingApi.Common.Security;
using TrainingApi.Features.PilotEnrollment.Applications;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Features.PilotEnrollment.Applications;

/// <summary>
/// A first-come application's Idempotency-Key is answered by the placement that decides it, from the application its
/// request submitted: a retry gets the very bytes of the first answer, with the decision in them.
/// </summary>
public sealed class ApplyWithIdempotencyKeyTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task A_retry_replays_the_first_answer_byte_for_byte_with_its_place_and_stores_one_application()
    {
        var recruitment = await EnrollmentSteps.OpenAsync(api, capacity: 1);
        var (first, firstRetry) = await ApplyTwiceAsync(recruitment.Id, "0201011");
        var (second, secondRetry) = await ApplyTwiceAsync(recruitment.Id, "0201022");

        foreach (var (answer, retry) in new[] { (first, firstRetry), (second, secondRetry) })
        {
            Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
            Assert.True(retry.Headers.Contains(IdempotencyMiddleware.ReplayedHeader));
            Assert.Equal(answer.Headers.Location, retry.Headers.Location);
            Assert.Equal(await answer.Content.ReadAsStringAsync(), await retry.Content.ReadAsStringAsync());
        }

        var accepted = await firstRetry.ShouldBeAsync<ApplicationView>(HttpStatusCode.Created);
        var waitlisted = await secondRetry.ShouldBeAsync<ApplicationView>(HttpStatusCode.Created);
        Assert.Equal((ApplicationStatus.Accepted, (int?)null), (accepted.Status, accepted.WaitlistPosition));
        Assert.Equal((ApplicationStatus.Waitlisted, (int?)1), (waitlisted.Status, waitlisted.WaitlistPosition));
        Assert.NotNull(waitlisted.DecidedAt);
        await using var db = api.Db();
        Assert.Equal(2, await db.Context.Set<Application>().CountAsync(a => a.RecruitmentId == recruitment.Id));
        Assert.Equal(0, await db.Context.Set<IdempotencyRecord>().CountAsync(r => !r.Completed && r.Scope.StartsWith("sub:key-")));
    }

    [Fact]
    public async Task A_key_left_pending_when_its_request_died_is_answered_by_the_retry_and_then_replayed()
    {
        // The request stored its application and died before its own batch answered the key; another applicant's batch
        // placed the application meanwhile. The retry finishes it (the answer with its place), and a further retry replays.
        var recruitment = await EnrollmentSteps.OpenAsync(api, capacity: 5);
        var coordinator = api.ClientAs(Roles.JstCoordinator, subject: "key-stranded", teryt: "0201032");
        var key = Guid.NewGuid().ToString();
        var first = await (await coordinator.SendAsync(Request(recruitment.Id, key))).ShouldBeAsync<ApplicationView>(HttpStatusCode.Created);
        await using (var db = api.Db())
        {
            await db.Context.Set<Application>().Where(a => a.Id == first.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, ApplicationStatus.Submitted).SetProperty(a => a.DecidedAt, (DateTimeOffset?)null));
            await db.Context.Database.ExecuteSqlAsync($"UPDATE enrollment.recruitments SET accepted_count = 0 WHERE id = {recruitment.Id}");
            await db.Context.Set<IdempotencyRecord>().Where(r => r.Key == key)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Completed, false).SetProperty(r => r.Body, (byte[]?)null));
        }

        (await EnrollmentSteps.ApplyAsync(api, recruitment.Id, "0201043")).EnsureSuccessStatusCode();
        var finished = await coordinator.SendAsync(Request(recruitment.Id, key));
        var replayed = await coordinator.SendAsync(Request(recruitment.Id, key));

        var answer = await finished.ShouldBeAsync<ApplicationView>(HttpStatusCode.Created);
        Assert.Equal((first.Id, ApplicationStatus.Accepted, 2), (answer.Id, answer.Status, answer.Participants.Count));
        Assert.True(replayed.Headers.Contains(IdempotencyMiddleware.ReplayedHeader));
        Assert.Equal(await finished.Content.ReadAsStringAsync(), await replayed.Content.ReadAsStringAsync());
        await using var check = api.Db();
        Assert.Equal(2, await check.Context.Set<Application>().CountAsync(a => a.RecruitmentId == recruitment.Id));
    }

    [Fact]
    public async Task A_submission_whose_later_statement_fails_stores_nothing_of_it()
    {
        // The submission is one batch without a transaction of EF's: PostgreSQL must roll back the application inserted
        // before the statement that fails (a participant's, made to fail here by a trigger).
        var recruitment = await EnrollmentSteps.OpenAsync(api, capacity: 5);
        await using (var db = api.Db())
        {
            await db.Context.Database.ExecuteSqlRawAsync("""
                CREATE FUNCTION enrollment.test_refuse_participant() RETURNS trigger LANGUAGE plpgsql AS
                $$ BEGIN IF NEW.position = 'odmowa' THEN RAISE EXCEPTION 'refused by the test'; END IF; RETURN NEW; END $$;
                CREATE TRIGGER test_refuse_participant BEFORE INSERT ON enrollment.participants FOR EACH ROW EXECUTE FUNCTION enrollment.test_refuse_participant();
                """);
        }

        try
        {
            var coordinator = api.ClientAs(Roles.JstCoordinator, subject: "key-refused", teryt: "0201062");
            var refused = await coordinator.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"/api/v1/recruitments/{recruitment.Id}/applications")
            {
                Content = JsonContent.Create(new
                {
                    rodoClauseVersion = EnrollmentSteps.Rodo, questionnaire = new { schoolsRun = 3, hasDigitalStrategy = false },
                    participants = new[] { new { name = "Uczestnik", position = "odmowa", email = "odmowa@urzad.example.pl" } },
                }, options: HttpExtensions.Json),
                Headers = { { IdempotencyMiddleware.Header, Guid.NewGuid().ToString() } },
            });

            Assert.Equal(HttpStatusCode.InternalServerError, refused.StatusCode);
            await using var db = api.Db();
            Assert.False(await db.Context.Set<Application>().AnyAsync(a => a.RecruitmentId == recruitment.Id));
            Assert.False(await db.Context.Set<IdempotencyRecord>().AnyAsync(r => r.Scope == "sub:key-refused"));
        }
        finally
        {
            await using var db = api.Db();
            await db.Context.Database.ExecuteSqlRawAsync("DROP TRIGGER test_refuse_participant ON enrollment.participants; DROP FUNCTION enrollment.test_refuse_participant();");
        }
    }

    private async Task<(HttpResponseMessage Answer, HttpResponseMessage Retry)> ApplyTwiceAsync(Guid recruitmentId, string teryt)
    {
        var coordinator = api.ClientAs(Roles.JstCoordinator, subject: "key-" + teryt, teryt: teryt);
        var key = Guid.NewGuid().ToString();
        return (await coordinator.SendAsync(Request(recruitmentId, key)), await coordinator.SendAsync(Request(recruitmentId, key)));
    }

    private static HttpRequestMessage Request(Guid recruitmentId, string key) => new(HttpMethod.Post, $"/api/v1/recruitments/{recruitmentId}/applications")
    {
        Content = JsonContent.Create(EnrollmentSteps.Body(participants: 2), options: HttpExtensions.Json),
        Headers = { { IdempotencyMiddleware.Header, key } },
    };
}
