using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using TrainingApi.Common.Http;
using TrainingApi.Common.Security;
using TrainingApi.Features.Advisory.Engagements;
using TrainingApi.Features.Consultations.Rounds;
using TrainingApi.Features.MaterialsHandover.Catalogue;
using TrainingApi.Features.MaterialsHandover.Handovers;
using TrainingApi.Features.MaterialsHandover.Releases;
using TrainingApi.Tests.Features.Curriculum;
using TrainingApi.Tests.Features.MaterialsHandover;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Common.OpenApi;

/// <summary>
/// Every operation whose document names a success media type other than JSON is called on the demo data, and what it serves is
/// what the contract declares: a Content-Type the 200 lists, and Content-Disposition exactly where the 200 declares it.
/// </summary>
public sealed class ServedFilesTests(CurriculumDemoDataTests.DemoFactory api) : IClassFixture<CurriculumDemoDataTests.DemoFactory>
{
    private readonly HttpClient team = api.ClientAs(Roles.ProgrammeTeam);

    [Fact]
    public async Task Every_file_operation_serves_a_declared_media_type_with_the_declared_content_disposition()
    {
        var operations = JsonNode.Parse(await team.GetStringAsync("/swagger/v1/swagger.json"))!["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject().Select(op => op.Value!))
            .ToDictionary(op => op["operationId"]!.GetValue<string>());
        var served = await ServeEveryFileAsync();

        var fileOperations = operations.Where(op => op.Value["responses"]!.AsObject()
            .Any(r => r.Key.StartsWith('2') && r.Value?["content"]?.AsObject().Any(m => m.Key != "application/json") == true)).Select(op => op.Key);
        Assert.Empty(fileOperations.Except(served.Select(s => s.OperationId)));
        Assert.All(served, call =>
        {
            var label = $"{call.OperationId} ({call.What})";
            Assert.True(call.Response.StatusCode == HttpStatusCode.OK, $"{label} answered {(int)call.Response.StatusCode}");
            var declared = operations[call.OperationId]["responses"]!["200"]!;
            var contentType = call.Response.Content.Headers.ContentType!.ToString();
            Assert.True(declared["content"]!.AsObject().Any(m => Names(m.Key, call.Response.Content.Headers.ContentType!)),
                $"{label} served {contentType}, not one of {string.Join(", ", declared["content"]!.AsObject().Select(m => m.Key))}");

            var disposition = call.Response.Content.Headers.ContentDisposition;
            if (declared["headers"]?["Content-Disposition"] is not { } header)
            {
                Assert.True(disposition is null, $"{label} sends Content-Disposition the contract does not declare");
            }
            else if (header["required"]?.GetValue<bool>() == true || call.Response.Content.Headers.ContentType!.MediaType != "application/json")
            {
                Assert.True(disposition is { DispositionType: "attachment" } && !string.IsNullOrEmpty(disposition.FileNameStar ?? disposition.FileName),
                    $"{label} sends no attachment file name");
            }
            else
            {
                Assert.True(disposition is null, $"{label} sends Content-Disposition with JSON");
            }
        });
    }

    /// <summary>The declared media type and every parameter it states (a charset), as served; JSON may add its charset.</summary>
    private static bool Names(string declared, MediaTypeHeaderValue served)
    {
        var expected = MediaTypeHeaderValue.Parse(declared);
        return string.Equals(expected.MediaType, served.MediaType, StringComparison.OrdinalIgnoreCase)
               && expected.Parameters.All(p => served.Parameters.Any(s =>
                   string.Equals(s.Name, p.Name, StringComparison.OrdinalIgnoreCase) && string.Equals(s.Value, p.Value, StringComparison.OrdinalIgnoreCase)));
    }

    private sealed record Served(string OperationId, string What, HttpResponseMessage Response);

    /// <summary>The demo's published release, a draft after it, a handover, and the demo round, engagement and pilot.</summary>
    private async Task<List<Served>> ServeEveryFileAsync()
    {
        var anyone = api.CreateClient();
        var served = new List<Served>();
        async Task Get(string operationId, HttpClient client, string url, string? accept = null)
        {
            var request = new HttpRequestMessage(HttpMethod.Get, url);
            if (accept is not null)
            {
                request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
            }

            served.Add(new Served(operationId, accept is null ? url : $"{url}, Accept: {accept}", await client.SendAsync(request)));
        }

        var published = await (await anyone.GetAsync("/api/v1/catalogue/releases/latest")).ShouldBeAsync<CatalogueRelease>(HttpStatusCode.OK);
        var version = (await (await team.GetAsync($"/api/v1/releases/{published.Id}")).ShouldBeAsync<ReleaseView>(HttpStatusCode.OK)).VersionId;
        var draft = await new HandoverSteps(api).DraftAsync(version, "2.2.0");
        var handover = await (await team.PostJsonAsync($"/api/v1/releases/{published.Id}/handovers", new { handedOverOn = "2025-01-20" }))
            .ShouldBeAsync<HandoverView>(HttpStatusCode.Created);
        var round = (await (await team.GetAsync("/api/v1/consultation-rounds")).ShouldBeAsync<Page<RoundView>>(HttpStatusCode.OK)).Items[0];
        var engagement = (await (await team.GetAsync("/api/v1/engagements")).ShouldBeAsync<Page<EngagementView>>(HttpStatusCode.OK)).Items[0];

        foreach (var format in new[] { "json", "zip", "imscc", "docx" })
        {
            await Get("GetCatalogueFile", anyone, $"/api/v1/catalogue/releases/{published.Id}/files/{format}");
            await Get("GetReleaseFile", team, $"/api/v1/releases/{draft.Id}/files/{format}");
            await Get("GetReleaseFile", team, $"/api/v1/releases/{published.Id}/files/{format}");
        }

        await Get("GetReleasesFeed", anyone, "/api/v1/catalogue/releases.atom");
        foreach (var format in new[] { "bibtex", "text", "datacite" })
        {
            await Get("GetReleaseCitation", anyone, $"/api/v1/catalogue/releases/{published.Id}/citations/{format}");
        }

        await Get("GetReleaseCitationCslJson", anyone, $"/api/v1/catalogue/releases/{published.Id}/citations/csl-json");

        await Get("GetProgrammeDataCite", anyone, $"/api/v1/catalogue/programmes/{published.ProgrammeSlug}/citations/datacite");
        await Get("GetCataloguePage", anyone, $"/api/v1/catalogue/releases/{published.Id}/pages/index.html");
        await Get("GetCatalogueDocument", anyone, GetCatalogueDocument.UrlOf(published.Id));
        foreach (var asset in new[] { TrainingApi.Features.Curriculum.Demo.CurriculumDemoAssets.DiagramName, TrainingApi.Features.Curriculum.Demo.CurriculumDemoAssets.ChecklistName })
        {
            await Get("GetCatalogueAsset", anyone, GetCatalogueAsset.UrlOf(published.Id, asset));
            await Get("GetAsset", team, $"/api/v1/versions/{version}/assets/{asset}");
        }

        await Get("DownloadHandoverPackage", api.ClientAs(Roles.Ministry), handover.PackageUrl);
        foreach (var format in new[] { "json", "csv", "xlsx" })
        {
            await Get("GetConsultationReport", team, $"/api/v1/consultation-rounds/{round.Id}/report?format={format}");
        }

        await Get("GetConsultationReport", team, $"/api/v1/consultation-rounds/{round.Id}/report", "text/csv");
        await Get("GetConsultationReport", team, $"/api/v1/consultation-rounds/{round.Id}/report", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        foreach (var format in new[] { "json", "csv" })
        {
            await Get("GetEngagementReport", team, $"/api/v1/engagements/{engagement.Id}/report?format={format}");
            await Get("GetPilotAdvisoryReport", team, $"/api/v1/recruitments/{engagement.RecruitmentId}/advisory-report?format={format}");
        }

        foreach (var format in new[] { "json", "csv", "xlsx" })
        {
            await Get("GetIndicatorReport", anyone, $"/api/v1/catalogue/indicators?format={format}");
            await Get("CountAdoptions", anyone, $"/api/v1/catalogue/adoption-counts?format={format}");
        }

        foreach (var rdf in new[] { "text/turtle", "application/ld+json", "application/rdf+xml" })
        {
            await Get("GetDcatCatalogue", anyone, "/api/v1/catalogue/dcat", rdf);
            await Get("GetDcatProgramme", anyone, PersistentIds.DescriptionPath(published.ProgrammeSlug), rdf);
            await Get("GetDcatRelease", anyone, PersistentIds.DescriptionPath(published.ProgrammeSlug, published.SemanticVersion), rdf);
        }

        await Get("GetCertificate", team, await DemoCertificateAsync());
        return served;
    }

    /// <summary>Łódź's demo participant attends every session of the demo pilot's cohort and gets a certificate; its page's address.</summary>
    private async Task<string> DemoCertificateAsync()
    {
        var sessions = await (await team.GetAsync("/api/v1/jst/1061/sessions")).ShouldBeAsync<Page<TrainingApi.Features.PilotEnrollment.Pilot.TimetableSession>>(HttpStatusCode.OK);
        var attendance = await (await team.GetAsync($"/api/v1/sessions/{sessions.Items[0].Id}/attendance"))
            .ShouldBeAsync<TrainingApi.Features.PilotEnrollment.Pilot.GetSessionAttendance.SessionAttendance>(HttpStatusCode.OK);
        var participant = attendance.Participants.First(p => p.JstTeryt == "1061").ParticipantId;
        foreach (var session in sessions.Items)
        {
            (await team.PutJsonAsync($"/api/v1/sessions/{session.Id}/attendance/{participant}", new { state = "present" })).EnsureSuccessStatusCode();
        }

        var certificate = await (await team.PostAsync($"/api/v1/participants/{participant}/certificate", null))
            .ShouldBeAsync<TrainingApi.Features.PilotEnrollment.Pilot.CertificateView>(HttpStatusCode.Created);
        return $"/api/v1/certificates/{certificate.Id}";
    }
}
