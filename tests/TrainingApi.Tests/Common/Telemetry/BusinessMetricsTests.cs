using System.Net;
using TrainingApi.Common.Security;
using TrainingApi.Features.Consultations.Organisations;
using TrainingApi.Tests.Features.Consultations;
using TrainingApi.Tests.Features.PilotEnrollment;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Common.Telemetry;

/// <summary>The business counters move when, and only as far as, the matching use case runs.</summary>
public sealed class BusinessMetricsTests(BusinessMetricsTests.LowPartnerLimitFactory api) : IClassFixture<BusinessMetricsTests.LowPartnerLimitFactory>, IDisposable
{
    private readonly MetricRecorder metrics = new(api.Services);
    private readonly ConsultationSteps steps = new(api);

    public sealed class LowPartnerLimitFactory : ConsultationsFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["RateLimits:PartnerPerMinute"] = "5" };
    }

    [Fact]
    public async Task First_come_placements_are_counted_as_accepted_and_waitlisted()
    {
        var recruitment = await EnrollmentSteps.OpenAsync(api, capacity: 1);
        var gminas = EnrollmentSteps.Gminas(3, skip: 40);

        foreach (var teryt in gminas)
        {
            (await EnrollmentSteps.ApplyAsync(api, recruitment.Id, teryt)).EnsureSuccessStatusCode();
        }

        Assert.Equal(1, metrics.Sum("trainingapi.applications.placed", "outcome", "accepted"));
        Assert.Equal(2, metrics.Sum("trainingapi.applications.placed", "outcome", "waitlisted"));
    }

    [Fact]
    public async Task Ingested_comments_are_counted_by_source_and_a_replay_counts_as_a_replay_not_as_comments()
    {
        var round = await steps.OpenRoundAsync();
        var zmp = await api.PartnerClientAsync(SeededOrganisations.Zmp);
        var body = new { externalReference = "ZMP/metryki/1", comments = ConsultationSteps.Comments(3, "Metryki") };

        var first = await zmp.SendAsync(ConsultationSteps.Submission(round.Id, body, "metrics-key-1"));
        var replay = await zmp.SendAsync(ConsultationSteps.Submission(round.Id, body, "metrics-key-1"));
        await steps.TeamSubmitsAsync(round.Id, SeededOrganisations.Zpp, ConsultationSteps.Comment(content: "Uwaga zespołu do metryk."));

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created), (first.StatusCode, replay.StatusCode));
        Assert.Equal("true", replay.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(3, metrics.Sum("trainingapi.comments.ingested", "source", "PartnerSystem"));
        Assert.Equal(1, metrics.Sum("trainingapi.comments.ingested", "source", "ProgrammeTeam"));
        Assert.Equal(1, metrics.Sum("trainingapi.idempotency.replays"));
    }

    [Fact]
    public async Task A_partner_refused_with_429_is_counted_under_the_partner_limiter()
    {
        var partner = await api.PartnerClientAsync(SeededOrganisations.Zmp);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 7; i++)
        {
            statuses.Add((await partner.GetAsync($"/api/v1/organisations/{SeededOrganisations.Zmp}")).StatusCode);
        }

        Assert.Equal(2, statuses.Count(s => s == HttpStatusCode.TooManyRequests));
        Assert.Equal(2, metrics.Sum("trainingapi.rate_limit.rejections", "limiter", "partner"));
        Assert.Equal(0, metrics.Sum("trainingapi.rate_limit.rejections", "limiter", "address"));
    }

    [Fact]
    public async Task Nothing_is_counted_for_a_refused_submission()
    {
        var round = await steps.OpenRoundAsync();

        var refused = await api.ClientAs(Roles.ProgrammeTeam).SendAsync(ConsultationSteps.Submission(round.Id, new { comments = Array.Empty<object>() }));

        await refused.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        Assert.Equal(0, metrics.Sum("trainingapi.comments.ingested"));
    }

    public void Dispose() => metrics.Dispose();
}
