using System.Net;
using System.Text.Json;
using TrainingApi.Common.Http;
using TrainingApi.Features.Consultations.Meetings;
using TrainingApi.Features.Consultations.Organisations;
using TrainingApi.Features.Consultations.Public;
using TrainingApi.Features.Consultations.Rounds;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Features.Consultations.Public;

/// <summary>The consultation as a public act: anonymous, cacheable, and nothing private in it.</summary>
public sealed class PublicConsultationReadsTests(ConsultationsFactory api) : IClassFixture<ConsultationsFactory>
{
    private readonly ConsultationSteps steps = new(api);
    private readonly HttpClient anonymous = api.CreateClient();

    private const string Minutes = "Protokół: omówiono moduł 2; uwagi ZPP zapisano.";

    [Fact]
    public async Task Anyone_reads_the_rounds_and_a_round_with_its_window_status_and_links_cacheably()
    {
        var round = await steps.OpenRoundAsync();

        var list = await anonymous.GetAsync("/api/v1/public/consultation-rounds?limit=100");
        var one = await anonymous.GetAsync($"/api/v1/public/consultation-rounds/{round.Id}");

        var page = await list.ShouldBeAsync<Page<PublicRoundView>>(HttpStatusCode.OK);
        Assert.Contains(page.Items, r => r.Id == round.Id);
        var view = await one.ShouldBeAsync<PublicRoundView>(HttpStatusCode.OK);
        Assert.Equal((RoundStatus.Open, round.OpensAt, round.ClosesAt, "1.0"), (view.Status, view.OpensAt, view.ClosesAt, view.VersionLabel));
        Assert.Equal($"/api/v1/public/consultation-rounds/{round.Id}/document", view.Links.Document);
        Assert.Null(view.Links.Report);
        Assert.Equal("public, max-age=300", one.Headers.CacheControl!.ToString());
        await ConditionalGets.AssertAnswers304Async(anonymous, $"/api/v1/public/consultation-rounds/{round.Id}");
        await ConditionalGets.AssertAnswers304Async(anonymous, "/api/v1/public/consultation-rounds");
        // Still 401 on the team's own read: the public one is a separate, narrower projection.
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/v1/consultation-rounds/{round.Id}")).StatusCode);
    }

    [Fact]
    public async Task A_round_whose_status_moves_with_the_clock_gets_a_new_etag()
    {
        var round = await steps.OpenRoundAsync(days: 1);
        var url = $"/api/v1/public/consultation-rounds/{round.Id}";
        var tag = await ConditionalGets.AssertAnswers304Async(anonymous, url);

        api.Clock.Now = round.ClosesAt.AddMinutes(1);

        Assert.Equal(HttpStatusCode.OK, await ConditionalGets.GetIfNoneMatchAsync(anonymous, url, tag));
        Assert.Equal(RoundStatus.Closed, (await (await anonymous.GetAsync(url)).ShouldBeAsync<PublicRoundView>(HttpStatusCode.OK)).Status);
        api.Clock.Now = DateTimeOffset.UtcNow;
    }

    [Fact]
    public async Task Anyone_reads_the_consulted_text_as_html_and_markdown_without_its_authors()
    {
        var round = await steps.OpenRoundAsync();

        var response = await anonymous.GetAsync($"/api/v1/public/consultation-rounds/{round.Id}/document");

        var document = await response.ShouldBeAsync<PublicDocumentView>(HttpStatusCode.OK);
        Assert.Equal(ConsultationSteps.Anchors, document.Sections.Select(s => s.Anchor));
        Assert.All(document.Sections, s => Assert.StartsWith("<", s.Html.TrimStart()));
        Assert.All(document.Sections, s => Assert.False(string.IsNullOrWhiteSpace(s.Markdown)));
        Assert.Equal("modul-2", document.Sections.Single(s => s.Anchor == "modul-2-1").ParentAnchor);
        var json = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("\"authors\"", json, StringComparison.Ordinal);
        Assert.Equal("public, max-age=300", response.Headers.CacheControl!.ToString());
        await ConditionalGets.AssertAnswers304Async(anonymous, $"/api/v1/public/consultation-rounds/{round.Id}/document");
    }

