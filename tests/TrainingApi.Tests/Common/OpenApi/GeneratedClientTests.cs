using System.IO.Compression;
using System.Net;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Http.HttpClientLibrary;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware.Options;
using MiniExcelLibs;
using TrainingApi.Common.Security;
using TrainingApi.Features.Consultations.Organisations;
using TrainingApi.Tests.Features.Consultations;
using TrainingApi.Tests.Features.MaterialsHandover;
using TrainingApi.Tests.Generated;
using TrainingApi.Tests.Generated.Models;
using TrainingApi.Tests.Infrastructure;
using ApiKeySecret = TrainingApi.Common.Security.ApiKeys.ApiKeySecret;

namespace TrainingApi.Tests.Common.OpenApi;

/// <summary>
/// A partner's whole path through a C# client that Kiota generates from the committed contract at build time
/// (see TrainingApi.Tests.csproj): typed bodies, typed results, refusals as typed problems. When the contract says
/// something the server does not do (a type, a media type, a required member), this is where a client finds out.
/// </summary>
public sealed class GeneratedClientTests(ConsultationsFactory api) : IClassFixture<ConsultationsFactory>
{
    private readonly ConsultationSteps consultations = new(api);
    private readonly HandoverSteps releases = new(api);

    /// <summary>The generated client over the in-memory server, with Kiota's own handlers (retry, redirect, headers inspection).</summary>
    private TrainingApiClient Client(IAuthenticationProvider? authentication = null) => new(Adapter(authentication));

    private HttpClientRequestAdapter Adapter(IAuthenticationProvider? authentication = null) =>
        new(authentication ?? new AnonymousAuthenticationProvider(),
            httpClient: api.CreateDefaultClient(new Uri("https://localhost"), [.. KiotaClientFactory.CreateDefaultHandlers()]))
        {
            BaseUrl = "https://localhost", // Kiota sends an API key over https only; the in-memory server takes either
        };

    /// <summary>A client authenticated as the contract's ApiKey scheme says: the organisation's key in X-Api-Key.</summary>
    private async Task<TrainingApiClient> PartnerAsync(Guid organisationId)
    {
        var issued = await (await api.ClientAs(Roles.ProgrammeTeam).PostJsonAsync($"/api/v1/organisations/{organisationId}/api-keys", new { name = "generated client" }))
            .ShouldBeAsync<TrainingApi.Common.Security.ApiKeys.IssuedApiKey>(HttpStatusCode.Created);
        return Client(new ApiKeyAuthenticationProvider(issued.Secret, ApiKeySecret.Header, ApiKeyAuthenticationProvider.KeyLocation.Header, "localhost"));
    }

    private static SubmitCommentsRequest Batch(string reference) => new()
    {
        ExternalReference = reference,
        Comments =
        [
            new() { Anchor = "modul-2", Content = "Brakuje podziału ról między JST i szkoły.", ProposedChange = "Dodać jednostkę o rolach.",
                Justification = "Małe gminy nie mają informatyków.", MemberJst = "1465011" },
            new() { Content = "Program jest za długi dla małych gmin." },
        ],
    };

