using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Audit;
using TrainingApi.Common.Security;
using TrainingApi.Features.PilotEnrollment.Applications;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Features.PilotEnrollment.Applications;

/// <summary>
/// A burst of coordinators over two instances: one placement batch places many coordinators' applications, on
/// either instance, after the request that started the batch has ended. Each placement must still be recorded as the
/// system acting for that application's own submitter, under the trace of that submission — never as whoever's
/// request happened to start the loop.
/// </summary>
public sealed class PlacementAuditTests(WebhookFactory first) : IClassFixture<WebhookFactory>
{
    private const int Coordinators = 48;

    static PlacementAuditTests()
    {
        // The host creates a request's Activity (and so reads traceparent) only when someone listens, as an OpenTelemetry exporter would.
        ActivitySource.AddActivityListener(new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Microsoft.AspNetCore",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
        });
    }

    [Fact]
    public async Task Each_placement_names_the_system_acting_for_its_own_submitter_under_the_submission_trace()
    {
        await using var second = WebhookFactory.JoiningDatabaseOf(first);
        await second.InitializeAsync();
        var recruitment = await EnrollmentSteps.OpenAsync(first, capacity: 20);
        var jsts = EnrollmentSteps.Gminas(Coordinators, skip: 1700);
        using var start = new SemaphoreSlim(0);

        var racing = jsts.Select(async (teryt, i) =>
        {
            var subject = $"koordynator-{i}";
            var client = (i % 2 == 0 ? (ApiFactory)first : second).ClientAs(Roles.JstCoordinator, teryt: teryt, subject: subject);
            var traceId = ActivityTraceId.CreateRandom().ToHexString();
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/recruitments/{recruitment.Id}/applications")
            {
                Content = HttpExtensions.JsonBody(JsonSerializer.Serialize(EnrollmentSteps.Body(), HttpExtensions.Json)),
            };
            request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
            await start.WaitAsync();
            var response = await client.SendAsync(request);
            return (Subject: subject, TraceId: traceId, response.StatusCode, Body: await response.Content.ReadAsStringAsync());
        }).ToList();
        start.Release(Coordinators);
        var results = await Task.WhenAll(racing);

        Assert.All(results, r => Assert.True(r.StatusCode == HttpStatusCode.Created, $"{(int)r.StatusCode} {r.Body}"));
        await using var db = first.Db();
        var applications = await db.Context.Set<Application>().Where(a => a.RecruitmentId == recruitment.Id).ToListAsync();
        var ids = applications.Select(a => a.Id.ToString()).ToList();
        var entries = await db.Context.Set<AuditEntry>().Where(e => e.EntityType == nameof(Application) && ids.Contains(e.EntityId)).ToListAsync();
        foreach (var (subject, traceId, _, body) in results)
        {
            var id = JsonDocument.Parse(body).RootElement.GetProperty("id").GetString()!;
            var submitted = Assert.Single(entries, e => e.EntityId == id && e.Operation == "created");
            Assert.Equal((subject, Roles.JstCoordinator, "Apply", traceId), (submitted.ActorSubject, submitted.ActorRole, submitted.Action, submitted.TraceId));
            var placed = Assert.Single(entries, e => e.EntityId == id && e.Action == "PlaceApplication");
            Assert.Equal(("system", (string?)null, subject, traceId), (placed.ActorSubject, placed.ActorRole, placed.OnBehalfOf, placed.TraceId));
        }

        // The team finds both entries by the coordinator, the placement marked as done on its behalf.
        var (firstSubject, _, _, firstBody) = results[0];
        var page = await (await first.ClientAs(Roles.ProgrammeTeam).GetAsync($"/api/v1/audit-entries?actor={firstSubject}&entityType=Application"))
            .ShouldBeAsync<TrainingApi.Common.Http.Page<AuditEntryView>>(HttpStatusCode.OK);
        Assert.Equal(["Apply", "PlaceApplication"], page.Items.Select(e => e.Action));
        Assert.Equal(new AuditActor("system", null, null, firstSubject), page.Items[1].Actor);
        Assert.All(page.Items, e => Assert.Equal(JsonDocument.Parse(firstBody).RootElement.GetProperty("id").GetString(), e.EntityId));
    }
}
