using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using TrainingApi.Common.Security;
using TrainingApi.Features.Consultations.Organisations;
using TrainingApi.Features.Consultations.Submissions;
using TrainingApi.Features.PilotEnrollment.Applications;
using TrainingApi.Tests.Features.Consultations;
using TrainingApi.Tests.Features.PilotEnrollment;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Common.Idempotency;

/// <summary>
/// PostgreSQL goes away for seconds while coordinators apply and ZMP's system sends submissions, every one with its
/// Idempotency-Key, and each client does what a correct client does: retries the same request with the same key until
/// it gets an answer. Whatever was committed when the database went, the retry must return the original 2xx — never
/// "already applied" or "reference used" — and nothing may be stored twice or lost.
/// </summary>
public sealed class AnswersAfterDatabaseOutageTests(AnswersAfterDatabaseOutageTests.OutageFactory api) : IClassFixture<AnswersAfterDatabaseOutageTests.OutageFactory>
{
    private const int Applicants = 30;
    private const int Submissions = 15;

    [Fact]
    public async Task Every_write_committed_before_or_during_the_outage_is_answered_once_and_stored_once()
    {
        var steps = new ConsultationSteps(api);
        var recruitment = await EnrollmentSteps.OpenAsync(api, capacity: 10);
        var round = await steps.OpenRoundAsync();
        var zmp = await api.PartnerClientAsync(SeededOrganisations.Zmp);
        var jsts = EnrollmentSteps.Gminas(Applicants, skip: 1600);

        var seen = new ConcurrentBag<(string Key, HttpStatusCode Status, string? Code)>();
        var writers = jsts.Select((teryt, i) => (Client: api.ClientAs(Roles.JstCoordinator, teryt: teryt, subject: $"koordynator-{i}"),
                Url: $"/api/v1/recruitments/{recruitment.Id}/applications", Body: JsonSerializer.Serialize(EnrollmentSteps.Body(), HttpExtensions.Json)))
            .Concat(Enumerable.Range(0, Submissions).Select(i => (Client: zmp, Url: $"/api/v1/consultation-rounds/{round.Id}/submissions",
                Body: JsonSerializer.Serialize(new { externalReference = $"ZMP/awaria/{i}", comments = ConsultationSteps.Comments(2, $"Awaria {i}") }, HttpExtensions.Json))))
            .Select((w, i) => (w.Client, w.Url, w.Body, Key: $"outage-{i}"))
            .ToList();

        // A third of the writers (of both kinds) start before the outage; the database goes away as soon as the first of them is
        // answered, while the others are still in flight; the rest start once it is gone.
        var outage = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var running = writers.Select((w, i) => Task.Run(async () =>
        {
            if (i % 3 != 0)
            {
                await outage.Task;
            }

            return await UntilAnsweredAsync(w.Client, w.Url, w.Body, w.Key, seen);
        })).ToList();
        await Eventually.HoldsAsync("a write to be answered before the outage", () => seen.Any(s => s.Status == HttpStatusCode.Created), TimeSpan.FromSeconds(60));
        api.Proxy.TakeDown();
        outage.SetResult();
        // It comes back once every writer not yet answered has been told so by a 503: each has met the outage.
        await Eventually.HoldsAsync("every unanswered writer to be told the database is away", () => writers.All(w =>
            seen.Any(s => s.Key == w.Key && s.Status is HttpStatusCode.Created or HttpStatusCode.ServiceUnavailable)), TimeSpan.FromSeconds(60));
        api.Proxy.Restore();
        var answers = await Task.WhenAll(running);

        // Only answers a correct client can act on: the outage (503) and a first request still running (409).
        Assert.Contains(seen, s => s.Status == HttpStatusCode.ServiceUnavailable);
        Assert.All(seen, s => Assert.True(s.Status is HttpStatusCode.Created or HttpStatusCode.ServiceUnavailable
            || (s.Status == HttpStatusCode.Conflict && s.Code == "idempotency-key-in-use"), $"{(int)s.Status} {s.Code}"));

        // Asked again, every key answers exactly what its client was first told.
        for (var i = 0; i < writers.Count; i++)
        {
            using var again = await writers[i].Client.SendAsync(Request(writers[i].Url, writers[i].Body, writers[i].Key));
            Assert.Equal(HttpStatusCode.Created, again.StatusCode);
            Assert.Equal("true", again.Headers.GetValues("Idempotent-Replayed").Single());
            Assert.Equal(Id(answers[i]), Id(await again.Content.ReadAsStringAsync()));
            Assert.Equal(Status(answers[i]), Status(await again.Content.ReadAsStringAsync()));
        }

        await using var scope = api.Db();
        var db = scope.Context;
        var applications = await db.Set<Application>().Where(a => a.RecruitmentId == recruitment.Id).ToListAsync();
        Assert.Equal(Applicants, applications.Count);
        Assert.Equal(applications.Select(a => a.Id).Order(), answers.Take(Applicants).Select(Id).Order());
        Assert.Equal(10, applications.Count(a => a.Status == ApplicationStatus.Accepted));
        Assert.Equal(Enumerable.Range(1, Applicants - 10), applications.Where(a => a.Status == ApplicationStatus.Waitlisted).Select(a => a.WaitlistPosition!.Value).Order());
        foreach (var application in applications)
        {
            var answered = answers.Single(a => Id(a) == application.Id);
            Assert.Equal(JsonNamingPolicy.KebabCaseLower.ConvertName(application.Status.ToString()), Status(answered));
        }

        var submissions = await db.Set<Submission>().Where(s => s.RoundId == round.Id).ToListAsync();
        Assert.Equal(Submissions, submissions.Count);
        Assert.Equal(submissions.Select(s => s.Id).Order(), answers.Skip(Applicants).Select(Id).Order());
        Assert.Equal(2 * Submissions, await db.Set<Comment>().CountAsync(c => c.RoundId == round.Id));
    }

