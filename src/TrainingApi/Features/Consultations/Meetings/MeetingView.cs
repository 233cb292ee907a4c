using TrainingApi.Common.Http;
using TrainingApi.Common.Localization;

namespace TrainingApi.Features.Consultations.Meetings;

public sealed record MeetingView(
    Guid Id, Guid RoundId, DateTimeOffset StartsAt, string StartsAtWarsaw, int DurationMinutes, string? Place, string? OnlineLink,
    string Organiser, IReadOnlyList<Guid> OrganisationsPresent, int? AttendeeCount, string? Minutes, int CommentsGathered)
{
    public static MeetingView From(ConsultationMeeting m, int commentsGathered) => new(
        m.Id, m.RoundId, m.StartsAt, WarsawTime.Format(m.StartsAt), m.DurationMinutes, m.Place, m.OnlineLink, m.Organiser,
        m.OrganisationsPresent, m.AttendeeCount, m.Minutes, commentsGathered);

    /// <summary>The row version for If-Match, with the comments gathered (other rows) for 304s.</summary>
    public string ETag(uint rowVersion) => EntityTags.Format(rowVersion, CommentsGathered);

    public static readonly MeetingView Example = new(
        Guid.Parse("01936b30-2000-7000-8000-000000000010"), Guid.Parse("01936b30-2000-7000-8000-000000000001"),
        new DateTimeOffset(2024, 3, 20, 9, 0, 0, TimeSpan.Zero), "2024-03-20 10:00 (Europe/Warsaw)", 180, "Warszawa, ul. Górnośląska 4a (ORE)",
        "https://spotkania.ore.edu.pl/konsultacje-jst", "ORE wspólnie ze Związkiem Miast Polskich",
        [Guid.Parse("0190a0b0-0000-7000-8000-000000000001"), Guid.Parse("0190a0b0-0000-7000-8000-000000000002")], 42,
        "1. Przedstawienie koncepcji programu.\n2. Dyskusja nad modułem 2 (cyberbezpieczeństwo).\n3. Zebrano 17 uwag.", 17);
}
