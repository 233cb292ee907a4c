using TrainingApi.Features.PilotEnrollment.Register;

namespace TrainingApi.Features.PilotEnrollment.Applications;

/// <param name="Id">What attendance, completion and certificates name the participant by.</param>
public sealed record ParticipantView(Guid Id, string Name, string Position, string Email, string? Phone);

public sealed record ApplicationView(
    Guid Id, Guid RecruitmentId, string JstTeryt, string JstName, ApplicationStatus Status, int? WaitlistPosition,
    IReadOnlyList<ParticipantView> Participants, Questionnaire Questionnaire, string RodoClauseVersion, DateTimeOffset RodoAcknowledgedAt,
    DateTimeOffset SubmittedAt, DateTimeOffset? DecidedAt, int? Score = null, DateTimeOffset? OfferExpiresAt = null)
{
    public static string Location(Guid id) => $"/api/v1/applications/{id}";

    public static ApplicationView From(Application a) => new(
        a.Id, a.RecruitmentId, a.JstTeryt, JstRegister.Find(a.JstTeryt)?.Name ?? a.JstTeryt, a.Status, a.WaitlistPosition,
        [.. a.Participants.Select(p => new ParticipantView(p.Id, p.Name, p.Position, p.Email, p.Phone))], a.Questionnaire,
        a.RodoClauseVersion, a.RodoAcknowledgedAt, a.SubmittedAt, a.DecidedAt, a.Score, a.OfferExpiresAt);

    public static readonly ApplicationView Example = new(
        Guid.Parse("01936b30-2000-7000-8000-000000000021"), Guid.Parse("01936b30-1000-7000-8000-000000000020"), "1061", "Łódź",
        ApplicationStatus.Accepted, null,
        [new ParticipantView(Guid.Parse("01936b30-3000-7000-8000-000000000022"), "Ewa Zielińska", "naczelniczka Wydziału Edukacji", "ewa.zielinska@uml.lodz.pl", "+48 42 000 00 00")],
        new Questionnaire(198, true, "Chcemy uporządkować zarządzanie sprzętem w szkołach i przygotować plan na lata 2025–2028."),
        "RODO-2024-04", new DateTimeOffset(2024, 5, 6, 7, 0, 3, TimeSpan.Zero), new DateTimeOffset(2024, 5, 6, 7, 0, 3, TimeSpan.Zero),
        new DateTimeOffset(2024, 5, 6, 7, 0, 3, TimeSpan.Zero));
}
