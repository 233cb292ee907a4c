using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using TrainingApi.Common.Security;
using TrainingApi.Features.Consultations.Organisations;
using TrainingApi.Features.Curriculum.Versions;
using TrainingApi.Tests.Features.Advisory;
using TrainingApi.Tests.Features.Consultations;
using TrainingApi.Tests.Features.Curriculum;
using TrainingApi.Tests.Features.MaterialsHandover;
using TrainingApi.Tests.Features.PilotEnrollment;
using TrainingApi.Tests.Features.PilotEnrollment.Pilot;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Common.OpenApi;

/// <summary>
/// The contract promises that the Location of a 201 or 202 is where the created resource can be read. For every operation that
/// declares one, this creates a resource over HTTP as a caller that may, follows the Location with the same client and expects
/// a 200 that names what was created. An operation that gains a Location must be added here, or the first test fails.
/// </summary>
public sealed class LocationsLeadSomewhereTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    /// <summary>What a creation answered, who asked, and the id the resource at its Location must name.</summary>
    public sealed record Created(HttpClient Caller, HttpResponseMessage Response, JsonElement Body, string ExpectedId);

    /// <summary>
    /// Followed where the scene for it is built: a delivery to redeliver must first fail ten times against a receiver
    /// (<see cref="WebhookFactory"/>), which takes half a minute.
    /// </summary>
    private static readonly Dictionary<string, string> FollowedElsewhere = new(StringComparer.Ordinal)
    {
        ["RedeliverWebhook"] = "Common/Webhooks/WebhookDeliveryTests.A_delivery_that_fails_every_attempt_is_given_up_and_can_be_redelivered_by_hand",
    };

    public static TheoryData<string> Operations => [.. Recipes.Keys.Order(StringComparer.Ordinal)];

    [Fact]
    public async Task Every_operation_whose_contract_declares_a_Location_is_followed()
    {
        var document = JsonNode.Parse(await api.CreateClient().GetStringAsync("/swagger/v1/swagger.json"))!;
        var declaring = document["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject().Select(operation => operation.Value))
            .Where(operation => operation?["responses"] is JsonObject responses &&
                                new[] { "201", "202" }.Any(status => responses[status]?["headers"]?["Location"] is not null))
            .Select(operation => (string)operation!["operationId"]!)
            .Order(StringComparer.Ordinal);

        Assert.Equal(declaring, Recipes.Keys.Concat(FollowedElsewhere.Keys).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task The_Location_answers_200_to_the_creator_and_names_what_was_created(string operationId)
    {
        var created = await Recipes[operationId](new Scene(api));

        Assert.True(created.Response.StatusCode is HttpStatusCode.Created or HttpStatusCode.Accepted,
            $"{operationId} answered {(int)created.Response.StatusCode}: {created.Body}");
        var location = created.Response.Headers.Location;
        Assert.NotNull(location);
        var read = await created.Caller.GetAsync(location);
        var body = await read.Content.ReadAsStringAsync();

        Assert.True(read.StatusCode == HttpStatusCode.OK, $"{operationId}: GET {location} answered {(int)read.StatusCode}: {body}");
        Assert.Contains(created.ExpectedId, body, StringComparison.OrdinalIgnoreCase);
    }

    private static async Task<Created> As(HttpClient caller, Task<HttpResponseMessage> sending, Func<JsonElement, string>? expectedId = null)
    {
        var response = await sending;
        var text = await response.Content.ReadAsStringAsync();
        var body = text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
        var id = body.ValueKind == JsonValueKind.Object ? (expectedId ?? (b => b.GetProperty("id").GetString()!))(body) : "";
        return new Created(caller, response, body, id);
    }

    private static HttpRequestMessage Idempotent(HttpMethod method, string url, object body) =>
        new HttpRequestMessage(method, url) { Content = HttpExtensions.JsonBody(JsonSerializer.Serialize(body, HttpExtensions.Json)) }
            .WithHeader("Idempotency-Key", Guid.NewGuid().ToString());

    private static readonly Dictionary<string, Func<Scene, Task<Created>>> Recipes = new(StringComparer.Ordinal)
    {
        // Curriculum
        ["CreateProgramme"] = s => As(s.Team, s.Team.PostJsonAsync("/api/v1/programmes", new { title = "Program z adresem" })),
        ["CreateVersion"] = async s => await As(s.Team, s.Team.PostJsonAsync($"/api/v1/programmes/{(await s.Curriculum.ProgrammeAsync()).Id}/versions", new { label = "1.0" })),
        ["AddSection"] = async s =>
        {
            var version = await s.Curriculum.DraftAsync();
            return await As(s.Team, s.Curriculum.AddAsync(version.Id, new { anchor = "modul-1", kind = "module", title = "Moduł", markdown = "Treść modułu dla JST." }),
                b => b.GetProperty("anchor").GetString()!);
        },
        ["WaiveAccessibilityFinding"] = async s =>
        {
            var version = await s.Curriculum.DraftAsync();
            await s.Curriculum.SectionAsync(version.Id, "modul-1", markdown: "![](wykres.png)");
            await s.Curriculum.MoveAlongAsync(version.Id, VersionStatus.InReview);
            var report = JsonDocument.Parse(await s.Team.GetStringAsync($"/api/v1/versions/{version.Id}/accessibility")).RootElement;
            var findingId = report.GetProperty("findings")[0].GetProperty("id").GetString()!;
            return await As(s.Team, s.Team.PostJsonAsync($"/api/v1/versions/{version.Id}/accessibility/waivers",
                new { findingId, reason = "Wykres opisany w tekście obok; poprawiony w następnej wersji." }), _ => findingId);
        },
        ["UploadAsset"] = async s =>
        {
            var version = await s.Curriculum.DraftAsync();
            // The Location is the file itself: a PNG starts with the bytes of "PNG".
            return await As(s.Team, s.Team.PutAsync($"/api/v1/versions/{version.Id}/assets/schemat.png", new ByteArrayContent(Features.Curriculum.Assets.SampleImages.Png(40, 30))),
                _ => "PNG");
        },
        ["RegisterLegalAct"] = s => As(s.Expert, s.Expert.PostJsonAsync("/api/v1/legal-acts", new { citation = Scene.NewCitation(), title = "Ustawa", publishedOn = "2023-01-02" })),
        ["RecordLegalActAmendment"] = async s =>
        {
            var act = await s.Curriculum.ActAsync(Scene.NewCitation());
            return await As(s.Expert, s.Expert.PostJsonAsync($"/api/v1/legal-acts/{act.Id}/amendments", new { amendedOn = "2024-06-12" }),
                b => b.GetProperty("legalActId").GetString()!);
        },

        // Self-assessment
        ["StartSelfAssessment"] = s =>
        {
            var coordinator = s.Api.ClientAs(Roles.JstCoordinator, teryt: Features.SelfAssessment.SelfAssessmentSteps.NextTeryt());
            return As(coordinator, coordinator.PostJsonAsync("/api/v1/self-assessments", new { deadline = DateTimeOffset.UtcNow.AddDays(10) }));
        },
        ["CreateSelfAssessmentInvitations"] = async s =>
        {
            var coordinator = s.Api.ClientAs(Roles.JstCoordinator, teryt: Features.SelfAssessment.SelfAssessmentSteps.NextTeryt());
            var round = JsonDocument.Parse(await (await coordinator.PostJsonAsync("/api/v1/self-assessments", new { deadline = DateTimeOffset.UtcNow.AddDays(10) }))
                .Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString();
            return await As(coordinator, coordinator.PostJsonAsync($"/api/v1/self-assessments/{round}/invitations", new { invitees = new[] { new { role = "it" } } }),
                b => b.GetProperty("invitations")[0].GetProperty("id").GetString()!);
        },

        // Materials handover
        ["CreateRelease"] = async s => await As(s.Team, new HandoverSteps(s.Api).CreateAsync((await s.TestedVersionAsync()).Id, "1.0.0")),
        ["RecordHandover"] = async s =>
            await As(s.Team, s.Team.PostJsonAsync($"/api/v1/releases/{await s.PublishedReleaseAsync()}/handovers", new { handedOverOn = "2025-01-20" })),
        ["AdoptRelease"] = async s =>
        {
            var coordinator = s.Api.ClientAs(Roles.JstCoordinator, teryt: "1061");
            return await As(coordinator, coordinator.PostJsonAsync($"/api/v1/releases/{await s.PublishedReleaseAsync()}/adoptions", new
            {
                project = "Cyfrowa gmina", call = "FERS.01.08", contact = new { name = "Ewa Zielińska", email = "ewa.zielinska@uml.lodz.pl" },
            }));
        },

        // Platform
        ["CreateWebhookSubscription"] = s => As(s.Team, s.Team.PostJsonAsync("/api/v1/webhook-subscriptions",
            new { url = "http://127.0.0.1:9/hooks", eventTypes = new[] { "programme.created" } }), b => b.GetProperty("subscription").GetProperty("id").GetString()!),

        // Partner access and organisations
        ["RegisterOrganisation"] = s => As(s.Team, s.Team.PostJsonAsync("/api/v1/organisations",
            new { name = $"Stowarzyszenie {Guid.NewGuid():N}", kind = "other", isProjectPartner = false })),
        ["IssueApiKey"] = s => As(s.Team, s.Team.PostJsonAsync($"/api/v1/organisations/{SeededOrganisations.Zmp}/api-keys", new { name = "Klucz z adresem" }),
            b => b.GetProperty("key").GetProperty("id").GetString()!),

        // Pilot enrollment
        ["OpenRecruitment"] = async s => await As(s.Team, s.Team.PostJsonAsync("/api/v1/recruitments", new
        {
            title = "Nabór z adresem", opensAt = DateTimeOffset.UtcNow.AddHours(-1), closesAt = DateTimeOffset.UtcNow.AddDays(7), capacity = 5,
            maxParticipantsPerJst = 3, rodoClauseVersion = EnrollmentSteps.Rodo, eligibleKinds = new[] { "gmina-miejska", "gmina-wiejska" },
            programmeVersionId = await EnrollmentSteps.PilotVersionAsync(s.Api),
        })),
        ["ApplyToRecruitment"] = async s =>
        {
            var recruitment = await EnrollmentSteps.OpenAsync(s.Api);
            var teryt = EnrollmentSteps.Gminas(1, skip: 60)[0];
            var coordinator = s.Api.ClientAs(Roles.JstCoordinator, teryt: teryt);
            return await As(coordinator, coordinator.SendAsync(Idempotent(HttpMethod.Post, $"/api/v1/recruitments/{recruitment.Id}/applications", EnrollmentSteps.Body())));
        },
        ["CreateCohort"] = async s =>
        {
            var recruitment = await EnrollmentSteps.OpenAsync(s.Api);
            var application = JsonDocument.Parse(await (await EnrollmentSteps.ApplyAsync(s.Api, recruitment.Id, EnrollmentSteps.Gminas(1, skip: 61)[0]))
                .Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString();
            return await As(s.Team, s.Team.PostJsonAsync($"/api/v1/recruitments/{recruitment.Id}/cohorts", new { name = "Grupa z adresem", applicationIds = new[] { application } }));
        },
        ["ScheduleSession"] = async s => await As(s.Team, s.Team.PostJsonAsync($"/api/v1/cohorts/{await s.CohortAsync(62)}/sessions", new
        {
            moduleAnchor = "modul-3", startsAt = "2024-09-17T07:00:00Z", durationMinutes = 360, mode = "workshop", trainer = "dr Piotr Wiśniewski",
        })),
        ["RecordEvaluations"] = async s => await As(s.Team, s.Team.PostJsonAsync($"/api/v1/cohorts/{await s.CohortAsync(63)}/evaluations",
            new { responses = new[] { new { moduleAnchor = "modul-3", preScore = 42, postScore = 78, satisfaction = 5, comment = "Praktyczne." } } }),
            b => b.GetProperty("cohortId").GetString()!),
        ["IssueCertificate"] = async s =>
        {
            var (_, _, members, sessions) = await AttendanceSteps.CohortWithSessionsAsync(s.Api, s.Team, sessions: 1, skip: 64);
            (await s.Team.PutJsonAsync($"/api/v1/sessions/{sessions[0]}/attendance", new { presentParticipantIds = new[] { members[0] } })).EnsureSuccessStatusCode();
            // The certificate is an HTML page: it names its verification code, not its id.
            return await As(s.Team, s.Team.PostAsync($"/api/v1/participants/{members[0]}/certificate", null), b => b.GetProperty("code").GetString()!);
        },

        // Advisory
        ["RegisterAdvisor"] = s => As(s.Team, s.Team.PostJsonAsync("/api/v1/advisors", new
        {
            subject = "doradca-" + Guid.NewGuid().ToString("N")[..8], name = "Doradca z adresem", email = "doradca@example.pl",
            specialisations = new[] { "cyberbezpieczenstwo" }, capacity = 3,
        })),
        ["AssignEngagement"] = async s =>
        {
            var (recruitment, jst) = await s.Advisory.PilotAsync(1, skip: 70);
            var advisor = await s.Advisory.AdvisorAsync();
            return await As(s.Team, s.Advisory.AssignAsync(recruitment.Id, jst[0], advisor.Id));
        },
        ["RecordDiagnosis"] = async s =>
        {
            var (engagement, advisor, _) = await s.Advisory.EngagementAsync(skip: 71);
            return await As(advisor, advisor.PostJsonAsync($"/api/v1/engagements/{engagement.Id}/diagnoses",
                AdvisorySteps.Diagnosis("initial", ("education-department", AdvisorySteps.Answers(3)))));
        },
        ["AddPlanGoal"] = async s =>
        {
            var (engagement, advisor) = await s.PlanningAsync(72);
            return await As(advisor, AdvisorySteps.GoalAsync(advisor, engagement));
        },
        ["AddPlanAction"] = async s =>
        {
            var (engagement, advisor) = await s.PlanningAsync(73);
            var goal = JsonDocument.Parse(await (await AdvisorySteps.GoalAsync(advisor, engagement)).Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString();
            return await As(advisor, advisor.PostJsonAsync($"/api/v1/plan-goals/{goal}/actions",
                new { title = "Szkolenie sekretariatów", owner = "CUW", ownedByCoordinator = false, deadline = "2099-06-30" }));
        },
        ["LogAdvisorySession"] = async s =>
        {
            var (engagement, advisor, _) = await s.Advisory.EngagementAsync(skip: 74);
            return await As(advisor, AdvisorySteps.SessionAsync(advisor, engagement.Id));
        },

        // Consultations
        ["OpenConsultationRound"] = async s => await As(s.Team, s.Team.PostJsonAsync("/api/v1/consultation-rounds", new
        {
            versionId = await s.VersionInConsultationAsync(), title = "Konsultacje z adresem",
            opensAt = DateTimeOffset.UtcNow.AddHours(-1), closesAt = DateTimeOffset.UtcNow.AddDays(14),
        })),
        ["ScheduleConsultationMeeting"] = async s => await As(s.Team, s.Team.PostJsonAsync($"/api/v1/consultation-rounds/{await s.RoundAsync()}/meetings",
            new { startsAt = DateTimeOffset.UtcNow.AddDays(3), durationMinutes = 90, place = "Kraków", organiser = "ORE" })),
        ["SubmitConsultationComments"] = async s =>
        {
            var partner = await s.Api.PartnerClientAsync(SeededOrganisations.Zmp);
            return await As(partner, partner.SendAsync(ConsultationSteps.Submission(await s.RoundAsync(),
                new { externalReference = $"ZMP/{Guid.NewGuid():N}", comments = new[] { ConsultationSteps.Comment() } }, Guid.NewGuid().ToString())));
        },
        ["RegisterForConsultationMeeting"] = async s =>
        {
            var partner = await s.Api.PartnerClientAsync(SeededOrganisations.Zmp);
            return await As(partner, partner.SendAsync(Idempotent(HttpMethod.Post, $"/api/v1/consultation-meetings/{await s.MeetingWithSignUpAsync()}/registrations",
                new { representatives = new[] { new { name = "Anna Kowalska", email = $"{Guid.NewGuid():N}@zmp.example.pl" } } })));
        },
    };

    /// <summary>What the recipes build on, over HTTP as in the slices' own tests.</summary>
    private sealed class Scene(ApiFactory api)
    {
        private static int citations = 5000;

        public ApiFactory Api => api;
        public HttpClient Team { get; } = api.ClientAs(Roles.ProgrammeTeam);
        public HttpClient Expert { get; } = api.ClientAs(Roles.Expert);
        public CurriculumSteps Curriculum => new(Team);
        public AdvisorySteps Advisory => new(api);

        public static string NewCitation() => $"Dz.U. 2023 poz. {Interlocked.Increment(ref citations)}";

        public async Task<VersionView> TestedVersionAsync() => (await new HandoverSteps(api).TestedVersionAsync()).Version;

        public async Task<Guid> PublishedReleaseAsync()
        {
            var steps = new HandoverSteps(api);
            var release = await steps.DraftAsync((await steps.TestedVersionAsync()).Version.Id);
            return (await steps.PublishAsync(release.Id)).Id;
        }

        public async Task<Guid> CohortAsync(int skip) => (await PilotSteps.CohortAsync(api, jst: 1, participantsEach: 1, skip: skip)).Cohort.Id;

        /// <summary>An engagement diagnosed and moved to planning, and its advisor's client.</summary>
        public async Task<(Guid Engagement, HttpClient Advisor)> PlanningAsync(int skip)
        {
            var (engagement, advisor, _) = await Advisory.EngagementAsync(skip);
            await AdvisorySteps.DiagnoseAsync(advisor, engagement.Id);
            (await AdvisorySteps.MoveAsync(advisor, engagement.Id, "plan")).EnsureSuccessStatusCode();
            return (engagement.Id, advisor);
        }

        public async Task<Guid> VersionInConsultationAsync()
        {
            var version = await Curriculum.DraftAsync();
            await Curriculum.SectionAsync(version.Id, "modul-1", title: "Strategia cyfryzacji szkół", hours: 4);
            await Curriculum.SectionAsync(version.Id, "modul-2", title: "Cyberbezpieczeństwo", hours: 6);
            await Curriculum.MoveAlongAsync(version.Id, VersionStatus.InReview, VersionStatus.Accessible, VersionStatus.InConsultation);
            return version.Id;
        }

        public async Task<Guid> RoundAsync() =>
            JsonDocument.Parse(await (await Team.PostJsonAsync("/api/v1/consultation-rounds", new
            {
                versionId = await VersionInConsultationAsync(), title = "Konsultacje z korporacjami samorządowymi",
                opensAt = DateTimeOffset.UtcNow.AddHours(-1), closesAt = DateTimeOffset.UtcNow.AddDays(14),
            })).Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();

        public async Task<Guid> MeetingWithSignUpAsync()
        {
            var meeting = JsonDocument.Parse(await (await Team.PostJsonAsync($"/api/v1/consultation-rounds/{await RoundAsync()}/meetings",
                new { startsAt = DateTimeOffset.UtcNow.AddDays(3), durationMinutes = 90, place = "Kraków", organiser = "ORE" }))
                .Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();
            var etag = (await Team.GetAsync($"/api/v1/consultation-meetings/{meeting}")).Headers.ETag!;
            var open = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/consultation-meetings/{meeting}/registration") { Content = HttpExtensions.JsonBody("""{"capacity":10}""") };
            open.Headers.IfMatch.Add(etag);
            (await Team.SendAsync(open)).EnsureSuccessStatusCode();
            return meeting;
        }
    }
}