    [Fact]
    public async Task Meetings_show_place_link_and_organisations_present_and_the_minutes_only_once_public_never_who_signed_up()
    {
        var round = await steps.OpenRoundAsync();
        var meeting = await ScheduleAsync(round, api.Clock.Now.AddDays(2));
        var partner = await api.PartnerClientAsync(SeededOrganisations.Zmp);
        await OpenSignUpAsync(meeting.Id, 20);
        (await partner.SendAsync(Registrations.RegisterForMeetingTests.Register(meeting.Id,
            new { name = "Jan Tajny", email = "jan.tajny@zmp.example.pl", phone = "+48 600 111 222", position = "ekspert" }))).EnsureSuccessStatusCode();

        var before = await anonymous.GetAsync($"/api/v1/public/consultation-meetings/{meeting.Id}");
        var listBefore = await anonymous.GetAsync($"/api/v1/public/consultation-rounds/{round.Id}/meetings");
        var tagBefore = before.Headers.ETag!.Tag;
        await PublishMinutesAsync(meeting.Id);
        var after = await anonymous.GetAsync($"/api/v1/public/consultation-meetings/{meeting.Id}");

        var hidden = await before.ShouldBeAsync<PublicMeetingView>(HttpStatusCode.OK);
        Assert.Null(hidden.Minutes);
        Assert.Equal(["Związek Miast Polskich", "Związek Powiatów Polskich"], hidden.OrganisationsPresent.Select(o => o.Name).Order());
        Assert.Equal(("Warszawa, ORE", "https://spotkania.example.pl/k1"), (hidden.Place, hidden.OnlineLink));
        Assert.Equal(new RegistrationSummary(20, 1, 19), hidden.Registration);
        var listed = await listBefore.ShouldBeAsync<Page<PublicMeetingView>>(HttpStatusCode.OK);
        Assert.Null(Assert.Single(listed.Items).Minutes);
        foreach (var text in new[] { await before.Content.ReadAsStringAsync(), await after.Content.ReadAsStringAsync(), JsonSerializer.Serialize(listed) })
        {
            Assert.DoesNotContain("Tajny", text, StringComparison.Ordinal);
            Assert.DoesNotContain("zmp.example.pl", text, StringComparison.Ordinal);
            Assert.DoesNotContain("600 111", text, StringComparison.Ordinal);
            Assert.DoesNotContain("attendeeCount", text, StringComparison.Ordinal);
        }

        var shown = await after.ShouldBeAsync<PublicMeetingView>(HttpStatusCode.OK);
        Assert.Equal(Minutes, shown.Minutes);
        Assert.NotEqual(tagBefore, after.Headers.ETag!.Tag);
        Assert.Equal("public, max-age=300", after.Headers.CacheControl!.ToString());
        await ConditionalGets.AssertAnswers304Async(anonymous, $"/api/v1/public/consultation-meetings/{meeting.Id}");
        await ConditionalGets.AssertAnswers304Async(anonymous, $"/api/v1/public/consultation-rounds/{round.Id}/meetings");
    }

    [Fact]
    public async Task The_published_report_is_the_public_read_of_comments_and_dispositions_and_names_no_person()
    {
        var round = await steps.OpenRoundAsync(days: 1);
        var submission = await steps.TeamSubmitsAsync(round.Id, SeededOrganisations.Zpp, ConsultationSteps.Comment());
        (await steps.DisposeAsync(submission.Comments[0].Id, "accepted", "Dodano.", steps.Team)).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/v1/consultation-rounds/{round.Id}/report")).StatusCode);

        await steps.CloseAndPublishAsync(round);
        var report = await anonymous.GetAsync($"/api/v1/consultation-rounds/{round.Id}/report");
        var publicRound = await (await anonymous.GetAsync($"/api/v1/public/consultation-rounds/{round.Id}")).ShouldBeAsync<PublicRoundView>(HttpStatusCode.OK);

        Assert.Equal(HttpStatusCode.OK, report.StatusCode);
        var text = await report.Content.ReadAsStringAsync();
        Assert.Contains("Dodano.", text, StringComparison.Ordinal);
        // The team member who answered and who entered the comments are not in it (token subjects of people).
        Assert.DoesNotContain("disposedBy", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("submittedBy", text, StringComparison.OrdinalIgnoreCase);
        Assert.Equal($"/api/v1/consultation-rounds/{round.Id}/report", publicRound.Links.Report);
        Assert.Equal(RoundStatus.ReportPublished, publicRound.Status);
        api.Clock.Now = DateTimeOffset.UtcNow;
    }

    [Fact]
    public async Task An_unknown_round_or_meeting_is_a_404()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/v1/public/consultation-rounds/{Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/v1/public/consultation-rounds/{Guid.NewGuid()}/document")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/v1/public/consultation-rounds/{Guid.NewGuid()}/meetings")).StatusCode);
        await (await anonymous.GetAsync($"/api/v1/public/consultation-meetings/{Guid.NewGuid()}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
    }

    private async Task<MeetingView> ScheduleAsync(RoundView round, DateTimeOffset startsAt) =>
        await (await steps.Team.PostJsonAsync($"/api/v1/consultation-rounds/{round.Id}/meetings", new
        {
            startsAt, durationMinutes = 120, place = "Warszawa, ORE", onlineLink = "https://spotkania.example.pl/k1", organiser = "ORE",
            organisationsPresent = new[] { SeededOrganisations.Zmp, SeededOrganisations.Zpp }, attendeeCount = 31, minutes = Minutes,
        })).ShouldBeAsync<MeetingView>(HttpStatusCode.Created);

    private async Task OpenSignUpAsync(Guid meetingId, int capacity)
    {
        var etag = (await steps.Team.GetAsync($"/api/v1/consultation-meetings/{meetingId}")).Headers.ETag!;
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/consultation-meetings/{meetingId}/registration")
        {
            Content = HttpExtensions.JsonBody($$"""{"capacity":{{capacity}}}"""),
        };
        request.Headers.IfMatch.Add(etag);
        (await steps.Team.SendAsync(request)).EnsureSuccessStatusCode();
    }

    private async Task PublishMinutesAsync(Guid meetingId)
    {
        var etag = (await steps.Team.GetAsync($"/api/v1/consultation-meetings/{meetingId}")).Headers.ETag!;
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/consultation-meetings/{meetingId}/minutes/publication");
        request.Headers.IfMatch.Add(etag);
        (await steps.Team.SendAsync(request)).EnsureSuccessStatusCode();
    }
}
