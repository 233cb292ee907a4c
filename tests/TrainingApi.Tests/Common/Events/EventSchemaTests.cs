using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Json.Schema;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Events;
using TrainingApi.Common.Security;
using TrainingApi.Features.Consultations.Organisations;
using TrainingApi.Features.PilotEnrollment.Applications;
using TrainingApi.Tests.Features.MaterialsHandover;
using TrainingApi.Tests.Features.PilotEnrollment;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Common.Events;

/// <summary>
/// Receivers validate webhook bodies against the schemas published in api-spec/events. The contract test keeps the
/// files equal to what the API generates; this checks that the bodies the API actually stores for delivery obey them,
/// for events of several slices caused through the real use cases.
/// </summary>
public sealed class EventSchemaTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static readonly ConcurrentDictionary<string, JsonSchema> Schemas = new();

    [Fact]
    public async Task Every_stored_event_body_validates_against_its_published_schema()
    {
        // Events of several slices, caused through the real use cases.
        var handover = new HandoverSteps(api);
        var (version, _, _) = await handover.TestedVersionAsync(modules: 1, units: 1);
        await handover.PublishAsync((await handover.DraftAsync(version.Id)).Id);
        var recruitment = await EnrollmentSteps.OpenAsync(api, capacity: 1);
        var (first, second) = (EnrollmentSteps.Gminas(2)[0], EnrollmentSteps.Gminas(2)[1]);
        var accepted = await (await EnrollmentSteps.ApplyAsync(api, recruitment.Id, first)).ShouldBeAsync<ApplicationView>(HttpStatusCode.Created);
        (await EnrollmentSteps.ApplyAsync(api, recruitment.Id, second)).EnsureSuccessStatusCode();
        (await api.ClientAs(Roles.JstCoordinator, teryt: first).PostJsonAsync($"/api/v1/applications/{accepted.Id}/withdraw", new { reason = "Zmiana planów." }))
            .EnsureSuccessStatusCode();
        (await api.ClientAs(Roles.ProgrammeTeam).PostJsonAsync($"/api/v1/organisations/{SeededOrganisations.Zmp}/api-keys", new { name = "zdarzenia" }))
            .EnsureSuccessStatusCode();

        await using var db = api.Db();
        var events = await db.Context.Set<OutboxEvent>().AsNoTracking().OrderBy(e => e.OccurredAt).ToListAsync();

        var failures = events
            .Select(e => (Event: e, Errors: Errors(SchemaFor(e.Type, e.Version), JsonDocument.Parse(e.Payload).RootElement)))
            .Where(r => r.Errors.Count > 0)
            .Select(r => $"{r.Event.Type} v{r.Event.Version} ({r.Event.Id}): {string.Join("; ", r.Errors)}")
            .ToList();
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.Superset(
            new HashSet<string> { "programme.created", "version.status-changed", "release.published", "application.accepted", "application.waitlisted",
                "application.withdrawn", "application.promoted", "api-key.issued" },
            events.Select(e => e.Type).ToHashSet());
    }

    [Fact]
    public void A_body_that_breaks_its_schema_is_refused()
    {
        var body = JsonDocument.Parse("""
            {"id":"01936b30-2000-7000-8000-000000000021","type":"application.accepted","version":1,"timestamp":"2024-09-02T10:00:00Z",
             "data":{"recruitmentId":"not-a-uuid","applicationId":"01936b30-2000-7000-8000-000000000022"}}
            """).RootElement;

        var errors = Errors(SchemaFor("application.accepted", 1), body);

        Assert.Contains(errors, e => e.Contains("/data/recruitmentId", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("jstTeryt", StringComparison.Ordinal));
    }

    private static JsonSchema SchemaFor(string type, int version) => Schemas.GetOrAdd($"{type}.v{version}", name => JsonSchema.FromText(
        File.ReadAllText(Path.Combine(OpenApiContractTests.RepositoryRoot(), "api-spec", "events", $"{name}.schema.json"))));

    private static List<string> Errors(JsonSchema schema, JsonElement body)
    {
        var results = schema.Evaluate(body, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        return results.IsValid
            ? []
            : [.. (results.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key} {e.Value}"))];
    }
}