    [Fact]
    public async Task A_partner_submits_reads_dispositions_downloads_the_report_and_the_latest_release_through_the_generated_client()
    {
        var round = await consultations.OpenRoundAsync(days: 10);
        var zmp = await PartnerAsync(SeededOrganisations.Zmp);
        var submissions = zmp.Api.V1.ConsultationRounds[round.Id].Submissions;

        // The batch, sent twice with one Idempotency-Key: one submission, the second answer a replay.
        var replayed = new HeadersInspectionHandlerOption { InspectResponseHeaders = true };
        var sent = await submissions.PostAsync(Batch("ZMP/KONS/2026/001"), c => c.Headers.Add("Idempotency-Key", "zmp-kiota-001"));
        var again = await submissions.PostAsync(Batch("ZMP/KONS/2026/001"), c =>
        {
            c.Headers.Add("Idempotency-Key", "zmp-kiota-001");
            c.Options.Add(replayed);
        });
        Assert.NotNull(sent);
        Assert.Equal(sent.Id, again?.Id);
        Assert.Equal((SubmissionSource.PartnerSystem, 2), (sent.Source, sent.CommentCount));
        Assert.Equal("true", Assert.Single(replayed.ResponseHeaders["Idempotent-Replayed"]));
        Assert.All(sent.Comments!, c => Assert.Equal(CommentStatus.AwaitingDisposition, c.Status));

        // The team disposes one; the partner reads its comments with the disposition, typed.
        var first = sent.Comments![0].Id!.Value;
        (await consultations.DisposeAsync(first, "partly-accepted", "Dodano akapit o rolach.")).EnsureSuccessStatusCode();
        var page = await zmp.Api.V1.ConsultationRounds[round.Id].Comments.GetAsync(c => c.QueryParameters.Limit = 10);
        Assert.NotNull(page);
        Assert.Null(page.NextCursor);
        Assert.Equal(2, page.Items!.Count);
        var disposed = Assert.Single(page.Items, c => c.Id == first);
        Assert.Equal((CommentStatus.Disposed, Disposition.PartlyAccepted, "Dodano akapit o rolach."), (disposed.Status, disposed.Disposition, disposed.Response));
        Assert.Equal(CommentStatus.AwaitingDisposition, Assert.Single(page.Items, c => c.Id != first).Status);

        // A refusal is a typed problem: the round closed (every comment disposed, so the report can be published after), the same batch under a
        // new key is a 409 round-not-open, which the client builds as its own type (by `code`) with its members typed.
        (await consultations.DisposeAsync(sent.Comments[1].Id!.Value, "noted", "Długość wynika z zakresu.")).EnsureSuccessStatusCode();
        api.Clock.Now = round.ClosesAt.AddMinutes(1);
        var closed = await Assert.ThrowsAsync<RoundNotOpenProblem>(() =>
            submissions.PostAsync(Batch("ZMP/KONS/2026/002"), c => c.Headers.Add("Idempotency-Key", "zmp-kiota-002")));
        Assert.Equal((409, "https://trainingapi.ore.edu.pl/problems/conflict", "round-not-open"), (closed.Status, closed.Type, closed.Code));
        Assert.Equal((round.OpensAt, round.ClosesAt), (closed.OpensAt, closed.ClosesAt));
        Assert.Equal(409, closed.ResponseStatusCode);
        Assert.False(string.IsNullOrEmpty(closed.TraceId));

        // The published report as XLSX: Kiota chooses JSON for an operation with several media types, so the file form is
        // asked for with the generated request (format=xlsx) sent as a stream, keeping the generated problem mapping.
        await consultations.CloseAndPublishAsync(round);
        var adapter = Adapter();
        var anonymous = new TrainingApiClient(adapter);
        var report = anonymous.Api.V1.ConsultationRounds[round.Id].Report;
        var json = await report.GetAsync();
        Assert.Equal((RoundStatus.ReportPublished, 2), (json?.Status, json?.Rows?.Count));
        var xlsxRequest = report.ToGetRequestInformation(c => c.QueryParameters.Format = TrainingApi.Tests.Generated.Api.V1.ConsultationRounds.Item.Report.GetFormatQueryParameterType.Xlsx);
        xlsxRequest.Headers.Remove("Accept");
        xlsxRequest.Headers.Add("Accept", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        await using (var xlsx = await adapter.SendPrimitiveAsync<Stream>(xlsxRequest, Problems))
        {
            using var workbook = new MemoryStream();
            await xlsx!.CopyToAsync(workbook);
            var rows = workbook.Query(useHeaderRow: true, sheetName: "Uwagi").Cast<IDictionary<string, object?>>().ToList();
            Assert.Equal(2, rows.Count);
            Assert.Contains(rows, r => (string?)r["Stanowisko"] == "częściowo uwzględniona");
        }

        // The public catalogue: the latest release, typed, its release.json, typed, and its ZIP.
        var (version, _, _) = await releases.TestedVersionAsync(modules: 1, units: 1);
        var release = await releases.PublishAsync((await releases.DraftAsync(version.Id, "3.1.0")).Id);
        var latest = await anonymous.Api.V1.Catalogue.Releases.Latest.GetAsync();
        Assert.NotNull(latest);
        Assert.Equal((release.Id, "3.1.0", true), (latest.Id!.Value, latest.SemanticVersion, latest.Latest));
        Assert.Contains(latest.Files!, f => f.Format == "zip");
        var document = await anonymous.Api.V1.Catalogue.Releases[release.Id].Files.Json.GetAsync();
        Assert.Equal((release.Id, "3.1.0"), (document?.ReleaseId, document?.SemanticVersion));
        await using (var zip = await anonymous.Api.V1.Catalogue.Releases[release.Id].Files["zip"].GetAsync())
        {
            using var archive = new ZipArchive(zip!, ZipArchiveMode.Read);
            Assert.NotEmpty(archive.Entries);
        }

        // A 404 is a typed problem too: a plain ProblemDetails, its code the kind's.
        var missing = await Assert.ThrowsAsync<ProblemDetails>(() => anonymous.Api.V1.Catalogue.Releases[Guid.NewGuid()].Files["zip"].GetAsync());
        Assert.Equal((404, "https://trainingapi.ore.edu.pl/problems/not-found", "not-found"), (missing.Status, missing.Type, missing.Code));
    }

    private static readonly Dictionary<string, ParsableFactory<IParsable>> Problems = new()
    {
        ["400"] = HttpValidationProblemDetails.CreateFromDiscriminatorValue,
        ["4XX"] = ProblemDetails.CreateFromDiscriminatorValue,
        ["5XX"] = ProblemDetails.CreateFromDiscriminatorValue,
    };
}
