using TrainingApi.Common.Localization;
using TrainingApi.Features.Consultations.Meetings;
using TrainingApi.Features.Consultations.Rounds;
using TrainingApi.Features.Curriculum.Sections;

namespace TrainingApi.Features.Consultations.Public;

/// <summary>Where the public finds the rest of a round: the consulted text, the meetings and (once published) the report.</summary>
public sealed record PublicRoundLinks(string Document, string Meetings, string? Report);

/// <summary>A consultation round as anyone sees it: its window and status, the version it consults, how many comments came. Nobody's personal data.</summary>
public sealed record PublicRoundView(
    Guid Id, string Title, string? Description, Guid ProgrammeId, Guid VersionId, string VersionLabel, DateTimeOffset OpensAt, DateTimeOffset ClosesAt,
    string OpensAtWarsaw, string ClosesAtWarsaw, RoundStatus Status, int Comments, DateTimeOffset? ReportPublishedAt, PublicRoundLinks Links)
{
    public static PublicRoundView From(ConsultationRound r, int comments, DateTimeOffset now) => new(
        r.Id, r.Title, r.Description, r.ProgrammeId, r.VersionId, r.VersionLabel, r.OpensAt, r.ClosesAt, WarsawTime.Format(r.OpensAt),
        WarsawTime.Format(r.ClosesAt), r.StatusAt(now), comments, r.ReportPublishedAt,
        new PublicRoundLinks($"/api/v1/public/consultation-rounds/{r.Id}/document", $"/api/v1/public/consultation-rounds/{r.Id}/meetings",
            r.ReportPublishedAt is null ? null : $"/api/v1/consultation-rounds/{r.Id}/report"));

    public static readonly PublicRoundView Example = new(
        RoundView.Example.Id, RoundView.Example.Title, RoundView.Example.Description, RoundView.Example.ProgrammeId, RoundView.Example.VersionId,
        RoundView.Example.VersionLabel, RoundView.Example.OpensAt, RoundView.Example.ClosesAt, RoundView.Example.OpensAtWarsaw, RoundView.Example.ClosesAtWarsaw,
        RoundStatus.Open, 128, null, new PublicRoundLinks($"/api/v1/public/consultation-rounds/{RoundView.Example.Id}/document",
            $"/api/v1/public/consultation-rounds/{RoundView.Example.Id}/meetings", null));
}

public sealed record PresentOrganisation(Guid Id, string Name);

/// <summary>
/// A meeting as anyone sees it: when, where (place and/or link), who organised it, which organisations came, the minutes once
/// the team has made them public, and how many places are left while sign-up is open. Never who signed up.
/// </summary>
public sealed record PublicMeetingView(
    Guid Id, Guid RoundId, DateTimeOffset StartsAt, string StartsAtWarsaw, int DurationMinutes, string? Place, string? OnlineLink, string Organiser,
    IReadOnlyList<PresentOrganisation> OrganisationsPresent, string? Minutes, DateTimeOffset? MinutesPublishedAt, RegistrationSummary? Registration)
{
    public static PublicMeetingView From(ConsultationMeeting m, IReadOnlyDictionary<Guid, string> organisations, int registered) => new(
        m.Id, m.RoundId, m.StartsAt, WarsawTime.Format(m.StartsAt), m.DurationMinutes, m.Place, m.OnlineLink, m.Organiser,
        [.. m.OrganisationsPresent.Where(organisations.ContainsKey).Select(o => new PresentOrganisation(o, organisations[o]))],
        m.MinutesArePublic ? m.Minutes : null, m.MinutesArePublic ? m.MinutesPublishedAt : null, RegistrationSummary.Of(m, registered));

    public static readonly PublicMeetingView Example = new(
        MeetingView.Example.Id, MeetingView.Example.RoundId, MeetingView.Example.StartsAt, MeetingView.Example.StartsAtWarsaw, MeetingView.Example.DurationMinutes,
        MeetingView.Example.Place, MeetingView.Example.OnlineLink, MeetingView.Example.Organiser,
        [new(MeetingView.Example.OrganisationsPresent[0], "Związek Miast Polskich"), new(MeetingView.Example.OrganisationsPresent[1], "Związek Powiatów Polskich")],
        MeetingView.Example.Minutes, MeetingView.Example.MinutesPublishedAt, MeetingView.Example.Registration);
}

/// <summary>A section of the consulted text as published: HTML (rendered when written) and its Markdown source. Authors are left out.</summary>
public sealed record PublicSection(
    string Anchor, string? ParentAnchor, int Depth, SectionKind Kind, string Title, string Html, string Markdown, decimal? Hours, LearningOutcomes LearningOutcomes,
    IReadOnlyList<string> DeliveryForms, IReadOnlyList<string> TargetRoles, IReadOnlyList<string> LegalActs);

public sealed record PublicDocumentView(Guid RoundId, Guid VersionId, string Programme, string VersionLabel, IReadOnlyList<PublicSection> Sections)
{
    public static readonly PublicDocumentView Example = new(RoundView.Example.Id, RoundView.Example.VersionId, "Zarządzanie cyfryzacją szkół w JST", "1.0",
    [
        new("modul-2", null, 0, SectionKind.Module, "Cyberbezpieczeństwo szkół", "<p>Szkoły przetwarzają dane uczniów i rodziców.</p>\n",
            "Szkoły przetwarzają dane uczniów i rodziców.", 6, new LearningOutcomes(["Zna obowiązki JST w zakresie cyberbezpieczeństwa."], [], []),
            ["workshop"], ["it-cybersecurity"], ["Dz.U. 2024 poz. 1077"]),
    ]);
}
