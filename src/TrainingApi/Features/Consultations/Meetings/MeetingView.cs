using TrainingApi.Common.Http;
using TrainingApi.Common.Localization;

namespace TrainingApi.Features.Consultations.Meetings;

/// <summary>Sign-up for a meeting while the team has it open: places in all, taken by registered representatives, and left.</summary>
public sealed record RegistrationSummary(int Capacity, int Registered, int PlacesLeft)
{
    public static RegistrationSummary? Of(ConsultationMeeting m, int registered) =>
        m.RegistrationCapacity is { } capacity ? new(capacity, registered, Math.Max(0, capacity - registered)) : null;
}

public sealed record MeetingView(
    Guid Id, Guid RoundId, DateTimeOffset StartsAt, string StartsAtWarsaw, int DurationMinutes, string? Place, string? OnlineLink,
    string Organiser, IReadOnlyList<Guid> OrganisationsPresent, int? AttendeeCount, string? Minutes, int CommentsGathered,
    DateTimeOffset? MinutesPublishedAt, RegistrationSummary? Registration, int Registered)
{
    public static MeetingView From(ConsultationMeeting m, int commentsGathered, int registered = 0) => new(
        m.Id, m.RoundId, m.StartsAt, WarsawTime.Format(m.StartsAt), m.DurationMinutes, m.Place, m.OnlineLink, m.Organiser,
        m.OrganisationsPresent, m.AttendeeCount, m.Minutes, commentsGathered, m.MinutesPublishedAt, RegistrationSummary.Of(m, registered), registered);

    /// <summary>The row version for If-Match, with the comments gathered and representatives registered (other rows) for 304s.</summary>
    public string ETag(uint rowVersion) => EntityTags.Format(rowVersion, CommentsGathered, Registered);

    public static readonly MeetingView Example = new(
        Guid.Parse("01936b30-2000-7000-8000-000000000010"), Guid.Parse("01936b30-2000-7000-8000-000000000001"),
        new DateTimeOffset(2024, 3, 20, 9, 0, 0, TimeSpan.Zero), "2024-03-20 10:00 (Europe/Warsaw)", 180, "Warszawa, ul. Górnośląska 4a (ORE)",
        "https://spotkania.ore.edu.pl/konsultacje-jst", "ORE wspólnie ze Związkiem Miast Polskich",
        [Guid.Parse("0190a0b0-0000-7000-8000-000000000001"), Guid.Parse("0190a0b0-0000-7000-8000-000000000002")], 42,
        "1. Przedstawienie koncepcji programu.\n2. Dyskusja nad modułem 2 (cyberbezpieczeństwo).\n3. Zebrano 17 uwag.", 17,
        new DateTimeOffset(2024, 3, 21, 9, 0, 0, TimeSpan.Zero), new RegistrationSummary(60, 42, 18), 42);
}
