using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Security;
using TrainingApi.Features.Consultations.Organisations;
using TrainingApi.Features.Consultations.Submissions;
using TrainingApi.Tests.Features.Consultations;
using TrainingApi.Tests.Features.MaterialsHandover;
using TrainingApi.Tests.Infrastructure;
using IssuedApiKey = TrainingApi.Common.Security.ApiKeys.IssuedApiKey;

namespace TrainingApi.Tests.Common.OpenApi;

/// <summary>
/// The TypeScript client over the types openapi-typescript generates from the committed contract (openapi-fetch, strict
/// tsc) runs a partner's path live, in node, against the API on a real socket: tools/contract-client-ts/src/live-path.ts checks
/// every answer itself and prints a summary; this test sets the scene, then holds the summary to it and to what was stored.
/// </summary>
public sealed class TypeScriptClientTests(TypeScriptClientTests.KestrelConsultationsFactory api) : IClassFixture<TypeScriptClientTests.KestrelConsultationsFactory>
{
    /// <summary>The consultations' clock on a Kestrel port: node cannot reach the in-memory test server.</summary>
    public sealed class KestrelConsultationsFactory : ConsultationsFactory
    {
        public KestrelConsultationsFactory() => UseKestrel(0);
    }

    private readonly ConsultationSteps consultations = new(api);
    private readonly HandoverSteps releases = new(api);

    [Fact]
    public async Task The_generated_typescript_client_runs_a_partners_path_against_the_live_api()
    {
        var round = await consultations.OpenRoundAsync(days: 10);
        var key = await (await api.ClientAs(Roles.ProgrammeTeam).PostJsonAsync($"/api/v1/organisations/{SeededOrganisations.Zmp}/api-keys", new { name = "typescript client" }))
            .ShouldBeAsync<IssuedApiKey>(HttpStatusCode.Created);
        // ZMP sent comments before and the experts disposed one: the script's list holds comments with and without a disposition.
        var earlier = await ConsultationSteps.SubmitAsync(api.ClientWithKey(key.Secret), round.Id, new
        {
            externalReference = "ZMP/KONS/2026/301",
            comments = new[] { ConsultationSteps.Comment(), ConsultationSteps.Comment(anchor: null, content: "Za mało godzin na warsztaty.") },
        });
        (await consultations.DisposeAsync(earlier.Comments[0].Id, "partly-accepted", "Dodano akapit o rolach.")).EnsureSuccessStatusCode();
        var (version, _, _) = await releases.TestedVersionAsync(modules: 1, units: 1);
        var release = await releases.PublishAsync((await releases.DraftAsync(version.Id, "4.2.0")).Id);

        var run = await TypeScriptLivePath.RunAsync(api.CreateClient().BaseAddress!, key.Secret, round.Id, version.ProgrammeId);

        Assert.True(run.ExitCode == 0, run.Describe());
        var summary = run.Summary;
        Assert.True(summary.GetProperty("ok").GetBoolean(), run.Describe());

        var submission = summary.GetProperty("submission");
        var submissionId = submission.GetProperty("id").GetGuid();
        var sentIds = Guids(submission.GetProperty("commentIds"));
        Assert.Equal((false, true, submissionId, 2), (submission.GetProperty("firstReplayed").GetBoolean(), submission.GetProperty("againReplayed").GetBoolean(),
            submission.GetProperty("againId").GetGuid(), sentIds.Count));

        var comments = summary.GetProperty("comments");
        var disposed = comments.GetProperty("disposed").EnumerateArray()
            .Select(c => (c.GetProperty("id").GetGuid(), c.GetProperty("disposition").GetString(), c.GetProperty("response").GetString())).ToList();
        Assert.Equal([(earlier.Comments[0].Id, "partly-accepted", "Dodano akapit o rolach.")], disposed);
        Assert.Equal([earlier.Comments[0].Id], Guids(comments.GetProperty("filteredDisposed")));
        Assert.Equal(new[] { earlier.Comments[1].Id }.Concat(sentIds).Order(), Guids(comments.GetProperty("awaiting")).Order());

        var latest = summary.GetProperty("latestRelease");
        Assert.Equal((release.Id, "4.2.0"), (latest.GetProperty("id").GetGuid(), latest.GetProperty("semanticVersion").GetString()));
        Assert.Equal("PK", summary.GetProperty("zip").GetProperty("signature").GetString());

        var refusal = summary.GetProperty("refusal");
        Assert.Equal((422, "https://trainingapi.ore.edu.pl/problems/unprocessable-content", "unknown-anchor"),
            (refusal.GetProperty("status").GetInt32(), refusal.GetProperty("type").GetString(), refusal.GetProperty("code").GetString()));

        // Stored: the script's submission once (the repeat was a replay), with its two comments; the refused batch left nothing.
        await using var db = api.Db();
        var stored = await db.Context.Set<Submission>().Where(s => s.RoundId == round.Id).ToListAsync();
        Assert.Equal(new[] { earlier.Id, submissionId }.Order(), stored.Select(s => s.Id).Order());
        var script = stored.Single(s => s.Id == submissionId);
        Assert.Equal((SeededOrganisations.Zmp, SubmissionSource.PartnerSystem, 2, submission.GetProperty("externalReference").GetString()),
            (script.OrganisationId, script.Source, script.CommentCount, script.ExternalReference));
        var roundComments = await db.Context.Set<Comment>().Where(c => c.RoundId == round.Id).ToListAsync();
        Assert.Equal(4, roundComments.Count);
        Assert.Equal(sentIds.Order(), roundComments.Where(c => c.SubmissionId == submissionId && c.Disposition == null).Select(c => c.Id).Order());
    }

    private static List<Guid> Guids(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetGuid())];
}