    /// <summary>What a correct client does: the same request with the same key until an answer that is not "try again".</summary>
    private static async Task<string> UntilAnsweredAsync(HttpClient client, string url, string body, string key, ConcurrentBag<(string, HttpStatusCode, string?)> seen)
    {
        var (status, text) = await Eventually.ValueAsync($"{key} to be answered", async () =>
        {
            using var response = await client.SendAsync(Request(url, body, key));
            var text = await response.Content.ReadAsStringAsync();
            var code = response.StatusCode == HttpStatusCode.Created ? null
                : JsonDocument.Parse(text).RootElement.TryGetProperty("code", out var c) ? c.GetString() : JsonDocument.Parse(text).RootElement.GetProperty("type").GetString();
            seen.Add((key, response.StatusCode, code));
            return (response.StatusCode, text);
        }, answer => answer.StatusCode is not (HttpStatusCode.ServiceUnavailable or HttpStatusCode.Conflict), TimeSpan.FromSeconds(90));
        return status == HttpStatusCode.Created ? text : throw new Xunit.Sdk.XunitException($"{key}: {(int)status} {text}");
    }

    private static HttpRequestMessage Request(string url, string body, string key) =>
        new HttpRequestMessage(HttpMethod.Post, url) { Content = HttpExtensions.JsonBody(body) }.WithHeader("Idempotency-Key", key);

    private static Guid Id(string json) => JsonDocument.Parse(json).RootElement.GetProperty("id").GetGuid();

    private static string? Status(string json) => JsonDocument.Parse(json).RootElement.TryGetProperty("status", out var s) ? s.GetString() : null;

    /// <summary>The API reaches PostgreSQL through <see cref="OutageProxy"/>; it retries a failed command once, quickly.</summary>
    public sealed class OutageFactory : ConsultationsFactory
    {
        private OutageProxy? proxy;

        public OutageProxy Proxy => proxy ?? throw new InvalidOperationException("Not initialised.");

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            var direct = new NpgsqlConnectionStringBuilder(ConnectionString);
            proxy = new OutageProxy(direct.Host!, direct.Port);
        }

        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["ConnectionStrings:TrainingDb"] = new NpgsqlConnectionStringBuilder(ConnectionString) { Port = Proxy.Port, Timeout = 3 }.ConnectionString,
            ["Database:MaxRetryCount"] = "1",
            ["Database:MaxRetryDelayMilliseconds"] = "100",
        };

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            if (proxy is not null)
            {
                await proxy.DisposeAsync();
            }
        }
    }
}
