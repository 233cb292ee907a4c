using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using TrainingApi.Common.Security;
using TrainingApi.Features.Consultations.Organisations;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Common.Security;

/// <summary>
/// Every operation in the contract, called anonymously and as every role: the outcome must match the table
/// below, kept here by hand on purpose (the code must agree with it, not the other way round). A new
/// operation missing from the table fails the test until someone decides who may call it.
/// </summary>
public sealed partial class AuthorizationMatrixTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private const string Anonymous = "anonymous";

    private static readonly string[] Everyone = [.. Roles.All];

    /// <summary>operationId → who may call it ("anonymous" for public operations).</summary>
    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        ["CreateProgramme"] = [Roles.ProgrammeTeam, Roles.Expert],
        ["UpdateProgramme"] = [Roles.ProgrammeTeam, Roles.Expert],
        ["GetProgramme"] = Everyone,
        ["ListProgrammes"] = Everyone,
        ["RegisterOrganisation"] = [Roles.ProgrammeTeam],
        ["ListOrganisations"] = [Roles.ProgrammeTeam, Roles.Expert, Roles.Partner],
        ["GetOrganisation"] = [Roles.ProgrammeTeam, Roles.Expert, Roles.Partner],
        ["IssueApiKey"] = [Roles.ProgrammeTeam],
        ["ListApiKeys"] = [Roles.ProgrammeTeam],
        ["GetApiKey"] = [Roles.ProgrammeTeam],
        ["RevokeApiKey"] = [Roles.ProgrammeTeam],
        ["ListAuditEntries"] = [Roles.ProgrammeTeam],
        ["ListEventTypes"] = Everyone,
        ["CreateVersion"] = [Roles.ProgrammeTeam, Roles.Expert],
        ["ListVersions"] = Everyone,
        ["GetVersion"] = Everyone,
        ["DiffVersions"] = Everyone,
        ["TransitionVersion"] = [Roles.ProgrammeTeam, Roles.Expert],
        ["ListVersionTransitions"] = Everyone,
        ["AddSection"] = [Roles.ProgrammeTeam, Roles.Expert],
        ["ListSections"] = Everyone,
        ["GetSection"] = Everyone,
        ["UpdateSection"] = [Roles.ProgrammeTeam, Roles.Expert],
        ["PatchSection"] = [Roles.ProgrammeTeam, Roles.Expert],
        ["TagSectionMaturityAreas"] = [Roles.ProgrammeTeam],
        ["DeleteSection"] = [Roles.ProgrammeTeam, Roles.Expert],
        ["CheckVersionAccessibility"] = [Roles.ProgrammeTeam, Roles.Expert],
        ["WaiveAccessibilityFinding"] = [Roles.ProgrammeTeam],
        ["CheckMarkdownAccessibility"] = [Roles.ProgrammeTeam, Roles.Expert],
        ["UploadAsset"] = [Roles.ProgrammeTeam, Roles.Expert],
        ["ListAssets"] = Everyone,
        ["GetAsset"] = Everyone,
        ["DeleteAsset"] = [Roles.ProgrammeTeam, Roles.Expert],
        ["RegisterLegalAct"] = [Roles.ProgrammeTeam, Roles.Expert],
        ["ListLegalActs"] = Everyone,
        ["GetLegalAct"] = Everyone,
        ["RecordLegalActAmendment"] = [Roles.ProgrammeTeam, Roles.Expert],
        ["ListSectionsToReview"] = [Roles.ProgrammeTeam, Roles.Expert],
        ["SearchJst"] = [Anonymous, .. Everyone],
        ["OpenRecruitment"] = [Roles.ProgrammeTeam],
        ["ListRecruitments"] = [Anonymous, .. Everyone],
        ["GetRecruitment"] = [Anonymous, .. Everyone],
        ["GetAcceptedJst"] = [Anonymous, .. Everyone],
        ["ApplyToRecruitment"] = [Roles.ProgrammeTeam, Roles.JstCoordinator],
        ["ListApplications"] = [Roles.ProgrammeTeam, Roles.JstCoordinator],
        ["GetApplication"] = [Roles.ProgrammeTeam, Roles.JstCoordinator],
        ["ConfirmApplication"] = [Roles.ProgrammeTeam, Roles.JstCoordinator],
        ["CompleteApplication"] = [Roles.ProgrammeTeam],
        ["PublishAcceptedList"] = [Roles.ProgrammeTeam],
        ["WithdrawApplication"] = [Roles.ProgrammeTeam, Roles.JstCoordinator],
        ["GetRecruitmentStatistics"] = [Roles.ProgrammeTeam, Roles.Ministry],
        ["ExportMyPersonalData"] = [.. Roles.TokenRoles],
        ["ExportPersonData"] = [Roles.ProgrammeTeam],
        ["ErasePerson"] = [Roles.ProgrammeTeam],
        ["CreateCohort"] = [Roles.ProgrammeTeam],
        ["ScoreApplication"] = [Roles.ProgrammeTeam],
        ["AllocatePlaces"] = [Roles.ProgrammeTeam],
        ["ScheduleSession"] = [Roles.ProgrammeTeam],
        ["RecordAttendance"] = [Roles.ProgrammeTeam],
        ["GetCohortCompletion"] = [Roles.ProgrammeTeam, Roles.Ministry, Roles.JstCoordinator],
        ["ChangeRecruitmentWindow"] = [Roles.ProgrammeTeam],
        ["CloseRecruitment"] = [Roles.ProgrammeTeam],
        ["RaiseRecruitmentCapacity"] = [Roles.ProgrammeTeam],
        ["CorrectRecruitmentTerms"] = [Roles.ProgrammeTeam],
        ["SetWaitlistOffers"] = [Roles.ProgrammeTeam],
        ["ConfirmOffer"] = [Roles.ProgrammeTeam, Roles.JstCoordinator],
        ["AddParticipant"] = [Roles.ProgrammeTeam, Roles.JstCoordinator],
        ["ReplaceParticipant"] = [Roles.ProgrammeTeam, Roles.JstCoordinator],
        ["RemoveParticipant"] = [Roles.ProgrammeTeam, Roles.JstCoordinator],
        ["ListCohorts"] = [Roles.ProgrammeTeam, Roles.Ministry, Roles.JstCoordinator],
        ["GetCohort"] = [Roles.ProgrammeTeam, Roles.Ministry, Roles.JstCoordinator],
        ["GetJstTimetable"] = [Roles.ProgrammeTeam, Roles.JstCoordinator],
        ["SetAttendance"] = [Roles.ProgrammeTeam],
        ["GetSessionAttendance"] = [Roles.ProgrammeTeam, Roles.Ministry, Roles.JstCoordinator],
        ["GetSession"] = [Roles.ProgrammeTeam, Roles.Ministry, Roles.JstCoordinator],
        ["GetParticipantAttendance"] = [Roles.ProgrammeTeam, Roles.Ministry, Roles.JstCoordinator],
        ["IssueCertificate"] = [Roles.ProgrammeTeam],
        ["GetCertificate"] = [Roles.ProgrammeTeam, Roles.JstCoordinator],
        ["VerifyCertificate"] = [Anonymous, .. Everyone],
        ["RecordEvaluations"] = [Roles.ProgrammeTeam],
        ["GetEvaluationSummary"] = [Roles.ProgrammeTeam, Roles.Expert, Roles.Ministry],
        ["ListCohortEvaluations"] = [Roles.ProgrammeTeam, Roles.Expert, Roles.Ministry],
        ["OpenConsultationRound"] = [Roles.ProgrammeTeam],
        ["ListConsultationRounds"] = Everyone,
        ["GetConsultationRound"] = Everyone,
        ["UpdateConsultationRound"] = [Roles.ProgrammeTeam],
        ["ScheduleConsultationMeeting"] = [Roles.ProgrammeTeam],
        ["ListConsultationMeetings"] = Everyone,
        ["GetConsultationMeeting"] = Everyone,
        ["RecordConsultationMeeting"] = [Roles.ProgrammeTeam],
        ["SubmitConsultationComments"] = [Roles.ProgrammeTeam, Roles.Partner, Roles.JstCoordinator],
        ["ListConsultationSubmissions"] = [Roles.ProgrammeTeam, Roles.Expert, Roles.Partner, Roles.JstCoordinator],
        ["GetConsultationSubmission"] = [Roles.ProgrammeTeam, Roles.Expert, Roles.Partner, Roles.JstCoordinator],
        ["ListConsultationComments"] = [Roles.ProgrammeTeam, Roles.Expert, Roles.Partner, Roles.JstCoordinator],
        ["GetConsultationComment"] = [Roles.ProgrammeTeam, Roles.Expert, Roles.Partner, Roles.JstCoordinator],
        ["DisposeConsultationComment"] = [Roles.ProgrammeTeam, Roles.Expert],
        ["RecordCommentTakenIn"] = [Roles.ProgrammeTeam, Roles.Expert],
        ["GetConsultationReport"] = [Anonymous, .. Everyone],
        ["PublishConsultationReport"] = [Roles.ProgrammeTeam],
        ["DisposeConsultationComments"] = [Roles.ProgrammeTeam, Roles.Expert],
        ["RecordConsultationCommentsTakenIn"] = [Roles.ProgrammeTeam, Roles.Expert],
        ["PublishConsultationMeetingMinutes"] = [Roles.ProgrammeTeam],
        ["WithdrawConsultationMeetingMinutes"] = [Roles.ProgrammeTeam],
        ["OpenConsultationMeetingRegistration"] = [Roles.ProgrammeTeam],
        ["RegisterForConsultationMeeting"] = [Roles.ProgrammeTeam, Roles.Partner, Roles.JstCoordinator],
        ["ListConsultationMeetingRegistrations"] = [Roles.ProgrammeTeam, Roles.Partner, Roles.JstCoordinator],
        ["GetConsultationMeetingRegistration"] = [Roles.ProgrammeTeam, Roles.Partner, Roles.JstCoordinator],
        ["RecordConsultationMeetingAttendance"] = [Roles.ProgrammeTeam],
        ["ListPublicConsultationRounds"] = [Anonymous, .. Everyone],
        ["GetPublicConsultationRound"] = [Anonymous, .. Everyone],
        ["GetPublicConsultationDocument"] = [Anonymous, .. Everyone],
        ["ListPublicConsultationMeetings"] = [Anonymous, .. Everyone],
        ["GetPublicConsultationMeeting"] = [Anonymous, .. Everyone],
        ["RegisterAdvisor"] = [Roles.ProgrammeTeam],
        ["ListAdvisors"] = [Roles.ProgrammeTeam],
        ["GetAdvisor"] = [Roles.ProgrammeTeam],
        ["GetMaturityFramework"] = [Anonymous, .. Everyone],
        ["GetSelfAssessmentRecommendations"] = [Roles.ProgrammeTeam, Roles.Advisor, Roles.JstCoordinator],
        ["StartSelfAssessment"] = [Roles.ProgrammeTeam, Roles.Advisor, Roles.JstCoordinator],
        ["ListSelfAssessments"] = [Roles.ProgrammeTeam, Roles.Advisor, Roles.JstCoordinator],
        ["GetSelfAssessment"] = [Roles.ProgrammeTeam, Roles.Advisor, Roles.JstCoordinator],
        ["CloseSelfAssessment"] = [Roles.ProgrammeTeam, Roles.Advisor, Roles.JstCoordinator],
        ["CreateSelfAssessmentInvitations"] = [Roles.ProgrammeTeam, Roles.Advisor, Roles.JstCoordinator],
        ["ListSelfAssessmentInvitations"] = [Roles.ProgrammeTeam, Roles.Advisor, Roles.JstCoordinator],
        ["RevokeSelfAssessmentInvitation"] = [Roles.ProgrammeTeam, Roles.Advisor, Roles.JstCoordinator],
        ["GetSelfAssessmentBenchmark"] = [Roles.ProgrammeTeam, Roles.Advisor, Roles.JstCoordinator],
        ["GetSelfAssessmentHistory"] = [Roles.ProgrammeTeam, Roles.Advisor, Roles.JstCoordinator],
        ["OpenSelfAssessmentQuestionnaire"] = [Anonymous, .. Everyone],
        ["SaveSelfAssessmentDraft"] = [Anonymous, .. Everyone],
        ["SubmitSelfAssessmentAnswers"] = [Anonymous, .. Everyone],
        ["AssignEngagement"] = [Roles.ProgrammeTeam],
        ["ListEngagements"] = [Roles.ProgrammeTeam, Roles.Advisor, Roles.JstCoordinator],
        ["GetEngagement"] = [Roles.ProgrammeTeam, Roles.Advisor, Roles.JstCoordinator],
        ["MoveEngagementStage"] = [Roles.ProgrammeTeam, Roles.Advisor],
        ["ReassignEngagement"] = [Roles.ProgrammeTeam],
        ["RecordDiagnosis"] = [Roles.ProgrammeTeam, Roles.Advisor],
        ["ListDiagnoses"] = [Roles.ProgrammeTeam, Roles.Advisor, Roles.JstCoordinator],
        ["CompareDiagnoses"] = [Roles.ProgrammeTeam, Roles.Advisor, Roles.JstCoordinator],
        ["AddPlanGoal"] = [Roles.ProgrammeTeam, Roles.Advisor],
        ["AddPlanAction"] = [Roles.ProgrammeTeam, Roles.Advisor],
        ["GetPlan"] = [Roles.ProgrammeTeam, Roles.Advisor, Roles.JstCoordinator],
        ["GetPlanAction"] = [Roles.ProgrammeTeam, Roles.Advisor, Roles.JstCoordinator],
        ["UpdateActionStatus"] = [Roles.ProgrammeTeam, Roles.Advisor, Roles.JstCoordinator],
        ["ListOverdueActions"] = [Roles.ProgrammeTeam, Roles.Advisor, Roles.JstCoordinator],
        ["LogAdvisorySession"] = [Roles.ProgrammeTeam, Roles.Advisor],
        ["ListAdvisorySessions"] = [Roles.ProgrammeTeam, Roles.Advisor, Roles.JstCoordinator],
        ["ApproveExtraHours"] = [Roles.ProgrammeTeam],
        ["GetEngagementReport"] = [Roles.ProgrammeTeam, Roles.Advisor, Roles.JstCoordinator],
        ["GetPilotAdvisoryReport"] = [Roles.ProgrammeTeam, Roles.Expert, Roles.Ministry],
        ["CreateRelease"] = [Roles.ProgrammeTeam],
        ["ListReleases"] = [Roles.ProgrammeTeam, Roles.Expert, Roles.Ministry],
        ["GetRelease"] = [Roles.ProgrammeTeam, Roles.Expert, Roles.Ministry],
        ["UpdateRelease"] = [Roles.ProgrammeTeam],
        ["PublishRelease"] = [Roles.ProgrammeTeam],
        ["GetReleaseFile"] = [Roles.ProgrammeTeam, Roles.Expert, Roles.Ministry],
        ["GetReleaseJson"] = [Roles.ProgrammeTeam, Roles.Expert, Roles.Ministry],
        ["RecordHandover"] = [Roles.ProgrammeTeam],
        ["AdoptRelease"] = [Roles.JstCoordinator, Roles.ProgrammeTeam],
        ["ListAdoptions"] = [Roles.ProgrammeTeam, Roles.Ministry],
        ["GetAdoption"] = [Roles.ProgrammeTeam, Roles.Ministry, Roles.JstCoordinator],
        ["CountAdoptions"] = [Anonymous, .. Everyone],
        ["GetIndicatorReport"] = [Anonymous, .. Everyone],
        ["GetSectionHistory"] = [Anonymous, .. Everyone],
        ["ListHandovers"] = [Roles.ProgrammeTeam, Roles.Ministry],
        ["GetHandover"] = [Roles.ProgrammeTeam, Roles.Ministry],
        ["DownloadHandoverPackage"] = [Roles.ProgrammeTeam, Roles.Ministry],
        ["AcknowledgeHandover"] = [Roles.Ministry],
        ["ListCatalogueReleases"] = [Anonymous, .. Everyone],
        ["GetLatestRelease"] = [Anonymous, .. Everyone],
        ["GetCatalogueRelease"] = [Anonymous, .. Everyone],
        ["GetCatalogueFile"] = [Anonymous, .. Everyone],
        ["GetCatalogueReleaseJson"] = [Anonymous, .. Everyone],
        ["GetCataloguePage"] = [Anonymous, .. Everyone],
        ["GetCatalogueDocument"] = [Anonymous, .. Everyone],
        ["GetCatalogueAsset"] = [Anonymous, .. Everyone],
        ["GetReleasesFeed"] = [Anonymous, .. Everyone],
        ["ResolveProgrammeId"] = [Anonymous, .. Everyone],
        ["ResolveReleaseId"] = [Anonymous, .. Everyone],
        ["GetReleaseCitation"] = [Anonymous, .. Everyone],
        ["GetReleaseCitationCslJson"] = [Anonymous, .. Everyone],
        ["GetProgrammeDataCite"] = [Anonymous, .. Everyone],
        ["GetDcatCatalogue"] = [Anonymous, .. Everyone],
        ["GetDcatProgramme"] = [Anonymous, .. Everyone],
        ["GetDcatRelease"] = [Anonymous, .. Everyone],
        ["CreateWebhookSubscription"] = [Roles.ProgrammeTeam, Roles.Partner, Roles.Ministry],
        ["ListWebhookSubscriptions"] = [Roles.ProgrammeTeam, Roles.Partner, Roles.Ministry],
        ["GetWebhookSubscription"] = [Roles.ProgrammeTeam, Roles.Partner, Roles.Ministry],
        ["UpdateWebhookSubscription"] = [Roles.ProgrammeTeam, Roles.Partner, Roles.Ministry],
        ["DeleteWebhookSubscription"] = [Roles.ProgrammeTeam, Roles.Partner, Roles.Ministry],
        ["ListWebhookDeliveries"] = [Roles.ProgrammeTeam, Roles.Partner, Roles.Ministry],
        ["RedeliverWebhook"] = [Roles.ProgrammeTeam, Roles.Partner, Roles.Ministry],
    };

    [Fact]
    public async Task Every_operation_answers_every_caller_as_the_table_says()
    {
        var operations = await OperationsAsync();
        var missing = operations.Select(o => o.Id).Except(Allowed.Keys).ToList();
        Assert.True(missing.Count == 0, "Operations missing from the role table: " + string.Join(", ", missing));

        var callers = new Dictionary<string, HttpClient> { [Anonymous] = api.CreateClient() };
        foreach (var role in Roles.TokenRoles)
        {
            callers[role] = api.ClientAs(role);
        }

        callers[Roles.Partner] = await api.PartnerClientAsync(SeededOrganisations.Zmp);

        var mismatches = new List<string>();
        foreach (var (id, method, path, bodyType) in operations)
        {
            foreach (var (caller, client) in callers)
            {
                var status = (await client.SendAsync(RequestFor(method, path, bodyType))).StatusCode;
                var allowed = Allowed[id].Contains(caller);
                var expected = allowed ? "allowed" : caller == Anonymous ? "401" : "403";
                var actual = status switch
                {
                    HttpStatusCode.Unauthorized => "401",
                    HttpStatusCode.Forbidden => "403",
                    _ => "allowed",
                };
                if (actual != expected)
                {
                    mismatches.Add($"{id} as {caller}: expected {expected}, got {(int)status}");
                }
            }
        }

        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
    }

    [Fact]
    public async Task The_table_names_no_operation_the_contract_lacks()
    {
        var operations = (await OperationsAsync()).Select(o => o.Id).ToHashSet();

        Assert.DoesNotContain(Allowed.Keys, id => !operations.Contains(id));
    }

    /// <summary>Each operation with the JSON media type its request body is declared in (application/json when none).</summary>
    private async Task<List<(string Id, string Method, string Path, string BodyType)>> OperationsAsync()
    {
        var document = JsonNode.Parse(await api.CreateClient().GetStringAsync("/swagger/v1/swagger.json"))!;
        return document["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject().Select(op => (op.Value!["operationId"]!.GetValue<string>(), op.Key.ToUpperInvariant(), path.Key,
                op.Value!["requestBody"]?["content"]?.AsObject().Select(c => c.Key).FirstOrDefault(t => t.EndsWith("json", StringComparison.Ordinal))
                ?? "application/json")))
            .ToList();
    }

    /// <summary>
    /// Path parameters get fresh ids; bodies are empty objects in the declared JSON media type (routing refuses another type of an
    /// endpoint that declares one, e.g. a merge patch, with 415 before authorization): enough to get past authorization, which runs first.
    /// </summary>
    private static HttpRequestMessage RequestFor(string method, string path, string bodyType)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), PathParameter().Replace(path, _ => Guid.NewGuid().ToString()));
        if (method is "POST" or "PUT" or "PATCH")
        {
            request.Content = new StringContent("{}", System.Text.Encoding.UTF8, bodyType);
        }

        return request;
    }

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex PathParameter();
}
