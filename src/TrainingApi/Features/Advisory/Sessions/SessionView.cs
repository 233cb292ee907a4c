namespace TrainingApi.Features.Advisory.Sessions;

public sealed record SessionView(
    Guid Id, Guid EngagementId, DateOnly HeldOn, decimal Hours, AdvisorySessionMode Mode, IReadOnlyList<string> Attendees, IReadOnlyList<string> Topics,
    string? Notes, IReadOnlyList<string> FollowUps, DateTimeOffset LoggedAt)
{
    public static SessionView From(AdvisorySession s) => new(s.Id, s.EngagementId, s.HeldOn, s.Hours, s.Mode, s.Attendees, s.Topics, s.Notes, s.FollowUps, s.LoggedAt);

    public static readonly SessionView Example = new(Guid.Parse("01936b30-3500-7000-8000-000000000001"), Guid.Parse("01936b30-3100-7000-8000-000000000001"),
        new DateOnly(2024, 9, 12), 2.5m, AdvisorySessionMode.InPerson, ["Ewa Zielińska (naczelniczka Wydziału Edukacji)", "dyrektorzy 4 szkół podstawowych"],
        ["kopie zapasowe w szkołach", "podział ról JST–CUW–szkoła"], "Uzgodniono projekt polityki kopii zapasowych.",
        ["Wydział Edukacji przekaże projekt dyrektorom do 30.09."], new DateTimeOffset(2024, 9, 12, 15, 0, 0, TimeSpan.Zero));
}
