using System.IO.Compression;
using System.Net;
using TrainingApi.Common.Security;
using TrainingApi.Features.Consultations.Organisations;
using TrainingApi.Tests.Features.Consultations;
using TrainingApi.Tests.Features.MaterialsHandover;
using TrainingApi.Tests.Infrastructure;
using TrainingApi.Tests.NSwag;
using ApiKeySecret = TrainingApi.Common.Security.ApiKeys.ApiKeySecret;
using IssuedApiKey = TrainingApi.Common.Security.ApiKeys.IssuedApiKey;
using Problem = TrainingApi.Tests.NSwag.ProblemDetails;

namespace TrainingApi.Tests.Common.OpenApi;

/// <summary>
/// A partner's path through the C# client NSwag generates from the committed contract at build time (see
/// TrainingApi.Tests.csproj), unmodified, with its Newtonsoft.Json defaults: every required member must arrive, a null only
/// where the contract says nullable, an enum value only as the contract spells it. A nullable reference written in a form
/// NSwag misreads fails here on the first comment without a disposition.
/// </summary>
public sealed class NSwagClientTests(ConsultationsFactory api) : IClassFixture<ConsultationsFactory>
{
    private readonly ConsultationSteps consultations = new(api);
    private readonly HandoverSteps releases = new(api);

    private TrainingApiClient Client(string? apiKey = null)
    {
        var http = api.CreateDefaultClient(new Uri("https://localhost"));
        if (apiKey is not null)
        {
            http.DefaultRequestHeaders.Add(ApiKeySecret.Header, apiKey);
        }

        return new TrainingApiClient(http);
    }

    private async Task<TrainingApiClient> PartnerAsync(Guid organisationId)
    {
        var issued = await (await api.ClientAs(Roles.ProgrammeTeam).PostJsonAsync($"/api/v1/organisations/{organisationId}/api-keys", new { name = "nswag client" }))
            .ShouldBeAsync<IssuedApiKey>(HttpStatusCode.Created);
        return Client(issued.Secret);
    }

    private static SubmitCommentsRequest Batch(string reference) => new()
    {
        ExternalReference = reference,
        Comments =
        [
            new() { Anchor = "modul-2", Content = "Brakuje podziału ról między JST i szkoły.", ProposedChange = "Dodać jednostkę o rolach.",
                Justification = "Małe gminy nie mają informatyków.", MemberJst = "1465011" },
            new() { Content = "Program jest za długi dla małych gmin." },
            new() { Anchor = "wytyczne", Content = "Wytyczne nie mówią, kto zatwierdza plan." },
        ],
    };

    [Fact]
    public async Task A_partner_submits_and_reads_its_comments_with_and_without_dispositions()
    {
        var round = await consultations.OpenRoundAsync(days: 10);
        var zmp = await PartnerAsync(SeededOrganisations.Zmp);

        // Sent twice under one Idempotency-Key: one submission, its comments not yet disposed (a null disposition).
        var sent = await zmp.SubmitConsultationCommentsAsync(round.Id, "zmp-nswag-001", Batch("ZMP/KONS/2026/101"));
        var again = await zmp.SubmitConsultationCommentsAsync(round.Id, "zmp-nswag-001", Batch("ZMP/KONS/2026/101"));
        Assert.Equal((sent.Id, SubmissionSource.PartnerSystem, 3), (again.Id, sent.Source, sent.CommentCount));
        Assert.All(sent.Comments, c => Assert.Equal(CommentStatus.AwaitingDisposition, c.Status));

        // The team disposes two; the partner's list has both kinds, typed.
        var ids = sent.Comments.Select(c => c.Id).ToList();
        (await consultations.DisposeAsync(ids[0], "partly-accepted", "Dodano akapit o rolach.")).EnsureSuccessStatusCode();
        (await consultations.DisposeAsync(ids[2], "rejected", "Zatwierdza rada gminy, jak dziś.")).EnsureSuccessStatusCode();
        var page = await zmp.ListConsultationCommentsAsync(round.Id, null, null, null, null, null, null, null, 10, null);
        Assert.Null(page.NextCursor);
        Assert.Equal(
            [(ids[0], CommentStatus.Disposed, (Disposition?)Disposition.PartlyAccepted, "Dodano akapit o rolach."),
             (ids[1], CommentStatus.AwaitingDisposition, null, null),
             (ids[2], CommentStatus.Disposed, Disposition.Rejected, "Zatwierdza rada gminy, jak dziś.")],
            page.Items.OrderBy(c => c.Position).Select(c => (c.Id, c.Status, c.Disposition, (string?)c.Response)));
        Assert.All(page.Items.Where(c => c.Disposition is null), c => Assert.Null(c.DisposedAt));
    }

    [Fact]
    public async Task A_refusal_is_the_clients_typed_exception_carrying_the_problem()
    {
        var round = await consultations.OpenRoundAsync(days: 10);
        var zmp = await PartnerAsync(SeededOrganisations.Zmp);
        await zmp.SubmitConsultationCommentsAsync(round.Id, "zmp-nswag-201", Batch("ZMP/KONS/2026/201"));

        // The same key with another body is a 422, as a problem the client reads.
        var reused = await Assert.ThrowsAsync<ApiException<Problem>>(() =>
            zmp.SubmitConsultationCommentsAsync(round.Id, "zmp-nswag-201", Batch("ZMP/KONS/2026/202")));
        Assert.Equal(422, reused.StatusCode);
        Assert.Equal((422, "https://trainingapi.ore.edu.pl/problems/unprocessable-content"), (reused.Result.Status, reused.Result.Type.ToString()));
        Assert.False(string.IsNullOrEmpty(reused.Result.TraceId));

        // An unknown release's file in the public catalogue: a 404 problem, typed the same way.
        var missing = await Assert.ThrowsAsync<ApiException<Problem>>(() => Client().GetCatalogueFileAsync(Guid.NewGuid(), Format5.Zip, null, null));
        Assert.Equal((404, "https://trainingapi.ore.edu.pl/problems/not-found"), (missing.Result.Status, missing.Result.Type.ToString()));
    }

    [Fact]
    public async Task Anyone_reads_the_latest_release_and_downloads_its_zip_from_the_catalogue()
    {
        var (version, _, _) = await releases.TestedVersionAsync(modules: 1, units: 1);
        var release = await releases.PublishAsync((await releases.DraftAsync(version.Id, "4.2.0")).Id);
        var anonymous = Client();

        var latest = await anonymous.GetLatestReleaseAsync(version.ProgrammeId, null, null);
        Assert.Equal((release.Id, "4.2.0", true), (latest.Id, latest.SemanticVersion, latest.Latest));
        Assert.Contains(latest.Files, f => f.Format == "zip");

        using var file = await anonymous.GetCatalogueFileAsync(release.Id, Format5.Zip, null, null);
        Assert.Equal(200, file.StatusCode);
        using var archive = new ZipArchive(file.Stream, ZipArchiveMode.Read);
        Assert.NotEmpty(archive.Entries);
    }
}
